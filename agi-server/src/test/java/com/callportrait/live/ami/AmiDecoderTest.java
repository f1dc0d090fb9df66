package com.callportrait.live.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AmiDecoderTest {

    @Test
    void readsTheRecordedEventStream() {
        List<Object> all = RecordedAmi.decode("ami-events.txt");
        assertThat(all.get(0)).isEqualTo(new AmiBanner("Asterisk Call Manager/11.0.0"));
        AmiMessage login = (AmiMessage) all.get(1);
        assertThat(login.value("Response")).isEqualTo("Success");
        assertThat(login.value("Message")).isEqualTo("Authentication accepted");
        List<AmiMessage> events = all.stream().skip(2).map(AmiMessage.class::cast).toList();
        // 116 "Event:" headers in the recording (counted with grep).
        assertThat(events).hasSize(116).allMatch(m -> m.event().isPresent());
        assertThat(events.stream().filter(m -> m.eventLower().equals("varset")).count()).isEqualTo(28);
        AmiMessage connect = events.stream().filter(m -> m.eventLower().equals("agentconnect")).findFirst().orElseThrow();
        assertThat(connect.value("Channel")).isEqualTo("Local/5551234@cp-inbound-00000009;2");
        assertThat(connect.value("Uniqueid")).isEqualTo("1795339360.19");
        assertThat(connect.value("MemberName")).isEqualTo("agent1");
        assertThat(connect.value("Interface")).isEqualTo("Local/agent1@cp-agents");
        assertThat(connect.value("DestUniqueid")).isEqualTo("1795339360.22");
        assertThat(connect.value("AccountCode")).isEmpty();
        assertThat(connect.value("HoldTime")).isEqualTo("0");
        AmiMessage join = events.stream().filter(m -> m.eventLower().equals("queuecallerjoin")).findFirst().orElseThrow();
        assertThat(join.value("Queue")).isEqualTo("support");
        assertThat(join.intValue("Position", -1)).isEqualTo(1);
        assertThat(join.value("callerIDname")).as("keys match ignoring case").isEqualTo("Jane Doe");
    }

    @Test
    void readsTheRecordedActionReplies() {
        List<Object> all = RecordedAmi.decode("ami-actions.txt");
        List<String> ids = all.stream().skip(1).map(AmiMessage.class::cast).filter(AmiMessage::isResponse)
                .map(m -> m.actionId() + "=" + m.value("Response")).collect(Collectors.toList());
        assertThat(ids).containsExactly("=Success", "o1=Success", "st1=Success", "p1=Success", "p2=Error",
                "v1=Success", "u1=Success", "r1=Success", "r2=Error", "=Goodbye");
        assertThat(all.stream().skip(1).map(AmiMessage.class::cast).filter(m -> m.eventLower().equals("status")))
                .hasSize(4);
    }

    @Test
    void splitsMessagesAcrossArbitraryChunksAndAcceptsLf() {
        EmbeddedChannel ch = new EmbeddedChannel(AmiDecoder.client());
        byte[] b = "Asterisk Call Manager/11.0.0\r\nEvent: Hangup\r\nChannel: PJSIP/1-1\nCause: 16\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {x}));
        }
        assertThat((Object) ch.readInbound()).isInstanceOf(AmiBanner.class);
        AmiMessage m = ch.readInbound();
        assertThat(m.value("Channel")).isEqualTo("PJSIP/1-1");
        assertThat(m.value("Cause")).isEqualTo("16");
        ch.finishAndReleaseAll();
    }

    @Test
    void aMissingBannerOrAHeaderWithoutColonClosesTheConnection() {
        EmbeddedChannel ch = new EmbeddedChannel(AmiDecoder.client());
        try {
            ch.writeInbound(Unpooled.wrappedBuffer("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.UTF_8)));
        } catch (AmiProtocolException expected) {
            assertThat(expected).hasMessageContaining("banner");
        }
        assertThat(ch.isOpen()).isFalse();

        EmbeddedChannel ch2 = new EmbeddedChannel(AmiDecoder.server());
        try {
            ch2.writeInbound(Unpooled.wrappedBuffer("Action Login\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        } catch (AmiProtocolException expected) {
            assertThat(expected).hasMessageContaining("without");
        }
        assertThat(ch2.isOpen()).isFalse();
    }

    @Test
    void actionsRefuseHeaderInjection() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AmiAction.redirect("PJSIP/1\r\nAction: Hangup", "c", "s", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new String(AmiEncoder.bytes(AmiMessage.of("Action", "QueueChangePriorityCaller", "Queue", "billing")),
                StandardCharsets.UTF_8)).isEqualTo("Action: QueueChangePriorityCaller\r\nQueue: billing\r\n\r\n");
    }
}
