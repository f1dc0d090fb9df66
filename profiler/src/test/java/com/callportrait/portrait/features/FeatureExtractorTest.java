package com.callportrait.portrait.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.callportrait.portrait.PortraitException;
import com.callportrait.portrait.semantic.Contact;
import com.callportrait.portrait.semantic.Linker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureExtractorTest {
    private static final long DAY = 86_400L;
    private static final long NOW = 1_000 * DAY;
    private final FeatureRules rules = FeatureRules.load(null);
    private final FeatureExtractor ex = new FeatureExtractor(rules, new Linker(7, 7));

    private static Contact c(long id, long daysAgo, String channel, int hour, int wait, int talk, String outcome,
                             int survey, String emotion, String topic) {
        return new Contact(id, NOW - daysAgo * DAY, channel, hour, wait, talk, outcome, survey, emotion, topic);
    }

    private CustomerHistory history() {
        CustomerHistory h = new CustomerHistory("C1");
        h.customer("Ann", "15551234567", "gold", "en", NOW - 400 * DAY, 5000);
        h.attributes(Map.of("business", "true"));
        h.addContact(c(1, 200, "voice", 10, 60, 300, "resolved", 4, "neutral", "billing"));
        h.addContact(c(2, 80, "chat", 19, 0, 100, "unresolved", 0, "negative", "billing"));
        h.addContact(c(3, 20, "voice", 20, 120, 500, "escalated", 2, "angry", "outage"));
        h.addContact(c(4, 18, "voice", 11, -1, -1, "resolved", 0, "neutral", "outage"));
        h.addContact(c(5, -3, "voice", 11, 10, 10, "resolved", 5, "positive", "meter")); // after NOW: invisible
        for (int m = 0; m < 12; m++) {
            long issued = NOW - (12 - m) * 30 * DAY;
            boolean late = m == 3 || m == 9;
            h.addBill(new BillFact(m, issued, issued + 21 * DAY, issued + (late ? 30 : 5) * DAY, 100 + m));
        }
        h.addComplaint(new CaseFact("K1", NOW - 19 * DAY, -1, "outage", "no power"));
        h.addTicket(new CaseFact("T1", NOW - 20 * DAY, NOW - 10 * DAY, "outage", "repair"));
        return h;
    }

    @Test
    void computesEveryRuleFromTheFile() {
        double[] v = ex.extract(history(), NOW).values();
        assertThat(v[rules.indexOf("contacts_30d")]).isEqualTo(2);
        assertThat(v[rules.indexOf("contacts_90d")]).isEqualTo(3);
        assertThat(v[rules.indexOf("contacts_365d")]).isEqualTo(4);
        assertThat(v[rules.indexOf("contacts_prev_60d")]).isEqualTo(1); // day 80 lies in (90, 30] days ago
        assertThat(v[rules.indexOf("days_since_last_contact")]).isEqualTo(18);
        assertThat(v[rules.indexOf("avg_talk_sec")]).isCloseTo((300 + 100 + 500) / 3.0, within(1e-9));
        assertThat(v[rules.indexOf("avg_wait_sec")]).isCloseTo(60, within(1e-9));
        assertThat(v[rules.indexOf("chat_share")]).isEqualTo(0.25);
        assertThat(v[rules.indexOf("evening_share")]).isEqualTo(0.5);
        assertThat(v[rules.indexOf("negative_share_90d")]).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(v[rules.indexOf("angry_contacts_90d")]).isEqualTo(1);
        assertThat(v[rules.indexOf("last_emotion_score")]).isEqualTo(0);
        assertThat(v[rules.indexOf("survey_mean")]).isEqualTo(3);
        assertThat(v[rules.indexOf("resolved_share")]).isEqualTo(0.5);
        assertThat(v[rules.indexOf("repeat_contacts_90d")]).isEqualTo(1); // outage 18 days ago repeats day 20
        assertThat(v[rules.indexOf("escalation_chains")]).isEqualTo(0);    // the escalated call starts its chain
        assertThat(v[rules.indexOf("complaints_90d")]).isEqualTo(1);
        assertThat(v[rules.indexOf("open_complaints")]).isEqualTo(1);
        assertThat(v[rules.indexOf("open_tickets")]).isEqualTo(0);
        assertThat(v[rules.indexOf("late_payments_365d")]).isEqualTo(2);
        assertThat(v[rules.indexOf("monthly_spend")]).isCloseTo(105.5, within(1e-9));
        assertThat(v[rules.indexOf("tenure_days")]).isEqualTo(400);
        assertThat(v[rules.indexOf("tier_rank")]).isEqualTo(2);
        assertThat(v[rules.indexOf("business")]).isEqualTo(1);
        assertThat(v[rules.indexOf("outage_contacts_365d")]).isEqualTo(2);
        // traffic_change = contacts_30d / max(contacts_prev_60d * 0.5, 1) = 2 / 1
        assertThat(v[rules.indexOf("traffic_change")]).isEqualTo(2);
        // 180-day window holds negative(-1) | angry(-2), neutral(0): newer half mean -1, older half -1
        assertThat(v[rules.indexOf("emotion_trend")]).isCloseTo(0, within(1e-9));
        assertThat(v[rules.indexOf("negative_share_365d")]).isEqualTo(0.5);
    }

    @Test
    void nothingAfterAsOfIsVisible() {
        double[] early = ex.extract(history(), NOW - 50 * DAY).values();
        assertThat(early[rules.indexOf("contacts_365d")]).isEqualTo(2);
        assertThat(early[rules.indexOf("open_complaints")]).isEqualTo(0);
        assertThat(early[rules.indexOf("complaints_365d")]).isEqualTo(0);
    }

    @Test
    void missingValuesAreNaNAndPreprocessingFillsThem() {
        CustomerHistory empty = new CustomerHistory("C2");
        double[] v = ex.extract(empty, NOW).values();
        assertThat(v[rules.indexOf("survey_mean")]).isNaN();
        assertThat(v[rules.indexOf("days_since_last_contact")]).isNaN();
        Preprocessor pre = Preprocessor.fit(rules, List.of(ex.extract(history(), NOW).values(), v));
        double[] p = pre.apply(v);
        for (double x : p) {
            assertThat(x).isFinite();
        }
        // days_since_last_contact is filled with the max (18), survey_mean with the median (3)
        assertThat(pre.fill()[rules.indexOf("days_since_last_contact")]).isEqualTo(18);
        assertThat(pre.fill()[rules.indexOf("survey_mean")]).isEqualTo(3);
    }

    @Test
    void anAnalystsFileIsValidatedAndUsed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("features.yaml");
        Files.writeString(f, """
                features:
                  - {name: calls_7d, source: contacts, agg: count, window_days: 7}
                  - {name: angry_calls, source: contacts, agg: count, where: {emotion: [angry]}}
                preprocessing: {scale: minmax}
                models: {segment: [calls_7d], complaint_risk: [angry_calls]}
                """);
        FeatureRules custom = FeatureRules.load(f);
        double[] v = new FeatureExtractor(custom, new Linker(7, 7)).extract(history(), NOW).values();
        assertThat(custom.names()).containsExactly("calls_7d", "angry_calls");
        assertThat(v).containsExactly(0, 1);
        Files.writeString(f, "features:\n  - {name: x, source: contacts, agg: median}\n");
        assertThatThrownBy(() -> FeatureRules.load(f)).isInstanceOf(PortraitException.class)
                .hasMessageContaining("feature x").hasMessageContaining("median");
    }
}
