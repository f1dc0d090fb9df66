package com.callportrait.profile.memory;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.Tier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryProfileStoreTest {

    static CustomerProfile customer(String id, String... phones) {
        return new CustomerProfile(id, "Name " + id, List.of(phones), Tier.GOLD, "en", null, 100, 0.5, 0.5, 0.1,
                List.of(), List.of(), List.of(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static Optional<CustomerProfile> find(InMemoryProfileStore store, String phone) {
        return store.findByPhone(phone).toCompletableFuture().join();
    }

    @Test
    void findsByEveryFormOfTheNumber() {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        store.save(customer("C1", "+1 555 123 4567", "5551234")).toCompletableFuture().join();
        for (String form : List.of("+1 555 123 4567", "15551234567", "(555) 123-4567", "001 555 123 4567", "5551234")) {
            assertThat(find(store, form)).as(form).map(CustomerProfile::customerId).contains("C1");
        }
        assertThat(find(store, "unknown")).isEmpty();
        assertThat(find(store, "5559999")).isEmpty();
        assertThat(store.findById("C1").toCompletableFuture().join()).isPresent();
    }

    @Test
    void lookupOnAnExecutorCompletesThere() throws Exception {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        store.save(customer("C7", "5557777")).toCompletableFuture().join();
        java.util.concurrent.ExecutorService loop = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.atomic.AtomicInteger handedOver = new java.util.concurrent.atomic.AtomicInteger();
        try {
            Optional<CustomerProfile> found = store.findByPhone("5557777", task -> {
                handedOver.incrementAndGet();
                loop.execute(task);
            }).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(found).map(CustomerProfile::customerId).contains("C7");
            assertThat(handedOver.get()).isEqualTo(1);
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void changedNumbersDropTheirIndexEntries() {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        store.save(customer("C1", "5551234", "5550001"));
        store.save(customer("C1", "5550002"));
        assertThat(find(store, "5551234")).isEmpty();
        assertThat(find(store, "5550001")).isEmpty();
        assertThat(find(store, "5550002")).map(CustomerProfile::customerId).contains("C1");
    }

    @Test
    void aNumberTakenOverByAnotherCustomerIsNotDroppedByTheFormerOwner() {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        store.save(customer("C1", "5551234"));
        store.save(customer("C2", "5551234"));
        store.save(customer("C1", "5550001"));
        assertThat(find(store, "5551234")).map(CustomerProfile::customerId).contains("C2");
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void closedStoreFails() {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        store.close();
        assertThatThrownBy(() -> store.ping().toCompletableFuture().join()).isInstanceOf(CompletionException.class);
    }
}
