package com.callportrait.profile.imports;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.ProfileStore;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stores rows with at most {@code maxInFlight} read-merge-save operations outstanding, so a large
 * file pipelines over one connection without queueing the whole file in memory. Used by one
 * import at a time; not thread-safe.
 */
final class BoundedSaver {

    private final ProfileStore store;
    private final Clock clock;
    private final int maxInFlight;
    private final long timeoutSeconds;

    BoundedSaver(ProfileStore store, Clock clock, int maxInFlight, long timeoutSeconds) {
        this.store = store;
        this.clock = clock;
        this.maxInFlight = maxInFlight;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Saves every row; adds a problem per failed row to {@code rejected}; returns how many were stored. */
    int saveAll(List<CustomerRow> rows, List<RowProblem> rejected) {
        Semaphore permits = new Semaphore(maxInFlight);
        AtomicInteger stored = new AtomicInteger();
        for (CustomerRow row : rows) {
            permits.acquireUninterruptibly();
            CompletableFuture<Void> op;
            try {
                op = store.findById(row.customerId()).toCompletableFuture()
                        .thenCompose((Optional<CustomerProfile> existing) -> store.save(row.toProfile(existing, clock.instant())))
                        .toCompletableFuture()
                        .orTimeout(timeoutSeconds, TimeUnit.SECONDS);
            } catch (RuntimeException e) {
                op = CompletableFuture.failedFuture(e);
            }
            op.whenComplete((ok, error) -> {
                if (error == null) {
                    stored.incrementAndGet();
                } else {
                    synchronized (rejected) {
                        rejected.add(new RowProblem(row.line(), row.customerId(), "not stored: " + describe(error)));
                    }
                }
                permits.release();
            });
        }
        permits.acquireUninterruptibly(maxInFlight);
        return stored.get();
    }

    private static String describe(Throwable error) {
        Throwable t = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (t instanceof TimeoutException) {
            return "the profile store did not answer in time";
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
