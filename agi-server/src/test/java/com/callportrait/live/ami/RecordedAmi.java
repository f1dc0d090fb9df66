package com.callportrait.live.ami;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The recorded Asterisk 22 AMI bytes (test resources) and their decoded messages. */
final class RecordedAmi {
    private RecordedAmi() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = RecordedAmi.class.getResourceAsStream("/ami/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every banner and message of a recording, decoded as a client would. */
    static List<Object> decode(String name) {
        EmbeddedChannel ch = new EmbeddedChannel(AmiDecoder.client());
        ch.writeInbound(Unpooled.wrappedBuffer(bytes(name)));
        List<Object> out = new ArrayList<>();
        Object o;
        while ((o = ch.readInbound()) != null) {
            out.add(o);
        }
        ch.finishAndReleaseAll();
        return out;
    }
}
