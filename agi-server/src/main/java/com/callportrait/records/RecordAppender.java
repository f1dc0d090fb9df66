package com.callportrait.records;

import com.callportrait.portrait.collect.InteractionStream;
import com.callportrait.records.spool.Journal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves spooled records to Redis: reads the {@link Journal} in order (after a restart, first what
 * the last run left), appends each with {@link InteractionStream#appendOnce} (pipelined, a batch at
 * a time) and acknowledges the batch in the journal once Redis has had every record of it for the
 * spool's ack delay ({@link AckHold}: Redis's own append-only file may still be a second behind). A failed
 * append is retried with backoff (50 ms up to 1 s) until Redis answers; appends are idempotent by
 * record id, so a retry after a timeout or a replay after a crash never stores a record twice.
 *
 * <p>Owns one thread ({@code interaction-append}), not the application's shared scheduler: it
 * waits for Redis's replies to each batch and parks through backoff; never runs on a Netty event
 * loop. Lifecycle:
 * {@link #start()}, {@link #close(Duration)}. Thread-safe.
 */
final class RecordAppender {
    private static final Logger log = LoggerFactory.getLogger(RecordAppender.class);
    static final int BATCH = 256;
    private static final long WAIT_MS = 10_000;

    private final Journal journal;
    private final InteractionStream stream;
    private final Duration dedupTtl;
    private final AckHold hold;
    private final long replayUpTo;
    private final Counter appended;
    private final Counter duplicates;
    private final Counter replayed;
    private final Counter failures;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long stopDeadline = Long.MAX_VALUE;
    private String lastError = "";

    RecordAppender(Journal journal, InteractionStream stream, Duration dedupTtl, Duration ackDelay,
                   MeterRegistry registry) {
        this.journal = journal;
        this.stream = stream;
        this.dedupTtl = dedupTtl;
        this.hold = new AckHold(ackDelay);
        this.replayUpTo = journal.recovery().lastSeq();
        this.appended = Counter.builder("cp.interactions.appended")
                .description("records written to cp:interactions (first time)").register(registry);
        this.duplicates = Counter.builder("cp.interactions.duplicates.skipped")
                .description("appends skipped: the record id was already in the stream").register(registry);
        this.replayed = Counter.builder("cp.interactions.replayed")
                .description("records from the spool of an earlier run appended after start").register(registry);
        this.failures = Counter.builder("cp.interactions.append.failures").description("append attempts that failed")
                .register(registry);
        io.micrometer.core.instrument.Gauge.builder("cp.interactions.unsent", this, RecordAppender::unsent)
                .description("records accepted into the spool and not yet appended to Redis").register(registry);
        this.thread = new Thread(this::run, "interaction-append");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** New entries are in the journal: look now rather than at the next poll. */
    void wake() {
        LockSupport.unpark(thread);
    }

    private void run() {
        List<Journal.Entry> batch = new ArrayList<>();
        long backoff = 0;
        long failingSince = 0;
        while (true) {
            long ripe = hold.ripe(System.nanoTime());
            if (ripe >= 0) {
                journal.ack(ripe);
            }
            if (batch.isEmpty()) {
                batch.addAll(journal.read(BATCH));
                if (batch.isEmpty()) {
                    if (stopping && (hold.isEmpty() || System.nanoTime() > stopDeadline)) {
                        return; // what is still held is replayed at the next start (idempotent)
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                    continue;
                }
            }
            if (System.nanoTime() > stopDeadline) {
                log.info("stopping with {} records still in the spool; they are appended at the next start",
                        journal.pendingEntries());
                return;
            }
            long last = batch.get(batch.size() - 1).seq();
            int size = batch.size();
            batch = send(batch);
            if (batch.isEmpty()) {
                hold.appended(last, size, System.nanoTime());
                if (failingSince != 0) {
                    log.info("Redis answers again: appending resumed {} ms after the first failure ({} spooled)",
                            (System.nanoTime() - failingSince) / 1_000_000, journal.pendingEntries());
                    failingSince = 0;
                }
                backoff = 0;
            } else {
                if (failingSince == 0) {
                    failingSince = System.nanoTime();
                }
                backoff = Math.min(1_000, Math.max(50, backoff * 2));
                if (backoff >= 400) {
                    log.warn("cannot append {} records to cp:interactions ({}); retrying in {} ms ({} spooled, {} bytes)",
                            batch.size(), lastError, backoff, journal.pendingEntries(), journal.pendingBytes());
                }
                long wait = TimeUnit.MILLISECONDS.toNanos(backoff);
                LockSupport.parkNanos(stopping ? Math.min(wait, Math.max(0, stopDeadline - System.nanoTime())) : wait);
            }
        }
    }

    /** Appends the batch (pipelined); returns the entries that failed, in order. */
    private List<Journal.Entry> send(List<Journal.Entry> batch) {
        List<CompletableFuture<InteractionStream.Appended>> sent = new ArrayList<>(batch.size());
        List<Journal.Entry> failed = new ArrayList<>();
        for (Journal.Entry e : batch) {
            try {
                SpooledRecord r = SpooledRecord.decode(e.payload());
                sent.add((r.kind() == SpooledRecord.Kind.INTERACTION
                        ? stream.appendOnce(r.id(), r.interaction(), dedupTtl)
                        : stream.appendFeedbackOnce(r.id(), r.feedback(), dedupTtl)).toCompletableFuture());
            } catch (RuntimeException ex) {
                // not a record we can ever send (would block the spool forever): logged, then skipped
                log.error("spool entry {} is not a valid record ({}); skipped", e.seq(), ex.toString());
                sent.add(null);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<InteractionStream.Appended> f = sent.get(i);
            if (f == null) {
                continue;
            }
            try {
                InteractionStream.Appended a = f.get(WAIT_MS, TimeUnit.MILLISECONDS);
                (a.duplicate() ? duplicates : appended).increment();
                if (batch.get(i).seq() <= replayUpTo) {
                    replayed.increment();
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                failed.add(batch.get(i));
            } catch (Exception ex) {
                failures.increment();
                failed.add(batch.get(i));
                lastError = ex.getCause() != null ? ex.getCause().toString() : ex.toString();
            }
        }
        return failed;
    }

    /** Records in the spool that Redis does not have yet (the spool's entries minus those held). */
    long unsent() {
        return Math.max(0, journal.pendingEntries() - hold.heldEntries());
    }

    /**
     * Keeps appending until the spool is empty or {@code grace} has passed, then stops; what is
     * left stays in the journal for the next start.
     */
    void close(Duration grace) {
        stopDeadline = System.nanoTime() + grace.toNanos();
        stopping = true;
        wake();
        try {
            thread.join(grace.toMillis() + WAIT_MS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
