package com.callportrait.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AmiFrameDecoderTest {
    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new AmiFrameDecoder());
    }

    @Test
    void readsActionsSplitAnywhereWithCrlfOrLf() {
        EmbeddedChannel ch = channel();
        byte[] wire = "Action: Login\r\nActionID: 1\r\nUsername: cp\r\nSecret: s3\r\n\r\n\r\nAction: Ping\nActionID: 2\n\n"
                .getBytes(StandardCharsets.UTF_8);
        for (byte b : wire) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        AmiFrame login = ch.readInbound();
        AmiFrame ping = ch.readInbound();
        assertThat(login.value("action")).isEqualTo("Login");
        assertThat(login.value("Secret")).isEqualTo("s3");
        assertThat(login.actionId()).isEqualTo("1");
        assertThat(ping.value("Action")).isEqualTo("Ping");
        assertThat((Object) ch.readInbound()).isNull();
    }

    @Test
    void aLineWithoutEndClosesTheConnectionPastTheLimit() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer("x".repeat(AmiFrameDecoder.MAX_LINE + 1).getBytes(StandardCharsets.US_ASCII)));
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void framesWriteBackAsTheyAreRead() {
        AmiFrame f = AmiFrame.of("Response", "Success", "ActionID", "7", "Message", "Authentication accepted");
        assertThat(new String(f.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("Response: Success\r\nActionID: 7\r\nMessage: Authentication accepted\r\n\r\n");
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(f.bytes()));
        assertThat((AmiFrame) ch.readInbound()).isEqualTo(f);
    }
}
