package com.callportrait.portrait.gen;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.collect.BillRecord;
import com.callportrait.portrait.collect.ComplaintRecord;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.TicketRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator's latent churn: driven by what happened, noisy, reproducible, and the data stops at the closure. */
class ChurnHazardTest {
    private static final long DAY = 86_400L;
    private static final long T = 1_780_000_000L;

    private static final class Collect implements RecordSink {
        final Map<String, CustomerRecord> customers = new HashMap<>();
        final List<InteractionRecord> interactions = new ArrayList<>();
        final List<BillRecord> bills = new ArrayList<>();
        final List<ComplaintRecord> complaints = new ArrayList<>();
        final List<TicketRecord> tickets = new ArrayList<>();

        @Override public void customer(CustomerRecord r) { customers.put(r.customerId(), r); }
        @Override public void interaction(InteractionRecord r) { interactions.add(r); }
        @Override public void bill(BillRecord r) { bills.add(r); }
        @Override public void complaint(ComplaintRecord r) { complaints.add(r); }
        @Override public void ticket(TicketRecord r) { tickets.add(r); }
    }

    private static Collect generate(long seed) {
        Collect c = new Collect();
        new SyntheticGenerator(GeneratorOptions.builder().seed(seed).customers(1500).build()).generate(c);
        return c;
    }

    private static InteractionRecord call(long at, String outcome, Integer survey) {
        return new InteractionRecord("i" + at, "C1", null, "voice", Instant.ofEpochSecond(at), "billing", "a", 10, 100,
                outcome, survey, null, null, null);
    }

    @Test
    void unresolvedComplaintsFallingSatisfactionShortTenureAndPriceSensitivityRaiseTheHazard() {
        long joined = T - 3 * 365 * DAY;
        double calm = ChurnHazard.logit(LatentType.ORDINARY, joined, T, List.of(), List.of(), 0);
        ComplaintRecord open = new ComplaintRecord("K1", "C1", Instant.ofEpochSecond(T - 10 * DAY), "billing", "s", null);
        ComplaintRecord closed = new ComplaintRecord("K2", "C1", Instant.ofEpochSecond(T - 40 * DAY), "billing", "s",
                Instant.ofEpochSecond(T - 30 * DAY));
        assertThat(ChurnHazard.logit(LatentType.ORDINARY, joined, T, List.of(), List.of(open), 0)).isGreaterThan(calm);
        // a resolved complaint no longer weighs
        assertThat(ChurnHazard.logit(LatentType.ORDINARY, joined, T, List.of(), List.of(closed), 0)).isEqualTo(calm);
        List<InteractionRecord> falling = List.of(call(T - 300 * DAY, "resolved", 5), call(T - 200 * DAY, "resolved", 5),
                call(T - 20 * DAY, "resolved", 2));
        List<InteractionRecord> steady = List.of(call(T - 300 * DAY, "resolved", 4), call(T - 20 * DAY, "resolved", 4));
        assertThat(ChurnHazard.logit(LatentType.ORDINARY, joined, T, falling, List.of(), 0))
                .isGreaterThan(ChurnHazard.logit(LatentType.ORDINARY, joined, T, steady, List.of(), 0));
        assertThat(ChurnHazard.logit(LatentType.ORDINARY, joined, T, List.of(call(T - DAY, "unresolved", null)),
                List.of(), 0)).isGreaterThan(calm);
        assertThat(ChurnHazard.logit(LatentType.ORDINARY, T - 100 * DAY, T, List.of(), List.of(), 0)).isGreaterThan(calm);
        assertThat(ChurnHazard.logit(LatentType.POTENTIAL, joined, T, List.of(), List.of(), 0))
                .isGreaterThan(ChurnHazard.logit(LatentType.HIGH_VALUE, joined, T, List.of(), List.of(), 0));
    }

    @Test
    void closuresAreReproducibleAtARealisticRateAndNothingHappensAfterThem() {
        Collect a = generate(5);
        Collect b = generate(5);
        Map<String, Instant> closedA = new HashMap<>();
        a.customers.forEach((id, r) -> {
            if (r.closedAt() != null) {
                closedA.put(id, r.closedAt());
            }
        });
        Map<String, Instant> closedB = new HashMap<>();
        b.customers.forEach((id, r) -> {
            if (r.closedAt() != null) {
                closedB.put(id, r.closedAt());
            }
        });
        assertThat(closedA).isEqualTo(closedB);
        // a year of history: some customers leave, most stay
        assertThat(closedA.size()).isBetween(1500 * 5 / 100, 1500 * 35 / 100);
        for (InteractionRecord r : a.interactions) {
            Instant c = closedA.get(r.customerId());
            assertThat(c == null || r.start().isBefore(c)).as(r.interactionId()).isTrue();
        }
        for (BillRecord r : a.bills) {
            Instant c = closedA.get(r.customerId());
            assertThat(c == null || r.issuedAt().isBefore(c)).as(r.billId()).isTrue();
        }
        for (ComplaintRecord r : a.complaints) {
            Instant c = closedA.get(r.customerId());
            assertThat(c == null || r.openedAt().isBefore(c)).as(r.complaintId()).isTrue();
        }
    }

    @Test
    void customersWithUnresolvedComplaintsLeaveMoreOften() {
        Collect a = generate(9);
        Map<String, Integer> complaints = new HashMap<>();
        a.complaints.forEach(k -> complaints.merge(k.customerId(), 1, Integer::sum));
        int withN = 0;
        int withClosed = 0;
        int withoutN = 0;
        int withoutClosed = 0;
        for (CustomerRecord r : a.customers.values()) {
            boolean closed = r.closedAt() != null;
            if (complaints.getOrDefault(r.customerId(), 0) > 0) {
                withN++;
                withClosed += closed ? 1 : 0;
            } else {
                withoutN++;
                withoutClosed += closed ? 1 : 0;
            }
        }
        assertThat(withClosed / (double) withN).isGreaterThan(withoutClosed / (double) withoutN);
    }
}
