package com.callportrait.speech.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TalkTimelineTest {
    private static final org.assertj.core.data.Offset<Double> EPS = within(1e-9);

    @Test
    void talkOverIsBothAtOnceAndSilenceIsNeither() {
        TalkTimeline t = new TalkTimeline(0.3);
        t.caller(1, 4);   // caller 1-4 s
        t.agent(3, 6);    // agent 3-6 s: 1 s over the caller
        t.caller(8, 9);   // 6-8 s: nobody
        TalkFigures f = t.figures(2, 10); // connected 2-10 s
        assertThat(f.connectedSec()).isCloseTo(8, EPS);
        assertThat(f.callerTalkSec()).isCloseTo(3, EPS);  // 2-4 and 8-9
        assertThat(f.agentTalkSec()).isCloseTo(3, EPS);
        assertThat(f.talkOverSec()).isCloseTo(1, EPS);
        assertThat(f.silenceSec()).isCloseTo(3, EPS);     // 6-8 and 9-10
        assertThat(f.talkOverShare()).isCloseTo(0.125, EPS);
        assertThat(f.silenceShare()).isCloseTo(0.375, EPS);
    }

    @Test
    void shortPausesBetweenWordsAreSpeechLongOnesAreSilence() {
        TalkTimeline t = new TalkTimeline(0.3);
        t.caller(0, 0.5);
        t.caller(0.7, 1.0);  // 0.2 s pause: bridged
        t.caller(2.0, 2.5);  // 1 s pause: silence
        TalkFigures f = t.figures(0, 3);
        assertThat(f.callerTalkSec()).isCloseTo(1.5, EPS);
        assertThat(f.silenceSec()).isCloseTo(1.5, EPS);
    }

    @Test
    void wordsOutOfOrderAndOverlappingRunsCountOnce() {
        TalkTimeline t = new TalkTimeline(0);
        t.agent(5, 6);
        t.agent(1, 2);
        t.agent(1.5, 2.5);
        TalkFigures f = t.figures(0, 10);
        assertThat(f.agentTalkSec()).isCloseTo(2.5, EPS);
        assertThat(f.talkOverSec()).isZero();
        assertThat(f.silenceSec()).isCloseTo(7.5, EPS);
    }

    @Test
    void anEmptyWindowMeasuresNothing() {
        TalkTimeline t = new TalkTimeline(0.3);
        t.caller(0, 1);
        assertThat(t.figures(5, 5)).isEqualTo(TalkFigures.NONE);
        assertThat(TalkFigures.NONE.silenceShare()).isZero();
        assertThatThrownBy(() -> t.agent(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extendingAddsSilenceAtTheEnd() {
        TalkFigures f = new TalkFigures(10, 4, 4, 1, 3).extendedBy(10);
        assertThat(f.connectedSec()).isCloseTo(20, EPS);
        assertThat(f.silenceSec()).isCloseTo(13, EPS);
        assertThat(f.talkOverSec()).isCloseTo(1, EPS);
    }
}
