package com.callportrait.portrait.collect;

/**
 * A pluggable data source. {@link #readInto} streams everything the source has into the sink and
 * returns; a source may be read again (files re-open, streams continue from their consumer group).
 * Not required to be thread-safe: one build reads one source from one thread.
 */
public interface Source {
    /** Short name used in reports, e.g. {@code crm:customers.csv}. */
    String name();

    /**
     * Pushes every record into {@code sink}.
     *
     * @return the number of records pushed
     * @throws CollectException when the source cannot be read at all (a bad line is reported to the
     *                          sink instead)
     */
    long readInto(RecordSink sink);
}
