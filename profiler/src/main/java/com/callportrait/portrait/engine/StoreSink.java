package com.callportrait.portrait.engine;

import com.callportrait.portrait.PortraitException;
import com.callportrait.profile.ProfileStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link PortraitSink} that saves each portrait through a {@link ProfileStore} (Redis in
 * production), with a bounded number of saves in flight: the store's client pipelines them on its
 * connection, and a writer blocks when {@code maxInFlight} are unacknowledged (backpressure, so a
 * slow Redis slows the build instead of filling the heap). Thread-safe; single use.
 */
public final class StoreSink implements PortraitSink {
    /** Saves in flight before a writer waits: enough to keep a loopback Redis busy. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 1024;

    private final ProfileStore store;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final LongAdder saved = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public StoreSink(ProfileStore store) {
        this(store, DEFAULT_MAX_IN_FLIGHT);
    }

    public StoreSink(ProfileStore store, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new PortraitException("maxInFlight must be >= 1, was " + maxInFlight);
        }
        this.store = store;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
    }

    @Override
    public void write(List<Finished> batch) {
        for (Finished f : batch) {
            inFlight.acquireUninterruptibly();
            store.save(f.portrait()).whenComplete((v, e) -> {
                (e == null ? saved : failed).increment();
                inFlight.release();
            });
        }
    }

    @Override
    public void finish(Duration timeout) {
        try {
            if (!inFlight.tryAcquire(maxInFlight, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PortraitException("profile store did not acknowledge saves within " + timeout.toSeconds() + " s");
            }
            inFlight.release(maxInFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortraitException("interrupted waiting for the profile store", e);
        }
    }

    @Override
    public long saved() {
        return saved.sum();
    }

    @Override
    public long failed() {
        return failed.sum();
    }
}
