package com.callportrait.bench.agi;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.bench.agi.load.CallerKind;
import com.callportrait.bench.agi.load.MixEntry;
import com.callportrait.profile.PhoneNumbers;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BenchCustomersTest {

    @Test
    void theMixIsFixedAndEveryCallerIsWhatItClaims() {
        List<MixEntry> mix = BenchCustomers.mix(100_000, 4096);
        assertThat(BenchCustomers.mix(100_000, 4096)).as("fixed seed").isEqualTo(mix);
        Map<CallerKind, Long> n = mix.stream().collect(Collectors.groupingBy(MixEntry::kind, Collectors.counting()));
        assertThat(n.get(CallerKind.VIP)).isBetween(500L, 720L);
        assertThat(n.get(CallerKind.STANDARD)).isBetween(2500L, 2850L);
        assertThat(n.get(CallerKind.UNKNOWN)).isBetween(470L, 700L);
        assertThat(n.get(CallerKind.MALFORMED)).isBetween(170L, 330L);
        for (MixEntry e : mix) {
            switch (e.kind()) {
                case VIP, STANDARD -> {
                    int i = Integer.parseInt(e.customerId().substring(1));
                    var p = BenchCustomers.customer(i);
                    assertThat(BenchCustomers.vip(p)).isEqualTo(e.kind() == CallerKind.VIP);
                    assertThat(PhoneNumbers.normalise(e.callerId())).isEqualTo(PhoneNumbers.normalise(p.phones().get(0)));
                }
                case UNKNOWN -> assertThat(e.customerId()).isEmpty();
                case MALFORMED -> assertThat(PhoneNumbers.normalise(e.callerId())).as(e.callerId()).isEmpty();
            }
        }
    }

    @Test
    void customersAreTheSameEveryRun() {
        assertThat(BenchCustomers.customer(4242)).isEqualTo(BenchCustomers.customer(4242));
        Map<Object, Long> tiers = java.util.stream.IntStream.range(0, 2000).mapToObj(BenchCustomers::customer)
                .collect(Collectors.groupingBy(p -> p.tier(), Collectors.counting()));
        assertThat(tiers).hasSize(4);
    }
}
