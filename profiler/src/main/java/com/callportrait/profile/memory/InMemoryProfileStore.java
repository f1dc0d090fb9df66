package com.callportrait.profile.memory;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneNumbers;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.ProfileStore;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A {@link ProfileStore} in process memory, for unit tests of code that only needs the contract.
 * It follows the same rules as the Redis store: phone numbers are normalised with
 * {@link PhoneNumbers}, a save replaces the portrait and its phone index entries atomically, phones
 * the customer no longer has are dropped from the index, and a phone taken over by another
 * customer points to the one saved last. Not durable; never use it in production.
 *
 * <p>Thread-safe: all state is guarded by this object's monitor. Every returned stage is already
 * complete. {@link #close()} makes further calls fail, like a closed connection.
 */
public final class InMemoryProfileStore implements ProfileStore {

    private final PhoneOptions phoneOptions;
    private final Map<String, CustomerProfile> byId = new HashMap<>();
    private final Map<String, String> idByPhone = new HashMap<>();
    private boolean closed;

    private InMemoryProfileStore(PhoneOptions phoneOptions) {
        this.phoneOptions = Objects.requireNonNull(phoneOptions, "phoneOptions");
    }

    /** An empty store normalising with {@link PhoneOptions#DEFAULT}. */
    public static InMemoryProfileStore create() {
        return new InMemoryProfileStore(PhoneOptions.DEFAULT);
    }

    /** An empty store normalising with the given options. */
    public static InMemoryProfileStore create(PhoneOptions phoneOptions) {
        return new InMemoryProfileStore(phoneOptions);
    }

    @Override
    public synchronized CompletionStage<Optional<CustomerProfile>> findByPhone(String phone) {
        if (closed) {
            return closedStage();
        }
        Optional<CustomerProfile> found = PhoneNumbers.normalise(phone, phoneOptions)
                .map(idByPhone::get)
                .map(byId::get);
        return CompletableFuture.completedFuture(found);
    }

    @Override
    public synchronized CompletionStage<Optional<CustomerProfile>> findById(String customerId) {
        if (closed) {
            return closedStage();
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(byId.get(customerId)));
    }

    @Override
    public synchronized CompletionStage<Void> save(CustomerProfile profile) {
        Objects.requireNonNull(profile, "profile");
        if (closed) {
            return closedStage();
        }
        // Phones are normalised again: a caller may have built the profile from raw CRM data.
        CustomerProfile old = byId.put(profile.customerId(), profile);
        java.util.Set<String> keep = new java.util.HashSet<>();
        for (String phone : profile.phones()) {
            PhoneNumbers.normalise(phone, phoneOptions).ifPresent(keep::add);
        }
        if (old != null) {
            for (String phone : old.phones()) {
                PhoneNumbers.normalise(phone, phoneOptions)
                        .filter(p -> !keep.contains(p))
                        .ifPresent(p -> idByPhone.remove(p, profile.customerId()));
            }
        }
        keep.forEach(p -> idByPhone.put(p, profile.customerId()));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Duration> ping() {
        return closed ? closedStage() : CompletableFuture.completedFuture(Duration.ZERO);
    }

    /** Number of stored customers. */
    public synchronized int size() {
        return byId.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private static <T> CompletionStage<T> closedStage() {
        return CompletableFuture.failedFuture(new IllegalStateException("profile store is closed"));
    }
}
