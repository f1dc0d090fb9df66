package com.callportrait.portrait.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkerTest {
    private static final long DAY = 86_400L;

    private static Contact c(long id, long day, String topic, String outcome, String emotion) {
        return new Contact(id, day * DAY, "voice", 10, 30, 300, outcome, 0, emotion, topic);
    }

    @Test
    void linksRepeatsChainsAndNegativeTurns() {
        List<Contact> cs = List.of(
                c(1, 0, "billing", "unresolved", "neutral"),
                c(2, 3, "billing", "escalated", "neutral"),     // repeat within 7 days, escalated chain
                c(3, 5, "billing", "resolved", "positive"),     // chain of 3
                c(4, 30, "billing", "resolved", "neutral"),     // too late: new chain
                c(5, 40, "outage", "resolved", "neutral"),
                c(6, 42, "outage", "unresolved", "angry"));     // turned negative 1 day after a ticket
        LinkedHistory l = new Linker(7, 7).link(cs, List.of(new Linker.Event(41 * DAY, "ticket")));
        assertThat(l.repeat()).containsExactly(false, true, true, false, false, true);
        assertThat(l.chainLength()).containsExactly(1, 2, 3, 1, 1, 2);
        assertThat(l.escalationChains()).isEqualTo(1);
        assertThat(l.longestChain()).isEqualTo(3);
        assertThat(l.negativeTurns()).isEqualTo(1);
        assertThat(l.lastTurnTrigger()).isEqualTo("ticket");
    }
}
