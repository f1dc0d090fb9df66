package com.callportrait.records;

import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.CallListener;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.portrait.collect.FeedbackRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.InteractionStream;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.records.spool.Journal;
import com.callportrait.records.spool.SpoolException;
import com.callportrait.records.spool.SpoolOptions;
import com.callportrait.screenpop.FeedbackRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the portrait's input from live calls: on {@code ENDED} one interaction record per call
 * (id = the call id), and survey scores / dispositions as feedback records (id = a UUID given once)
 * — folded into the call's own record when they come before the hangup, appended as feedback linked
 * by the call id when they come after.
 *
 * <p><b>Accepted means durable.</b> Listeners only enqueue (never block the AMI reader or an event
 * loop). The {@code spool-writer} thread writes what is queued to the local {@link Journal} and
 * fsyncs once per batch (group commit); only then is a record <em>accepted</em> (logged as
 * {@code spooled ...}, counted in {@code cp_interactions_spooled_total}). The {@link RecordAppender}
 * moves accepted records to {@code cp:interactions:{p}} with an idempotent append and only then
 * removes them from the journal; at start it first appends what an earlier run left. So a Redis
 * outage of any length (up to {@code CP_SPOOL_MAX_BYTES}) or a {@code kill -9} loses no accepted
 * record and stores none twice. Before acceptance a record sits in a bounded memory queue
 * ({@value #CAPACITY}) for the milliseconds of one fsync; overflow there, or a full spool, is
 * counted and logged as lost.
 *
 * <p>The {@code spool-writer} thread is its own, not the application's shared scheduler: it blocks
 * on the queue and in fsync.
 *
 * <p>Lifecycle: {@link #start()}, {@link #close(Duration)}. Thread-safe.
 */
public final class InteractionRecorder implements CallListener, FeedbackRecorder.Listener, AutoCloseable {
    static final int CAPACITY = 10_000;
    private static final int BATCH = 512;
    private static final Logger log = LoggerFactory.getLogger(InteractionRecorder.class);

    private record Known(Integer survey, String outcome) {
        Known merge(Integer s, String o) {
            return new Known(s != null ? s : survey, o != null ? o : outcome);
        }
    }

    private final CallRegistry calls;
    private final Journal journal;
    private final RecordAppender appender;
    private final BlockingQueue<SpooledRecord> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
    private final Counter spooled;
    private final Counter rejected;
    private final Counter dropped;
    private final Timer commit;
    private final Thread writer;
    private volatile boolean stopping;
    private boolean full;

    /**
     * Opens the spool (replaying what an earlier run left once started).
     *
     * @throws SpoolException when the spool directory cannot be used (start-up fails)
     */
    public InteractionRecorder(InteractionStream stream, CallRegistry calls, SpoolOptions spool,
                               MeterRegistry registry) {
        this.calls = calls;
        this.journal = Journal.open(spool.dir(), spool.maxBytes());
        Journal.Recovery r = journal.recovery();
        if (r.pending() > 0 || r.tornBytes() > 0) {
            log.info("spool {}: {} records ({} bytes) accepted by an earlier run are appended now{}", spool.dir(),
                    r.pending(), r.pendingBytes(), r.tornBytes() > 0 ? "; a torn last write of " + r.tornBytes()
                            + " bytes (never accepted) was cut off" : "");
        }
        this.appender = new RecordAppender(journal, stream, spool.dedupTtl(), spool.ackDelay(), registry);
        this.spooled = Counter.builder("cp.interactions.spooled")
                .description("records accepted: written and fsync'd to the local spool").register(registry);
        this.rejected = Counter.builder("cp.spool.rejected")
                .description("records lost: the spool was full (CP_SPOOL_MAX_BYTES) or could not be written")
                .register(registry);
        this.dropped = Counter.builder("cp.interactions.dropped").description("records lost: memory queue full")
                .register(registry);
        this.commit = Timer.builder("cp.spool.commit").description("one group commit: write + fsync of a batch")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("cp.interactions.queued", queue, BlockingQueue::size)
                .description("records waiting to be spooled").register(registry);
        Gauge.builder("cp.spool.bytes", journal, Journal::pendingBytes)
                .description("bytes of records spooled and not yet in Redis").register(registry);
        Gauge.builder("cp.spool.entries", journal, Journal::pendingEntries)
                .description("records spooled and not yet in Redis").register(registry);
        this.writer = new Thread(this::run, "spool-writer");
        writer.setDaemon(true);
    }

    public InteractionRecorder start() {
        writer.start();
        appender.start();
        return this;
    }

    @Override
    public void onChange(CallSnapshot call, CallChange change) {
        if (change != CallChange.ENDED) {
            return;
        }
        Known k = known.remove(call.callId());
        enqueue(SpooledRecord.of(CallRecords.of(call, Instant.now(calls.clock()), k == null ? null : k.survey(),
                k == null ? null : k.outcome())));
    }

    @Override
    public void feedback(String callId, Optional<CallSnapshot> call, String phone, Integer survey, String disposition) {
        String outcome = disposition == null ? null : CallRecords.outcome(disposition);
        if (calls.get(callId).isPresent()) {
            known.merge(callId, new Known(survey, outcome), (a, b) -> a.merge(b.survey(), b.outcome()));
            if (calls.get(callId).isPresent()) {
                return; // the call's own record will carry it
            }
            // ended meanwhile: its record may have gone without this; send it as feedback too
            // (merging the same value twice is harmless)
            known.remove(callId);
        }
        String customer = call.flatMap(CallSnapshot::profile).map(CustomerProfile::customerId).orElse(null);
        String number = call.map(CallSnapshot::phone).filter(p -> !p.isEmpty()).orElse(phone == null || phone.isEmpty() ? null : phone);
        if (customer == null && number == null) {
            log.warn("feedback for {} names no customer or number; not recorded for the portrait", callId);
            return;
        }
        enqueue(SpooledRecord.of("fb-" + UUID.randomUUID(),
                new FeedbackRecord(callId, customer, number, survey, outcome, Instant.now(calls.clock()))));
    }

    private void enqueue(SpooledRecord record) {
        if (stopping || !queue.offer(record)) {
            dropped.increment();
            log.error("interaction record queue full ({}) or closed: record {} lost", CAPACITY, record.id());
        }
    }

    /** Records waiting to be spooled. */
    public int queued() {
        return queue.size();
    }

    /** Records spooled and not yet in Redis. */
    public long spooledPending() {
        return journal.pendingEntries();
    }

    private void run() {
        List<SpooledRecord> batch = new ArrayList<>(BATCH);
        long backoff = 0;
        while (!stopping || !queue.isEmpty() || !batch.isEmpty()) {
            if (batch.isEmpty()) {
                try {
                    SpooledRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                } catch (InterruptedException e) {
                    continue;
                }
                queue.drainTo(batch, BATCH - 1);
            }
            List<byte[]> payloads = batch.stream().map(SpooledRecord::encode).toList();
            long[] seqs;
            long t0 = System.nanoTime();
            try {
                seqs = journal.append(payloads);
            } catch (SpoolException e) {
                if (stopping) {
                    rejected.increment(batch.size());
                    log.error("spool unusable while stopping ({}): {} records lost", e.getMessage(), batch.size());
                    return;
                }
                // nothing of the batch was accepted; keep it and try again (disk full may clear)
                backoff = Math.min(5_000, Math.max(100, backoff * 2));
                log.error("cannot write the spool ({}); {} records wait in memory, retrying in {} ms",
                        e.getMessage(), batch.size() + queue.size(), backoff);
                sleep(backoff);
                continue;
            }
            commit.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            backoff = 0;
            accepted(batch, seqs);
            batch.clear();
            appender.wake();
        }
    }

    private void accepted(List<SpooledRecord> batch, long[] seqs) {
        boolean refused = false;
        for (int i = 0; i < batch.size(); i++) {
            SpooledRecord r = batch.get(i);
            if (seqs[i] < 0) {
                refused = true;
                rejected.increment();
                if (!full) {
                    log.error("spool full ({} bytes pending, CP_SPOOL_MAX_BYTES): new records are LOST until Redis"
                            + " takes the backlog (first lost: {} {})", journal.pendingBytes(), r.kind(), r.id());
                }
                full = true;
                continue;
            }
            spooled.increment();
            log.info("spooled {} {} seq={}", r.kind() == SpooledRecord.Kind.INTERACTION ? "interaction" : "feedback",
                    r.id(), seqs[i]);
        }
        if (full && !refused) {
            full = false;
            log.warn("spool accepts records again ({} bytes pending); lost meanwhile: see cp_spool_rejected_total",
                    journal.pendingBytes());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Spools what is queued, lets the appender move spooled records to Redis for up to
     * {@code grace}, then closes the spool (fsync'd checkpoint). Records Redis did not take stay in
     * the spool and are appended at the next start.
     */
    public void close(Duration grace) {
        stopping = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        appender.close(grace);
        long left = journal.pendingEntries();
        journal.close();
        if (left > 0) {
            log.info("spool closed with {} records not yet in Redis; appended at the next start", left);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
