package com.callportrait.portrait.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.semantic.Contact;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The churn and next-contact labels: who is in a snapshot, what counts as churn within N days, and
 * which contact is "the next one".
 */
class OutlookLabelsTest {
    private static final long DAY = 86_400L;
    private static final long AT = 1_780_000_000L;
    private static final long N = 90 * DAY;
    private final OutlookTraining training = new OutlookTraining(PortraitConfig.load());

    private static CustomerHistory customer(String id, long joined, long closed) {
        CustomerHistory h = new CustomerHistory(id);
        h.customer("n", null, "standard", "en", joined, 100);
        if (closed >= 0) {
            h.closed(closed);
        }
        return h;
    }

    private static Contact contact(long id, long at, String topic) {
        return new Contact(id, at, "voice", 10, 30, 200, "resolved", 0, "neutral", topic, null);
    }

    @Test
    void churnIsAClosureWithinTheHorizonAfterTheSnapshot() {
        List<CustomerHistory> people = List.of(
                customer("stays", AT - 900 * DAY, -1),
                customer("leaves-soon", AT - 900 * DAY, AT + 10 * DAY),
                customer("leaves-on-the-last-day", AT - 900 * DAY, AT + N),
                customer("leaves-later", AT - 900 * DAY, AT + N + 1),
                customer("already-gone", AT - 900 * DAY, AT),
                customer("not-yet-a-customer", AT + DAY, -1));
        OutlookTraining.Rows rows = training.churnRows(people, AT, N);
        // the closed and the not-yet-joined are not in the snapshot at all
        assertThat(rows.raw()).hasSize(4);
        assertThat(rows.labels()).containsExactly(false, true, true, false);
        assertThat(rows.calibration()).hasSize(4);
    }

    @Test
    void theNextContactIsTheFirstAfterTheSnapshotWithinTheWindow() {
        CustomerHistory a = customer("a", AT - 400 * DAY, -1);
        a.addContact(contact(1, AT - 20 * DAY, "billing"));
        a.addContact(contact(2, AT - 2 * DAY, "outage"));
        a.addContact(contact(3, AT + 3 * DAY, "meter"));
        a.addContact(contact(4, AT + 5 * DAY, "payment"));
        CustomerHistory b = customer("b", AT - 400 * DAY, -1);
        b.addContact(contact(5, AT + 8 * DAY, "billing"));
        CustomerHistory quiet = customer("quiet", AT - 400 * DAY, -1);

        OutlookTraining.Rows week = training.contactRows(List.of(a, b, quiet), AT, 7);
        assertThat(week.labels()).containsExactly(true, false, false);
        assertThat(week.topics()).containsExactly("meter", "", "");
        // the baseline's guess: the last topic before the snapshot
        assertThat(week.lastTopics()).containsExactly("outage", "", "");

        OutlookTraining.Rows month = training.contactRows(List.of(a, b, quiet), AT, 30);
        assertThat(month.labels()).containsExactly(true, true, false);
        assertThat(month.topics()).containsExactly("meter", "billing", "");
    }

    @Test
    void theRateBaselineGrowsWithRecentContactsAndTheWindow() {
        CustomerHistory a = customer("a", AT - 400 * DAY, -1);
        for (int i = 0; i < 9; i++) {
            a.addContact(contact(10 + i, AT - (5 + 9 * i) * DAY, "billing"));
        }
        OutlookTraining.Rows rows = training.contactRows(List.of(a, customer("b", AT - 400 * DAY, -1)), AT, 7);
        double[] week = training.rateBaseline(rows, 7);
        double[] month = training.rateBaseline(rows, 30);
        // 9 contacts in 90 days: 0.1 a day
        assertThat(week[0]).isCloseTo(1 - Math.exp(-0.7), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(month[0]).isGreaterThan(week[0]);
        assertThat(week[1]).isZero();
    }
}
