package com.callportrait.profile;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

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

    /** Finds a customer by CRM id. */
    CompletionStage<Optional<CustomerProfile>> findById(String customerId);

    /** Stores or replaces a portrait and its phone index entries, atomically per customer. */
    CompletionStage<Void> save(CustomerProfile profile);

    /** Round-trip check used by {@code /health}; completes exceptionally when the backend is down. */
    CompletionStage<Duration> ping();

    @Override
    void close();
}
