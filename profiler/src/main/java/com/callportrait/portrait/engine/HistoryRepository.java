package com.callportrait.portrait.engine;

import com.callportrait.portrait.features.CustomerHistory;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the live path keeps customer histories and the phone index that attributes a contact
 * without a customer id: in this process's memory ({@link HistoryStore}: tests, batch builds, the
 * command line) or in Redis ({@code com.callportrait.portrait.history.RedisHistories}: the server,
 * so every instance, after any restart, builds the same portrait). Implementations are thread-safe;
 * an {@link #update} is atomic per customer (two writers of one customer never lose each other's
 * facts) and idempotent by record id.
 *
 * <p>Calls may block on I/O (Redis round trips, bounded by the implementation's timeouts): call them
 * from a worker thread, never from a Netty event loop.
 */
public interface HistoryRepository {

    /** The customer owning a canonical phone number, if indexed. */
    Optional<String> customerOfPhone(String canonicalPhone);

    /** Indexes {@code canonicalPhone} as belonging to {@code customerId}. */
    void indexPhone(String canonicalPhone, String customerId);

    /**
     * The customer's history as it is now. For a shared in-memory history read it under its monitor
     * (as {@link PortraitBuilder} does); a stored one is a private copy.
     */
    Optional<CustomerHistory> find(String customerId);

    /** Whether the customer has a history (cheaper than {@link #find} where it matters). */
    default boolean exists(String customerId) {
        return find(customerId).isPresent();
    }

    /**
     * Applies {@code change} to the customer's history (an empty one when there is none) atomically.
     * When {@code recordId} is not null and among the history's recent records, nothing is applied
     * ({@link Change#duplicate()}); otherwise {@code change} runs and, when it returns true, the
     * changed history is kept with {@code recordId} remembered. When it returns false nothing is
     * written (a new history is not created). {@code change} may run more than once (an optimistic
     * write that lost a race runs again on the newer history), so it must have no other effect.
     *
     * @return the history after the update (a private copy for a stored one)
     */
    Change update(String customerId, String recordId, Predicate<CustomerHistory> change);

    /**
     * Folds every fact of {@code history} into the stored history of the same customer
     * ({@link CustomerHistory#mergeFrom}) and indexes its phone: the facts of a data directory or
     * a batch build, loaded at start. Idempotent.
     */
    void merge(CustomerHistory history);

    /** The 64-bit hash a history remembers a record id by. */
    static long recordHash(String recordId) {
        return Contacts.hash(recordId);
    }

    /**
     * What an {@link #update} did.
     *
     * @param history   the history after it
     * @param changed   whether the change was applied and kept
     * @param duplicate whether the record had been applied before (nothing was done)
     */
    record Change(CustomerHistory history, boolean changed, boolean duplicate) {
    }
}
