package com.callportrait.portrait.engine;

import com.callportrait.portrait.features.CustomerHistory;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every customer's history plus the phone index that attributes a contact without a customer id.
 * In memory, bounded per customer by {@link CustomerHistory}. Thread-safe map; a single history is
 * mutated under its own monitor by the engine.
 */
public final class HistoryStore {
    private final ConcurrentHashMap<String, CustomerHistory> histories = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> customerByPhone = new ConcurrentHashMap<>();

    public CustomerHistory getOrCreate(String customerId) {
        return histories.computeIfAbsent(customerId, CustomerHistory::new);
    }

    public Optional<CustomerHistory> get(String customerId) {
        return Optional.ofNullable(histories.get(customerId));
    }

    public void indexPhone(String canonicalPhone, String customerId) {
        customerByPhone.put(canonicalPhone, customerId);
    }

    public Optional<String> customerOfPhone(String canonicalPhone) {
        return canonicalPhone == null ? Optional.empty() : Optional.ofNullable(customerByPhone.get(canonicalPhone));
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

    Map<String, CustomerHistory> map() {
        return histories;
    }
}
