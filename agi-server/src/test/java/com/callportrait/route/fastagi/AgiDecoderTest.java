package com.callportrait.route.fastagi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgiDecoderTest {
    private final RecordedSession rec = RecordedSession.load();

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new AgiDecoder(AgiLimits.DEFAULT));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void decodesTheRecordedEnvironmentBlock() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(rec.environment()));
        AgiRequest r = ch.readInbound();
        assertThat(r.variables()).hasSize(22);
        assertThat(r.variables().keySet()).first().isEqualTo("agi_network");
        assertThat(r.script()).isEqualTo("route");
        assertThat(r.callerId()).isEqualTo("5551234");
        assertThat(r.uniqueId()).isEqualTo("1795339360.19");
        assertThat(r.channel()).isEqualTo("Local/5551234@cp-inbound-00000009;2");
        assertThat(r.get("agi_calleridname")).contains("Jane Doe");
        assertThat(r.get("agi_accountcode")).contains("");
        assertThat(r.get("agi_threadid")).contains("139943870211776");
        assertThat(r.args()).isEmpty();
        assertThat((Object) ch.readInbound()).isNull();
    }

    @Test
    void decodesEveryRecordedReply() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(rec.environment()));
        ch.readInbound();
        for (RecordedSession.Exchange e : rec.exchanges()) {
            ch.writeInbound(Unpooled.wrappedBuffer(e.reply()));
        }
        List<AgiReply> replies = new ArrayList<>();
        for (Object o; (o = ch.readInbound()) != null; ) {
            replies.add((AgiReply) o);
        }
        assertThat(replies).hasSize(7);
        assertThat(replies.get(0)).extracting(AgiReply::code, AgiReply::result).containsExactly(200, 1);
        assertThat(replies.get(0).data()).isEmpty();
        assertThat(replies.get(3).data()).contains("5551234");
        assertThat(replies.get(4).data()).contains("Jane Doe");
        assertThat(replies.get(5).code()).isEqualTo(510);
        assertThat(replies.get(5).lines()).containsExactly("510 Invalid or unknown command");
        assertThat(replies.get(6).code()).isEqualTo(520);
        assertThat(replies.get(6).lines()).containsExactly("520-Invalid command syntax.  Proper usage follows:",
                "Sets a variable to the current channel.", "520 End of proper usage.");
    }

    @Test
    void sameResultWhenBytesArriveOneByOne() {
        EmbeddedChannel ch = channel();
        byte[] all = concat(rec.environment(), rec.reply("GET FULL VARIABLE"), bytes("HANGUP\n"), rec.reply("SET VARIABLE CP_QUEUE"));
        for (byte b : all) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertThat((Object) ch.readInbound()).isInstanceOf(AgiRequest.class);
        AgiReply full = ch.readInbound();
        assertThat(full.data()).contains("Jane Doe");
        assertThat((Object) ch.readInbound()).isEqualTo(AgiHangup.INSTANCE);
        assertThat((Object) ch.readInbound()).isInstanceOf(AgiReply.class);
    }

    @Test
    void dataRunsFromTheFirstOpenToTheLastCloseParenthesis() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(rec.environment()));
        ch.readInbound();
        ch.writeInbound(Unpooled.wrappedBuffer(bytes("200 result=1 (a (b) c)\n200 result=-1\n200 result=0 endpos=1234\n")));
        AgiReply a = ch.readInbound();
        assertThat(a.data()).contains("a (b) c");
        AgiReply b = ch.readInbound();
        assertThat(b.result()).isEqualTo(-1);
        AgiReply c = ch.readInbound();
        assertThat(c.result()).isZero();
        assertThat(c.data()).isEmpty();
    }

    @Test
    void hangupMayArriveBeforeAReplyAndTwice() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(concat(rec.environment(), bytes("HANGUP\n"),
                rec.reply("SET VARIABLE CP_UUID"), bytes("HANGUP\n"))));
        assertThat((Object) ch.readInbound()).isInstanceOf(AgiRequest.class);
        assertThat((Object) ch.readInbound()).isEqualTo(AgiHangup.INSTANCE);
        assertThat((Object) ch.readInbound()).isInstanceOf(AgiReply.class);
        assertThat((Object) ch.readInbound()).isEqualTo(AgiHangup.INSTANCE);
    }

    @Test
    void scriptQueryAndArguments() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(bytes("agi_network: yes\nagi_network_script: route?lang=fr&vip=1\n"
                + "agi_callerid: unknown\nagi_arg_1: first\nagi_arg_2: two words\n\n")));
        AgiRequest r = ch.readInbound();
        assertThat(r.script()).isEqualTo("route");
        assertThat(r.query()).containsEntry("lang", "fr").containsEntry("vip", "1");
        assertThat(r.args()).containsExactly("first", "two words");
    }

    @Test
    void garbageIsAProtocolViolation() {
        EmbeddedChannel ch = channel();
        assertViolation(() -> ch.writeInbound(Unpooled.wrappedBuffer(bytes("GET / HTTP/1.1\nHost: x\n\n"))),
                "not an environment line");
        // Everything after the violation is discarded, never decoded.
        ch.writeInbound(Unpooled.wrappedBuffer(rec.environment()));
        assertThat((Object) ch.readInbound()).isNull();
    }

    @Test
    void unexpectedReplyIsAProtocolViolation() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(rec.environment()));
        ch.readInbound();
        assertViolation(() -> ch.writeInbound(Unpooled.wrappedBuffer(bytes("999 what\n"))), "unexpected line");
    }

    @Test
    void overLongLineIsRejectedWithoutWaitingForItsEnd() {
        EmbeddedChannel ch = new EmbeddedChannel(new AgiDecoder(new AgiLimits(100, 1000, 10, 5)));
        assertViolation(() -> ch.writeInbound(Unpooled.wrappedBuffer(bytes("agi_x: " + "y".repeat(200)))),
                "line longer than 100 bytes");
    }

    @Test
    void oversizedEnvironmentIsRejected() {
        EmbeddedChannel ch = new EmbeddedChannel(new AgiDecoder(new AgiLimits(100, 1000, 10, 5)));
        StringBuilder env = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            env.append("agi_arg_").append(i).append(": v\n");
        }
        assertViolation(() -> ch.writeInbound(Unpooled.wrappedBuffer(bytes(env.toString()))), "environment block larger");
    }

    @Test
    void truncatedEnvironmentIsReportedWhenTheConnectionCloses() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(bytes("agi_network: yes\nagi_network_script: route\nagi_req")));
        assertThat((Object) ch.readInbound()).isNull();
        assertViolation(ch::finish, "connection closed inside the environment block after 2 lines");
    }

    @Test
    void connectionClosedInsideUsageReply() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(concat(rec.environment(), bytes("520-Invalid command syntax.\n"))));
        ch.readInbound();
        assertViolation(ch::finish, "inside a 520 usage reply");
    }

    @Test
    void closeWithoutAnyBytesIsNotAViolation() {
        EmbeddedChannel ch = channel();
        assertThat(ch.finish()).isFalse();
    }

    private static void assertViolation(Runnable r, String reason) {
        assertThatThrownBy(r::run).isInstanceOf(DecoderException.class)
                .cause().isInstanceOf(AgiProtocolException.class).hasMessageContaining(reason);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
