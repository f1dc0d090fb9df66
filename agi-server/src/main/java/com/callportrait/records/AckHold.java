package com.callportrait.records;

import java.util.ArrayDeque;

/**
 * When the spool may forget records Redis has taken. Redis acknowledges an append before its
 * append-only file reaches the disk ({@code appendfsync everysec}: up to about two seconds later),
 * so a crash of redis-server itself can lose what it just acknowledged. The appender therefore
 * keeps each appended batch in the journal for {@code delay} more and only then acknowledges it;
 * if Redis crashed meanwhile, the next replay appends the lost records again (the seen key was lost
 * with them, so nothing is doubled; a record that survived is skipped by its seen key).
 *
 * <p>Not thread-safe: used by the appender's own thread only; {@link #heldEntries} may be read by
 * any thread.
 */
final class AckHold {
    private final long delayNanos;
    private final ArrayDeque<long[]> held = new ArrayDeque<>(); // {last seq of a batch, appended at, entries}
    private volatile long heldEntries;

    AckHold(java.time.Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    /** The batch of {@code entries} ending at {@code seq} is in Redis as of {@code nowNanos}. */
    void appended(long seq, int entries, long nowNanos) {
        held.addLast(new long[] {seq, nowNanos, entries});
        heldEntries += entries;
    }

    /**
     * The highest sequence number that has been in Redis for the whole delay at {@code nowNanos}
     * (and is forgotten here), or -1 when none has.
     */
    long ripe(long nowNanos) {
        long seq = -1;
        while (!held.isEmpty() && nowNanos - held.peekFirst()[1] >= delayNanos) {
            long[] batch = held.pollFirst();
            seq = batch[0];
            heldEntries -= batch[2];
        }
        return seq;
    }

    /** Entries in Redis and still held (readable from any thread, for metrics). */
    long heldEntries() {
        return heldEntries;
    }

    /** Batches appended but still held. */
    boolean isEmpty() {
        return held.isEmpty();
    }
}
