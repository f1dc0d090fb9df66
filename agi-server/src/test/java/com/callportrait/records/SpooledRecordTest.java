package com.callportrait.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.portrait.collect.FeedbackRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpooledRecordTest {
    @Test
    void anInteractionRecordSurvivesTheSpoolByteForByte() {
        InteractionRecord r = new InteractionRecord("cp-uuid-7", "C1001", "5551234", "voice",
                Instant.parse("2026-11-22T10:00:00Z"), "billing", "agent1", 12, 300, "resolved", 4, "negative", null,
                "caller: my bill is wrong — naïve café");
        SpooledRecord s = SpooledRecord.of(r);
        SpooledRecord back = SpooledRecord.decode(s.encode());
        assertThat(back).isEqualTo(s);
        assertThat(back.kind()).isEqualTo(SpooledRecord.Kind.INTERACTION);
        assertThat(back.id()).isEqualTo("cp-uuid-7");
        assertThat(back.interaction()).isEqualTo(r);
    }

    @Test
    void feedbackKeepsItsOwnStableId() {
        FeedbackRecord f = new FeedbackRecord("cp-uuid-7", null, "5551234", null, "resolved",
                Instant.parse("2026-11-22T10:05:00Z"));
        SpooledRecord back = SpooledRecord.decode(SpooledRecord.of("fb-1", f).encode());
        assertThat(back.kind()).isEqualTo(SpooledRecord.Kind.FEEDBACK);
        assertThat(back.id()).isEqualTo("fb-1");
        assertThat(back.feedback()).isEqualTo(f);
    }

    @Test
    void bytesThatAreNotASpooledRecordAreRefused() {
        assertThatThrownBy(() -> SpooledRecord.decode(new byte[] {9, 0, 0, 1, 'x'}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpooledRecord.decode(new byte[] {1, 0, 0, 50, 'x'}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
