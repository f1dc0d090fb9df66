package com.callportrait.speech.asr;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warm recognisers, reused across utterances and calls. A new Vosk recogniser of a model that
 * composes its graph on the fly (the bundled small model: HCLr + Gr with look-ahead) fills its
 * own composition cache as it decodes, so its first seconds cost several times what a warm one
 * does. The pool keeps up to {@link RecognizerPoolOptions#max()} of them, warms
 * {@link RecognizerPoolOptions#warm()} at start-up, and hands out the most recently used first.
 *
 * <p>Reuse leaks nothing: a returned recogniser is {@link SpeechRecognizer#restart() restarted}
 * (new feature pipeline, so no speaker adaptation, no words, clock back at 0) before it waits
 * for the next lease. It is retired instead (closed, and the next lease creates a new one) when
 * its user reports it failed, when its restart fails, after
 * {@link RecognizerPoolOptions#maxUses()} leases or {@link RecognizerPoolOptions#maxAge()}.
 * When every pooled recogniser is leased, a lease still succeeds with a temporary one, freed
 * after use: a call is never refused for want of a recogniser.
 *
 * <p>Thread-safe: borrowing and returning take a short lock; a leased recogniser belongs to its
 * lease's thread. Lifecycle: {@link #warm} once at start-up, {@link #close()} after every call
 * has returned its lease (a lease returned after close is closed then).
 */
public final class RecognizerPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecognizerPool.class);

    /** Why a recogniser left the pool. */
    public enum Retirement { FAILED, USES, AGE, TEMPORARY, CLOSED }

    private final RecognizerPoolOptions options;
    private final Supplier<? extends SpeechRecognizer> factory;
    private final ArrayDeque<Entry> idle = new ArrayDeque<>();
    private final Counter created;
    private final Counter temporary;
    private final MeterRegistry registry;
    private int pooled; // idle + leased pooled recognisers
    private int leased;
    private boolean closed;

    private static final class Entry {
        final SpeechRecognizer recognizer;
        /** False for a temporary recogniser, lent when every pooled one was leased. */
        final boolean pooled;
        final long bornNanos = System.nanoTime();
        int uses;

        Entry(SpeechRecognizer recognizer, boolean pooled) {
            this.recognizer = recognizer;
            this.pooled = pooled;
        }
    }

    /**
     * @param factory makes one recogniser at the model's rate (it may throw; the lease then fails
     *                as the factory did)
     */
    public RecognizerPool(RecognizerPoolOptions options, Supplier<? extends SpeechRecognizer> factory,
                          MeterRegistry registry) {
        this.options = Objects.requireNonNull(options, "options");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.registry = registry;
        created = Counter.builder("cp.speech.recognizers.created")
                .description("recognisers created for the pool (each costs a cold start)").register(registry);
        temporary = Counter.builder("cp.speech.recognizers.temporary")
                .description("leases served by a temporary recogniser because every pooled one was leased")
                .register(registry);
        Gauge.builder("cp.speech.recognizers.idle", this, RecognizerPool::idle)
                .description("warm recognisers waiting for a lease").register(registry);
        Gauge.builder("cp.speech.recognizers.leased", this, RecognizerPool::leased)
                .description("pooled recognisers leased to calls").register(registry);
    }

    public RecognizerPoolOptions options() {
        return options;
    }

    /**
     * Creates up to {@link RecognizerPoolOptions#warm()} recognisers and decodes {@code audio}
     * (at the model's rate {@code rate}, 16-bit range) with each, in parallel on {@code executor}, then puts
     * them in the pool; returns when all are warm. A recogniser that fails to warm is dropped.
     */
    public void warm(float[] audio, int rate, Executor executor) {
        int n;
        synchronized (this) {
            n = Math.max(0, options.warm() - pooled);
            pooled += n;
        }
        List<CompletableFuture<Entry>> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jobs.add(CompletableFuture.supplyAsync(() -> warmOne(audio), executor));
        }
        int ok = 0;
        for (CompletableFuture<Entry> job : jobs) {
            Entry e = null;
            try {
                e = job.join();
            } catch (RuntimeException ex) {
                log.warn("a recogniser failed to warm up and was dropped: {}", ex.toString());
            }
            synchronized (this) {
                if (e == null || closed) {
                    pooled--;
                    if (e != null) {
                        e.recognizer.close();
                    }
                } else {
                    idle.addLast(e);
                    ok++;
                }
            }
        }
        log.info("{} recognisers warmed on {} s of audio", ok, String.format("%.1f", audio.length / (double) rate));
    }

    private Entry warmOne(float[] audio) {
        SpeechRecognizer r = factory.get();
        created.increment();
        try {
            int step = Math.max(1, r.sampleRate() / 10);
            for (int at = 0; at < audio.length; at += step) {
                float[] chunk = java.util.Arrays.copyOfRange(audio, at, Math.min(audio.length, at + step));
                if (r.accept(chunk, chunk.length)) {
                    r.result();
                }
            }
            r.finish();
            r.restart();
            return new Entry(r, true);
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** A recogniser for the caller's exclusive use until {@link Lease#release()} or {@link Lease#discard}. */
    public Lease borrow() {
        Entry e;
        boolean grow = false;
        synchronized (this) {
            e = idle.pollLast(); // the most recently used: the warmest cache, in memory that is touched
            if (e == null && pooled < options.max() && !closed) {
                pooled++; // reserved now, created below outside the lock
                grow = true;
            }
            if (e != null || grow) {
                leased++;
            }
        }
        if (e == null) {
            if (!grow) {
                temporary.increment();
            }
            return new Lease(this, newEntry(grow));
        }
        e.uses++;
        return new Lease(this, e);
    }

    private Entry newEntry(boolean forPool) {
        try {
            SpeechRecognizer r = factory.get();
            created.increment();
            Entry e = new Entry(r, forPool);
            e.uses = 1;
            return e;
        } catch (RuntimeException ex) {
            if (forPool) {
                synchronized (this) {
                    pooled--;
                    leased--;
                }
            }
            throw ex;
        }
    }

    private void giveBack(Entry e, Retirement failure) {
        boolean pooledEntry = e.pooled;
        Retirement why = failure;
        if (why == null && !pooledEntry) {
            why = Retirement.TEMPORARY;
        }
        if (why == null && e.uses >= options.maxUses()) {
            why = Retirement.USES;
        }
        if (why == null && System.nanoTime() - e.bornNanos >= options.maxAge().toNanos()) {
            why = Retirement.AGE;
        }
        if (why == null) {
            try {
                e.recognizer.restart(); // on the returning call's thread, not the next caller's
            } catch (RuntimeException ex) {
                log.warn("a recogniser failed to restart and is retired: {}", ex.toString());
                why = Retirement.FAILED;
            }
        }
        synchronized (this) {
            if (pooledEntry) {
                leased--;
                if (why == null && closed) {
                    why = Retirement.CLOSED;
                }
                if (why == null) {
                    idle.addLast(e);
                    return;
                }
                pooled--;
            }
        }
        retire(e, why);
    }

    private void retire(Entry e, Retirement why) {
        if (why != Retirement.TEMPORARY && why != Retirement.CLOSED) {
            Counter.builder("cp.speech.recognizers.retired").tag("reason", why.name().toLowerCase(java.util.Locale.ROOT))
                    .description("pooled recognisers retired (failed, uses, age)").register(registry).increment();
        }
        try {
            e.recognizer.close();
        } catch (RuntimeException ex) {
            log.warn("closing a retired recogniser failed: {}", ex.toString());
        }
    }

    /** Warm recognisers waiting for a lease. */
    public synchronized int idle() {
        return idle.size();
    }

    /** Pooled recognisers leased now (temporary ones not counted). */
    public synchronized int leased() {
        return leased;
    }

    /** Pooled recognisers in existence (idle + leased). */
    public synchronized int size() {
        return pooled;
    }

    /** Closes the idle recognisers; leased ones are closed when they come back. */
    @Override
    public void close() {
        List<Entry> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(idle);
            pooled -= idle.size();
            idle.clear();
        }
        toClose.forEach(e -> retire(e, Retirement.CLOSED));
    }

    /**
     * One use of a recogniser. Not thread-safe: it belongs to the thread that borrowed it (or
     * the call's serial worker). Ended exactly once by {@link #release()} (healthy: back to the
     * pool, restarted) or {@link #discard} (failed: closed); later calls do nothing.
     */
    public static final class Lease {
        private final RecognizerPool pool;
        private final Entry entry;
        private boolean ended;

        private Lease(RecognizerPool pool, Entry entry) {
            this.pool = pool;
            this.entry = entry;
        }

        /** The recogniser; do not keep it past the end of the lease. */
        public SpeechRecognizer recognizer() {
            return entry.recognizer;
        }

        /** How many leases this recogniser has served, this one included (1 = new). */
        public int uses() {
            return entry.uses;
        }

        /** Returns the recogniser to the pool (restarted first), or retires it if it has served enough. */
        public void release() {
            if (!ended) {
                ended = true;
                pool.giveBack(entry, null);
            }
        }

        /** The recogniser threw or misbehaved: it is closed and never leased again. */
        public void discard() {
            if (!ended) {
                ended = true;
                pool.giveBack(entry, Retirement.FAILED);
            }
        }
    }
}
