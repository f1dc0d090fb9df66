package com.callportrait.fresh;

import com.callportrait.calls.CallChange;
import com.callportrait.calls.CallListener;
import com.callportrait.calls.CallRegistry;
import com.callportrait.calls.CallSnapshot;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.collect.FeedbackRecord;
import com.callportrait.profile.collect.InteractionRecord;
import com.callportrait.profile.collect.InteractionStream;
import com.callportrait.screenpop.FeedbackRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the portrait's input from live calls: on {@code ENDED} one interaction record per call
 * (the call id is the source id, so a repeated delivery is dropped by the engine), and survey
 * scores / dispositions as feedback records — folded into the call's own record when they come
 * before the hangup (the survey usually does), appended as feedback linked by the call id when
 * they come after. Listeners only enqueue; one appender thread does the XADDs and retries with
 * backoff while Redis is down, so a Redis outage delays records but loses none while this process
 * lives (the queue is bounded, {@value #CAPACITY}; overflow is counted and logged).
 *
 * <p>Lifecycle: {@link #start()}, {@link #close(Duration)}. Thread-safe.
 */
public final class InteractionRecorder implements CallListener, FeedbackRecorder.Listener, AutoCloseable {
    static final int CAPACITY = 10_000;
    private static final Logger log = LoggerFactory.getLogger(InteractionRecorder.class);

    private record Known(Integer survey, String outcome) {
        Known merge(Integer s, String o) {
            return new Known(s != null ? s : survey, o != null ? o : outcome);
        }
    }

    private final InteractionStream stream;
    private final CallRegistry calls;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
    private final Counter appended;
    private final Counter failures;
    private final Counter dropped;
    private final Thread thread;
    private volatile boolean stopping;

    public InteractionRecorder(InteractionStream stream, CallRegistry calls, MeterRegistry registry) {
        this.stream = stream;
        this.calls = calls;
        this.appended = Counter.builder("cp.interactions.appended").description("records appended to cp:interactions")
                .register(registry);
        this.failures = Counter.builder("cp.interactions.append.failures").description("XADD attempts that failed")
                .register(registry);
        this.dropped = Counter.builder("cp.interactions.dropped").description("records lost: append queue full")
                .register(registry);
        Gauge.builder("cp.interactions.queued", queue, BlockingQueue::size).register(registry);
        this.thread = new Thread(this::run, "interaction-append");
        thread.setDaemon(true);
    }

    public InteractionRecorder start() {
        thread.start();
        return this;
    }

    @Override
    public void onChange(CallSnapshot call, CallChange change) {
        if (change != CallChange.ENDED) {
            return;
        }
        Known k = known.remove(call.callId());
        enqueue(CallRecords.of(call, Instant.now(calls.clock()), k == null ? null : k.survey(),
                k == null ? null : k.outcome()));
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
        enqueue(new FeedbackRecord(callId, customer, number, survey, outcome, Instant.now(calls.clock())));
    }

    private void enqueue(Object record) {
        if (!queue.offer(record)) {
            dropped.increment();
            log.error("interaction append queue full ({}): record lost: {}", CAPACITY, record);
        }
    }

    /** Records waiting to be appended. */
    public int queued() {
        return queue.size();
    }

    private void run() {
        long backoff = 100;
        while (!stopping || !queue.isEmpty()) {
            Object r;
            try {
                r = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (r == null) {
                continue;
            }
            while (true) {
                try {
                    if (r instanceof InteractionRecord i) {
                        stream.append(i);
                    } else {
                        stream.appendFeedback((FeedbackRecord) r);
                    }
                    appended.increment();
                    backoff = 100;
                    break;
                } catch (RuntimeException e) {
                    failures.increment();
                    log.warn("appending to cp:interactions failed ({}); retrying in {} ms", e.toString(), backoff);
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException ie) {
                        log.error("stopped with {} records not appended", queue.size() + 1);
                        return;
                    }
                    backoff = Math.min(5_000, backoff * 2);
                }
            }
        }
    }

    /** Appends what is queued (up to {@code grace}), then stops. */
    public void close(Duration grace) {
        stopping = true;
        try {
            thread.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
