package com.callportrait.portrait.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.callportrait.portrait.semantic.EmotionLexicon;
import org.junit.jupiter.api.Test;

class DemandHeatTest {
    private static final long DAY = 86_400L;
    private static final long AS_OF = 1_000 * DAY;

    private static void add(ContactLog log, String topic, long at, int n) {
        for (int i = 0; i < n; i++) {
            log.add("C" + i, at, topic, "a", "voice", "resolved", 0, 60, false, false);
        }
    }

    @Test
    void countsDaysAndWeeksAndRanksByVolumeAndChange() {
        ContactLog log = new ContactLog(EmotionLexicon.load());
        add(log, "billing", AS_OF - 3 * DAY, 40);   // last week 40
        add(log, "billing", AS_OF - 10 * DAY, 50);  // previous week 50
        add(log, "outage", AS_OF - 3_600, 12);      // last day 12, last week 12
        add(log, "outage", AS_OF - 7 * DAY - 3_600, 3); // same day last week 3, previous week 3
        add(log, "meter", AS_OF - 2 * DAY, 2);      // too few to rank by change
        add(log, "meter", AS_OF + 3_600, 99);       // after asOf: not counted
        DemandHeat.Heat h = DemandHeat.of(log, AS_OF);

        assertThat(h.byVolume()).extracting(DemandHeat.TopicHeat::topic).containsExactly("billing", "outage", "meter");
        DemandHeat.TopicHeat outage = h.byVolume().get(1);
        assertThat(outage.lastDay()).isEqualTo(12);
        assertThat(outage.weekAgoDay()).isEqualTo(3);
        assertThat(outage.dayChange()).isCloseTo(3.0, within(1e-12));
        assertThat(outage.weekChange()).isCloseTo(3.0, within(1e-12));
        assertThat(h.byVolume().get(0).weekChange()).isCloseTo(-0.2, within(1e-12));
        assertThat(h.byChange()).extracting(DemandHeat.TopicHeat::topic).containsExactly("billing");
        assertThat(h.byChange()).hasSize(1); // outage has 15 contacts over two weeks (< 20)
        assertThat(h.daily().get("outage")[DemandHeat.DAYS - 1]).isEqualTo(12);
        assertThat(h.daily().get("billing")[DemandHeat.DAYS - 3]).isEqualTo(40);
        assertThat(h.dayStarts()[DemandHeat.DAYS - 1]).isEqualTo(AS_OF - DAY);
    }
}
