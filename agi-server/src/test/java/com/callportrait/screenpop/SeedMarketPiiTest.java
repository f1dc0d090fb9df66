package com.callportrait.screenpop;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.events.CallEvent;
import com.callportrait.events.EventWriter;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.testkit.ListSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The personal data of the Chinese market on the two agent-facing paths: the note of a disposition
 * (redacted like a transcript before it becomes a {@code feedback} event) and the caller's number
 * on the page (masked the way Chinese services show it).
 */
class SeedMarketPiiTest {

    @Test
    void aDispositionNoteIsRedactedBeforeItBecomesAnEvent() {
        ListSink sink = new ListSink();
        EventWriter events = EventWriter.create(sink, 100, new SimpleMeterRegistry()).start();
        try {
            FeedbackRecorder feedback = FeedbackRecorder.create(events,
                    CallRegistry.create(Clock.systemUTC(), Duration.ofMinutes(10)));
            String note = "客户手机13812345678，身份证11010519491231002X，退款到银行卡6222021234567890128，"
                    + "寄到北京市朝阳区建国路88号; also lives at 42 elm street springfield";
            assertThat(feedback.disposition("agent1", "call-1", Optional.empty(), "resolved", note)).isTrue();
        } finally {
            events.close(Duration.ofSeconds(2));
        }
        CallEvent e = sink.ofType("feedback").get(0);
        assertThat(e.fields().get("note"))
                .isEqualTo("客户手机[PHONE]，身份证[NATIONAL_ID]，退款到银行卡[CARD]，寄到[ADDRESS]; also lives at [ADDRESS]");
    }

    @Test
    void aChineseMobileIsShownWithItsMiddleDigitsHidden() {
        assertThat(PopMessages.mask("8613812345678")).isEqualTo("138****5678");
        assertThat(PopMessages.mask("15551234567")).isEqualTo("*******4567");
    }
}
