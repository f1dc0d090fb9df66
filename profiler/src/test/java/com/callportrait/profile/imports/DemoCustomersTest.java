package com.callportrait.profile.imports;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.Tier;
import com.callportrait.profile.memory.InMemoryProfileStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCustomersTest {

    @Test
    void demoListIsValidAndVaried() {
        List<CustomerProfile> all = DemoCustomers.profiles(PhoneOptions.DEFAULT, Clock.systemUTC());
        assertThat(all).hasSize(20);
        assertThat(all.stream().map(CustomerProfile::tier).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Tier.builtIn());
        Set<String> languages = all.stream().map(CustomerProfile::language).collect(Collectors.toSet());
        assertThat(languages).contains("en", "es", "zh", "fr");
        assertThat(all).filteredOn(p -> p.openComplaints() > 0).hasSizeGreaterThanOrEqualTo(5);
        assertThat(all).filteredOn(p -> p.lastTopic().isPresent()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void theRecordedAsteriskCallerIsJaneDoeWithAnOpenBillingComplaint() {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        ImportReport report = DemoCustomers.seed(store, PhoneOptions.DEFAULT, Clock.systemUTC());
        assertThat(report.loaded()).isEqualTo(20);
        assertThat(report.rejected()).isEmpty();
        // agi_callerid: 5551234 in the recorded FastAGI session.
        CustomerProfile jane = store.findByPhone("5551234").toCompletableFuture().join().orElseThrow();
        assertThat(jane.customerId()).isEqualTo("C1001");
        assertThat(jane.name()).isEqualTo("Jane Doe");
        assertThat(jane.tier()).isEqualTo(Tier.GOLD);
        assertThat(jane.openIssues()).singleElement().satisfies(i -> assertThat(i.topic()).isEqualTo("billing"));
    }
}
