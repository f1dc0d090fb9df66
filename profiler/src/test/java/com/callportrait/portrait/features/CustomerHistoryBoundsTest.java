package com.callportrait.portrait.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import com.callportrait.portrait.semantic.Contact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CustomerHistoryBoundsTest {
    private static final long DAY = 86_400L;
    private static final long T = 1_790_000_000L;

    private static Contact contact(long id, long at) {
        return new Contact(id, at, "voice", 10, 30, 300, "resolved", 0, "neutral", "billing");
    }

    @Test
    void theBoundsComeFromTheEnvironmentAndABadValueNamesItsVariable() {
        assertThat(HistoryBounds.from(Env.empty())).isEqualTo(HistoryBounds.DEFAULT);
        assertThat(HistoryBounds.from(Env.of(Map.of("CP_HISTORY_MAX_CONTACTS", "50", "CP_HISTORY_MAX_AGE_DAYS", "365",
                "CP_HISTORY_RECENT_RECORDS", "0"))))
                .isEqualTo(HistoryBounds.builder().maxContacts(50).maxAgeDays(365).recentRecords(0).build());
        assertThatThrownBy(() -> HistoryBounds.from(Env.of(Map.of("CP_HISTORY_MAX_AGE_DAYS", "7"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_HISTORY_MAX_AGE_DAYS");
        assertThatThrownBy(() -> HistoryBounds.from(Env.of(Map.of("CP_HISTORY_MAX_BILLS", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_HISTORY_MAX_BILLS");
    }

    @Test
    void contactsAreBoundedByCountAndAgeWhateverTheOrderTheyArriveIn() {
        HistoryBounds bounds = HistoryBounds.builder().maxContacts(30).maxAgeDays(100).build();
        List<Contact> all = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            all.add(contact(i * 7919L, T - i * 2 * DAY));
        }
        CustomerHistory inOrder = new CustomerHistory("C", bounds);
        all.forEach(inOrder::addContact);
        List<Contact> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(3));
        CustomerHistory anyOrder = new CustomerHistory("C", bounds);
        shuffled.forEach(anyOrder::addContact);
        assertThat(anyOrder.contacts()).containsExactlyElementsOf(inOrder.contacts()).hasSize(30);
        assertThat(inOrder.contacts().get(29).at()).isEqualTo(T);

        CustomerHistory byAge = new CustomerHistory("C", HistoryBounds.builder().maxAgeDays(100).build());
        shuffled.forEach(byAge::addContact);
        // 2 days apart: the newest and the 50 before it are within 100 days of it
        assertThat(byAge.contacts()).hasSize(51);
        assertThat(byAge.contacts().get(0).at()).isEqualTo(T - 100 * DAY);
    }

    @Test
    void anOpenCaseStaysWhateverItsAgeAClosedOneAgesOut() {
        CustomerHistory h = new CustomerHistory("C", HistoryBounds.builder().maxAgeDays(30).build());
        h.addComplaint(new CaseFact("old-open", T - 400 * DAY, -1, "billing", ""));
        h.addComplaint(new CaseFact("old-closed", T - 300 * DAY, T - 290 * DAY, "billing", ""));
        h.addComplaint(new CaseFact("new", T, -1, "outage", ""));
        assertThat(h.complaints()).extracting(CaseFact::id).containsExactly("old-open", "new");
        h.addBill(new BillFact(1, T - 90 * DAY, T - 80 * DAY, T - 85 * DAY, 10));
        h.addBill(new BillFact(2, T, T + 10 * DAY, -1, 10));
        assertThat(h.bills()).extracting(BillFact::idHash).containsExactly(2L);
    }

    @Test
    void aHistoryRemembersTheLastRecordsAppliedAndMergesAnotherIdempotently() {
        CustomerHistory h = new CustomerHistory("C", HistoryBounds.builder().recentRecords(2).build());
        h.markApplied(1);
        h.markApplied(2);
        h.markApplied(2);
        h.markApplied(3);
        assertThat(h.recentRecords()).containsExactly(2L, 3L);
        assertThat(h.applied(1)).isFalse();
        assertThat(h.applied(3)).isTrue();

        CustomerHistory file = new CustomerHistory("C");
        file.customer("Ann", "+15550100", "gold", "en", T - 500 * DAY, 99);
        file.addContact(contact(7, T - DAY));
        file.addComplaint(new CaseFact("K", T - DAY, -1, "billing", ""));
        h.addContact(contact(7, T - DAY));
        h.mergeFeedback(7, 4, "resolved", "refund");
        h.mergeFrom(file);
        h.mergeFrom(file);
        assertThat(h.name()).isEqualTo("Ann");
        assertThat(h.contacts()).hasSize(1);
        assertThat(h.contacts().get(0).survey()).as("the feedback merged here stays").isEqualTo(4);
        assertThat(h.complaints()).hasSize(1);
    }
}
