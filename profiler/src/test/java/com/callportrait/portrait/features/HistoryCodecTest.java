package com.callportrait.portrait.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.portrait.clean.CleaningReport;
import com.callportrait.portrait.engine.HistoryIngest;
import com.callportrait.portrait.engine.HistoryStore;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.portrait.semantic.Contact;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryCodecTest {
    private static final long T = 1_790_000_000L;

    /** Every field of two histories, compared one by one. */
    static void assertSameHistory(CustomerHistory actual, CustomerHistory expected) {
        assertThat(actual.customerId()).isEqualTo(expected.customerId());
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.phone()).isEqualTo(expected.phone());
        assertThat(actual.tier()).isEqualTo(expected.tier());
        assertThat(actual.language()).isEqualTo(expected.language());
        assertThat(actual.joined()).isEqualTo(expected.joined());
        assertThat(actual.lifetimeValue()).isEqualTo(expected.lifetimeValue());
        assertThat(actual.closed()).isEqualTo(expected.closed());
        assertThat(actual.attributes()).isEqualTo(expected.attributes());
        assertThat(actual.contacts()).containsExactlyElementsOf(expected.contacts());
        assertThat(actual.bills()).containsExactlyElementsOf(expected.bills());
        assertThat(actual.complaints()).containsExactlyElementsOf(expected.complaints());
        assertThat(actual.tickets()).containsExactlyElementsOf(expected.tickets());
        assertThat(actual.recentRecords()).containsExactlyElementsOf(expected.recentRecords());
    }

    private static CustomerHistory rich() {
        CustomerHistory h = new CustomerHistory("C-ü-1");
        h.customer("Zoë Ångström", "+15550100", "gold", "pt-BR", T - 900 * 86_400L, 12_345.67);
        h.attributes(Map.of("business", "true", "household", "4", "région", "Île-de-France"));
        h.addContact(new Contact(-7L, T, "voice", 9, 42, 610, "resolved", 5, "positive", "billing",
                "credit note issued for the double charge"));
        h.addContact(new Contact(Long.MAX_VALUE, T - 86_400, "chat", 23, -1, -1, "unknown", 0, "angry", "outage"));
        h.addContact(new Contact(Long.MIN_VALUE, T - 86_400, "email", 0, 0, 0, "escalated", 1, "negative", "outage"));
        h.addBill(new BillFact(99, T - 40 * 86_400L, T - 10 * 86_400L, T - 12 * 86_400L, 81.5));
        h.addBill(new BillFact(-3, T - 10 * 86_400L, T + 20 * 86_400L, -1, 0.1 + 0.2));
        h.addComplaint(new CaseFact("K-1", T - 5 * 86_400L, -1, "billing", "charged twice"));
        h.addComplaint(new CaseFact("K-0", T - 50 * 86_400L, T - 45 * 86_400L, "outage", ""));
        h.addTicket(new CaseFact("T-1", T - 3 * 86_400L, T - 1, "meter", "meter visit"));
        h.markApplied(1234L);
        h.markApplied(-1L);
        h.closed(T - 2 * 86_400L);
        return h;
    }

    @Test
    void aHistoryComesBackFieldForField() {
        CustomerHistory h = rich();
        byte[] bytes = HistoryCodec.encode(h);
        assertThat(bytes[0]).isEqualTo((byte) HistoryCodec.FORMAT);
        assertSameHistory(HistoryCodec.decode(h.customerId(), bytes, HistoryBounds.DEFAULT), h);
        CustomerHistory empty = new CustomerHistory("C2");
        assertSameHistory(HistoryCodec.decode("C2", HistoryCodec.encode(empty), HistoryBounds.DEFAULT), empty);
    }

    @Test
    void everyGeneratedHistoryComesBackAndAContactTakesUnderThirtyBytes() {
        PortraitConfig config = PortraitConfig.load();
        HistoryStore store = new HistoryStore();
        new SyntheticSource(GeneratorOptions.of(5, 400, 4_000)).readInto(
                new HistoryIngest(config, store, new CleaningReport(), null));
        long contacts = 0;
        long contactBytes = 0;
        for (CustomerHistory h : store.all()) {
            byte[] bytes = HistoryCodec.encode(h);
            assertSameHistory(HistoryCodec.decode(h.customerId(), bytes, HistoryBounds.DEFAULT), h);
            // what the contacts cost: the history's size minus the same history without them
            CustomerHistory without = new CustomerHistory(h.customerId());
            without.customer(h.name(), h.phone(), h.tier(), h.language(), h.joined(), h.lifetimeValue());
            without.attributes(h.attributes());
            h.bills().forEach(without::addBill);
            h.complaints().forEach(without::addComplaint);
            h.tickets().forEach(without::addTicket);
            contacts += h.contacts().size();
            contactBytes += bytes.length - HistoryCodec.encode(without).length;
        }
        assertThat(contacts).isGreaterThan(1_000);
        // about 22 bytes as laid out, plus its share of the word table and of the first full timestamp
        assertThat((double) contactBytes / contacts).isBetween(15.0, 30.0);
    }

    @Test
    void narrowerBoundsApplyWhenAStoredHistoryIsRead() {
        CustomerHistory h = rich();
        CustomerHistory read = HistoryCodec.decode(h.customerId(), HistoryCodec.encode(h),
                HistoryBounds.builder().maxContacts(2).maxBills(1).recentRecords(1).build());
        assertThat(read.contacts()).containsExactlyElementsOf(h.contacts().subList(1, 3));
        assertThat(read.bills()).containsExactly(h.bills().get(1));
        assertThat(read.recentRecords()).containsExactly(-1L);
    }

    @Test
    void bytesItCannotReadAreRefused() {
        byte[] bytes = HistoryCodec.encode(rich());
        assertThatThrownBy(() -> HistoryCodec.decode("C", Arrays.copyOf(bytes, bytes.length - 3), HistoryBounds.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end early");
        byte[] newer = bytes.clone();
        newer[0] = (byte) (HistoryCodec.FORMAT + 1);
        assertThatThrownBy(() -> HistoryCodec.decode("C", newer, HistoryBounds.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format " + (HistoryCodec.FORMAT + 1));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> HistoryCodec.decode("C", longer, HistoryBounds.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after its end");
    }
}
