package com.callportrait.portrait.clean;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.profile.PhoneNumbers;
import com.callportrait.portrait.collect.BillRecord;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.TalkTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanerTest {
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    private static InteractionRecord call(String id, String phone, Instant start, Integer wait, Integer talk,
                                          Integer survey, String channel) {
        return new InteractionRecord(id, "C1", phone, channel, start, "billing", "agent-01", wait, talk, "resolved",
                survey, null, null, "caller: my bill is wrong");
    }

    @Test
    void countsEveryRepairAndDrop() {
        List<InteractionRecord> kept = new ArrayList<>();
        List<CustomerRecord> customers = new ArrayList<>();
        List<BillRecord> bills = new ArrayList<>();
        CleaningReport report = new CleaningReport();
        Cleaner c = new Cleaner(new RecordSink() {
            @Override public void interaction(InteractionRecord r) { kept.add(r); }
            @Override public void customer(CustomerRecord r) { customers.add(r); }
            @Override public void bill(BillRecord r) { bills.add(r); }
        }, CleaningOptions.of(NOW, raw -> PhoneNumbers.normalise(raw).orElse(null)), report);
        Instant t = Instant.parse("2026-10-01T10:00:00Z");

        c.interaction(call("a", "+1 555 123 4567", t, 30, 200, 5, "voice"));       // fine, phone normalised
        c.interaction(call("a", "+1 555 123 4567", t, 30, 200, 5, "voice"));       // duplicate by id
        c.interaction(call("b", "15551234567", t, -4, 200, 4, "VOICE"));           // negative wait, channel case
        c.interaction(call("c", "15551234567", t, 10, -1, 9, "voice"));            // negative talk, survey 9
        c.interaction(call("d", "15551234567", NOW.plusSeconds(5 * 86_400), 10, 10, 3, "voice")); // future: dropped
        c.interaction(call("e", "15551234567", null, 10, 10, 3, "voice"));        // no start: dropped
        c.interaction(call("f", "15551234567", t, 10, 30_000, 0, null));          // too long, survey 0, no channel
        c.customer(new CustomerRecord("C1", null, "(555) 123-4567", "GOLD", null, null, -5.0));
        c.customer(new CustomerRecord("C2", "Ann", "15559876543", "dia\u0007mond", "es", null, 10.0));
        c.customer(new CustomerRecord("C1", "dup", "1", "gold", "en", null, null));
        c.bill(new BillRecord("b1", "C1", t, t.minusSeconds(86_400), null, 10));   // due before issue
        c.bill(new BillRecord("b2", "C1", t, t.plusSeconds(86_400 * 21L), NOW.plusSeconds(86_400 * 9L), 10));

        assertThat(kept).extracting(InteractionRecord::interactionId).containsExactly("a", "b", "c", "f");
        assertThat(report.get("accepted.interaction")).isEqualTo(4);
        assertThat(report.get("duplicate.interaction")).isEqualTo(1);
        assertThat(report.get("impossible.negative_duration")).isEqualTo(2);
        assertThat(report.get("impossible.too_long")).isEqualTo(1);
        assertThat(report.get("impossible.survey")).isEqualTo(2);
        assertThat(report.get("impossible.future_date")).isEqualTo(2); // call d and the future paidAt of b2
        assertThat(report.get("missing.start")).isEqualTo(1);
        assertThat(report.get("dropped.interaction")).isEqualTo(2);
        assertThat(report.get("missing.channel")).isEqualTo(1);
        assertThat(report.get("normalised.channel")).isEqualTo(1);
        assertThat(report.get("normalised.phone")).isEqualTo(2); // "+1 555 123 4567" and "(555) 123-4567"
        assertThat(report.get("duplicate.customer")).isEqualTo(1);
        assertThat(report.get("missing.name")).isEqualTo(1);
        assertThat(report.get("missing.language")).isEqualTo(1);
        assertThat(report.get("invalid.tier")).isEqualTo(1);
        assertThat(report.get("impossible.negative_value")).isEqualTo(1);
        assertThat(report.get("impossible.bill")).isEqualTo(1);
        assertThat(report.get("accepted.bill")).isEqualTo(1);

        assertThat(kept.get(0).phone()).isEqualTo("15551234567");
        assertThat(kept.get(1).waitSec()).isNull();
        assertThat(kept.get(1).channel()).isEqualTo("voice");
        assertThat(kept.get(2).talkSec()).isNull();
        assertThat(kept.get(2).survey()).isNull();
        assertThat(kept.get(3).talkSec()).isNull();
        assertThat(customers).extracting(CustomerRecord::tier).containsExactly("gold", "standard");
        assertThat(customers.get(0).phone()).isEqualTo("15551234567");
        assertThat(customers.get(0).lifetimeValue()).isNull();
        assertThat(bills).singleElement().satisfies(b -> assertThat(b.paidAt()).isNull());
    }

    @Test
    void keepsTalkOverSilenceAndTheDispositionNote() {
        List<InteractionRecord> kept = new ArrayList<>();
        Cleaner c = new Cleaner(new RecordSink() {
            @Override public void interaction(InteractionRecord r) { kept.add(r); }
            @Override public void customer(CustomerRecord r) { }
            @Override public void bill(BillRecord r) { }
        }, CleaningOptions.of(NOW, raw -> PhoneNumbers.normalise(raw).orElse(null)), new CleaningReport());
        TalkTime talk = new TalkTime(180.0, 12.5, 20.0);
        c.interaction(new InteractionRecord("a", "C1", "15551234567", "voice", NOW.minusSeconds(3_600), "billing",
                "agent-01", 30, 180, "resolved", 5, null, null, "caller: my bill is wrong", talk,
                "refunded the late fee"));

        assertThat(kept).singleElement().satisfies(r -> {
            assertThat(r.talkTime()).isEqualTo(talk);
            assertThat(r.note()).isEqualTo("refunded the late fee");
        });
    }
}
