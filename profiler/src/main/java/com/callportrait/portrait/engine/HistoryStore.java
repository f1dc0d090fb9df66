package com.callportrait.portrait.engine;

import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.features.HistoryBounds;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Every customer's history plus the phone index that attributes a contact without a customer id,
 * in this process's memory: the batch build's working set, and the {@link HistoryRepository} of
 * tests and tools that run without Redis. Each history is bounded by {@link HistoryBounds}.
 * Thread-safe map; a single history is mutated under its own monitor by the engine.
 */
public final class HistoryStore implements HistoryRepository {
    private final ConcurrentHashMap<String, CustomerHistory> histories = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> customerByPhone = new ConcurrentHashMap<>();
    private final HistoryBounds bounds;

    /** An empty store whose histories have the default bounds. */
    public HistoryStore() {
        this(HistoryBounds.DEFAULT);
    }

    public HistoryStore(HistoryBounds bounds) {
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    public CustomerHistory getOrCreate(String customerId) {
        return histories.computeIfAbsent(customerId, id -> new CustomerHistory(id, bounds));
    }

    public Optional<CustomerHistory> get(String customerId) {
        return Optional.ofNullable(histories.get(customerId));
    }

    @Override
    public Optional<CustomerHistory> find(String customerId) {
        return get(customerId);
    }

    @Override
    public void indexPhone(String canonicalPhone, String customerId) {
        customerByPhone.put(canonicalPhone, customerId);
    }

    @Override
    public Optional<String> customerOfPhone(String canonicalPhone) {
        return canonicalPhone == null ? Optional.empty() : Optional.ofNullable(customerByPhone.get(canonicalPhone));
    }

    @Override
    public Change update(String customerId, String recordId, Predicate<CustomerHistory> change) {
        CustomerHistory existing = histories.get(customerId);
        CustomerHistory h = existing != null ? existing : new CustomerHistory(customerId, bounds);
        synchronized (h) {
            long rid = recordId == null ? 0 : HistoryRepository.recordHash(recordId);
            if (recordId != null && h.applied(rid)) {
                return new Change(h, false, true);
            }
            if (!change.test(h)) {
                return new Change(existing != null ? existing : h, false, false);
            }
            if (recordId != null) {
                h.markApplied(rid);
            }
        }
        if (existing == null) {
            CustomerHistory raced = histories.putIfAbsent(customerId, h);
            if (raced != null) {
                // another thread created it meanwhile: apply to that one instead
                return update(customerId, recordId, change);
            }
        }
        return new Change(h, true, false);
    }

    @Override
    public void merge(CustomerHistory history) {
        CustomerHistory h = getOrCreate(history.customerId());
        if (h == history) {
            return;
        }
        synchronized (h) {
            h.mergeFrom(history);
        }
        if (history.phone() != null) {
            indexPhone(history.phone(), history.customerId());
        }
    }

    /**
     * Keeps {@code history} itself, without copying it, when this store has no history of its
     * customer yet (a history just decoded that nobody else holds: a training's sample); otherwise
     * {@link #merge merges} it in.
     */
    public void adopt(CustomerHistory history) {
        CustomerHistory had = histories.putIfAbsent(history.customerId(), history);
        if (had != null) {
            merge(history);
        } else if (history.phone() != null) {
            indexPhone(history.phone(), history.customerId());
        }
    }

    public Collection<CustomerHistory> all() {
        return histories.values();
    }

    /** A snapshot of every known customer id, sorted. */
    public java.util.List<String> customerIds() {
        return histories.keySet().stream().sorted().toList();
    }

    public int size() {
        return histories.size();
    }

    /** The bounds every history of this store has. */
    public HistoryBounds bounds() {
        return bounds;
    }

    Map<String, CustomerHistory> map() {
        return histories;
    }
}
