package com.callportrait.portrait.collect;

/**
 * Where sources push records. Every method has a no-op default so a sink takes only what it needs.
 * Implementations document their own thread-safety; sources call a sink from one thread.
 */
public interface RecordSink {
    default void customer(CustomerRecord r) { }

    default void bill(BillRecord r) { }

    default void complaint(ComplaintRecord r) { }

    default void ticket(TicketRecord r) { }

    default void interaction(InteractionRecord r) { }

    default void enrichment(EnrichmentRecord r) { }

    /** Survey score or disposition for a contact recorded earlier (same source id). */
    default void feedback(FeedbackRecord r) { }

    /**
     * The next record comes from stream entry {@code id} of {@code key} (stream sources only; the
     * entry id's first part is the append time in epoch milliseconds).
     */
    default void streamEntry(String key, String id) { }

    /**
     * As {@link #streamEntry(String, String)}, with the stable id the record was appended under
     * ({@code rid}, the same on every delivery of the record), or {@code null} for an entry appended
     * without one. By default only the entry is passed on.
     */
    default void streamEntry(String key, String id, String recordId) {
        streamEntry(key, id);
    }

    /** A source rejected an input line it could not parse at all. */
    default void rejected(String source, long line, String reason) { }
}
