package com.callportrait.speech.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.Env;
import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.pipeline.FrameAgeRule.Action;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The overload steps by the age of the frame in hand; ages are given, nothing is timed. */
class FrameAgeRuleTest {
    private static final long MS = 1_000_000L;

    @Test
    void aFrameIsHeardWithPartialsUntilItIsLateThenWithoutThenSkipped() {
        FrameAgeRule rule = new FrameAgeRule(800 * MS, 5000 * MS);
        assertThat(rule.decide(-5 * MS)).isEqualTo(Action.HEAR); // clocks of two threads: never "late"
        assertThat(rule.decide(0)).isEqualTo(Action.HEAR);
        assertThat(rule.decide(799 * MS)).isEqualTo(Action.HEAR);
        assertThat(rule.decide(800 * MS)).isEqualTo(Action.HEAR_WITHOUT_PARTIAL);
        assertThat(rule.decide(4999 * MS)).isEqualTo(Action.HEAR_WITHOUT_PARTIAL);
        assertThat(rule.decide(5000 * MS)).isEqualTo(Action.HEAR_WITHOUT_PARTIAL);
        assertThat(rule.decide(5000 * MS + 1)).isEqualTo(Action.SKIP_STALE);
    }

    @Test
    void manyCallsEachWaitingALittleKeepTheirPartials() {
        // what the old rule (more calls queued than threads) reported as overload: 16 calls, each
        // with a frame that waited one or two frames' time behind the other calls' batches
        FrameAgeRule rule = FrameAgeRule.of(AsrOptions.defaults());
        for (int call = 0; call < 16; call++) {
            assertThat(rule.decide((20 + call * 5) * MS)).isEqualTo(Action.HEAR);
        }
    }

    @Test
    void readsItsLimitsFromTheOptions() {
        FrameAgeRule rule = FrameAgeRule.of(AsrOptions.from(Env.of(Map.of(
                "CP_ASR_PARTIAL_SKIP_LAG_MS", "300", "CP_ASR_QUEUE_FRAMES", "100"))));
        assertThat(rule.partialSkipNanos()).isEqualTo(300 * MS);
        assertThat(rule.staleNanos()).isEqualTo(2000 * MS); // 100 frames of 20 ms
        FrameAgeRule defaults = FrameAgeRule.of(AsrOptions.defaults());
        assertThat(defaults.partialSkipNanos()).isEqualTo(AsrOptions.DEFAULT_PARTIAL_SKIP_LAG_MS * MS);
        assertThat(defaults.staleNanos()).isEqualTo(AsrOptions.DEFAULT_QUEUE_FRAMES * 20 * MS);
    }

    @Test
    void partialsAreNeverKeptForAudioOldEnoughToBeSkipped() {
        // a short queue (stale after 200 ms) with the default 800 ms partial limit
        FrameAgeRule rule = FrameAgeRule.of(AsrOptions.defaults().withQueueFrames(10));
        assertThat(rule.partialSkipNanos()).isEqualTo(rule.staleNanos()).isEqualTo(200 * MS);
        assertThat(rule.decide(150 * MS)).isEqualTo(Action.HEAR);
        assertThat(rule.decide(200 * MS)).isEqualTo(Action.HEAR_WITHOUT_PARTIAL);
        assertThat(rule.decide(201 * MS)).isEqualTo(Action.SKIP_STALE);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new FrameAgeRule(0, 5000 * MS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameAgeRule(800 * MS, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
