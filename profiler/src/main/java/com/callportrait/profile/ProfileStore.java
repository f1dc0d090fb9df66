package com.callportrait.profile;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Where portraits live. The Redis implementation is the production one; an in-memory one exists
 * for unit tests of code that only needs the contract.
 *
 * <p>Implementations are thread-safe. Lookups never block the caller: they complete
 * exceptionally (or never, if the backend hangs) and callers on the call path apply their own
 * time budget, e.g. {@code toCompletableFuture().orTimeout(...)}.
 */
public interface ProfileStore extends AutoCloseable {

    /**
     * Finds the customer owning a phone number, in any form {@link PhoneNumbers#normalise}
     * accepts (the caller id Asterisk presents, {@code +1 555 123 4567}, ...).
     */
    CompletionStage<Optional<CustomerProfile>> findByPhone(String phone);

    /**
     * {@link #findByPhone(String)}, with the result completed (and, where the implementation
     * decodes, decoded) on {@code completeOn} rather than on the backend's I/O thread. The call path
     * passes its own event loop: a backend with one I/O thread (one multiplexed Redis connection)
     * then does not also parse every caller's profile, which made that thread the bottleneck of
     * FastAGI routing (BENCHMARKS.md, "FastAGI routing"). Failures complete on {@code completeOn}
     * too. The default just hops.
     */
    default CompletionStage<Optional<CustomerProfile>> findByPhone(String phone, Executor completeOn) {
        java.util.concurrent.CompletableFuture<Optional<CustomerProfile>> out = new java.util.concurrent.CompletableFuture<>();
        findByPhone(phone).whenCompleteAsync((p, e) -> {
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                out.complete(p);
            }
        }, completeOn);
        return out;
    }

    /**
     * {@link #findByPhone(String, Executor)} for a number already in canonical form: the key
     * {@link PhoneNumbers#normalise(String, PhoneOptions)} returned for the store's own
     * {@link PhoneOptions} (the route script normalises the caller id once, for its event and its
     * log line). An implementation may skip its own normalisation, which costs as much as the
     * script's (libphonenumber); the default normalises again, which gives the same key, since a
     * canonical key normalises to itself.
     */
    default CompletionStage<Optional<CustomerProfile>> findByCanonicalPhone(String key, Executor completeOn) {
        return findByPhone(key, completeOn);
    }

    /** Finds a customer by CRM id. */
    CompletionStage<Optional<CustomerProfile>> findById(String customerId);

    /** Stores or replaces a portrait and its phone index entries, atomically per customer. */
    CompletionStage<Void> save(CustomerProfile profile);

    /** Round-trip check used by {@code /health}; completes exceptionally when the backend is down. */
    CompletionStage<Duration> ping();

    @Override
    void close();
}
