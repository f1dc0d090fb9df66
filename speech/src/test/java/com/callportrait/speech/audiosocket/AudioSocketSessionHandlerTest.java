package com.callportrait.speech.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The session handler on an embedded channel: how sessions end, and that they end once. */
class AudioSocketSessionHandlerTest {

    /** Records what the sessions delivered. */
    private static final class Sinks implements CallAudioSinkFactory {
        final List<String> ends = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();
        int audio;

        @Override
        public CallAudioSink open(UUID callId) {
            return new CallAudioSink() {
                @Override
                public void audio(AudioSocketFrame.Audio frame) {
                    audio++;
                }

                @Override
                public void dtmf(char digit) {
                }

                @Override
                public void end(String reason) {
                    ends.add(reason);
                }
            };
        }

        @Override
        public void sessionRejected(String reason) {
            rejected.add(reason);
        }
    }

    private static final byte[] UUID_FRAME = {1, 0, 16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    private static final byte[] AUDIO = {0x10, 0, 2, 0, 0};
    private static final byte[] HANGUP = {0, 0, 0};

    private static Sinks feed(byte[]... reads) {
        Sinks sinks = new Sinks();
        EmbeddedChannel ch = new EmbeddedChannel();
        AudioSocketServer.configure(ch.pipeline(), AudioSocketOptions.defaults(), sinks);
        for (byte[] r : reads) {
            if (ch.isOpen()) {
                ch.writeInbound(Unpooled.wrappedBuffer(r));
            }
        }
        ch.finishAndReleaseAll();
        return sinks;
    }

    private static byte[] join(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void garbageAfterAHangupInTheSameReadDoesNotRejectTheEndedSession() {
        // Found by the fuzzer: the hangup ended the session, then the decoder, still working
        // through the same read, reported the bytes after it as a violation and the session was
        // counted as rejected too; with the hangup in a read of its own it was not.
        Sinks sameRead = feed(join(UUID_FRAME, AUDIO, HANGUP, AUDIO));
        Sinks ownRead = feed(join(UUID_FRAME, AUDIO, HANGUP), AUDIO);
        for (Sinks s : List.of(sameRead, ownRead)) {
            assertThat(s.ends).containsExactly("hangup frame");
            assertThat(s.rejected).isEmpty();
            assertThat(s.audio).isEqualTo(1);
        }
    }

    @Test
    void aViolationEndsTheSessionOnceWithItsReason() {
        Sinks s = feed(join(UUID_FRAME, AUDIO, new byte[] {0x10, 0, 3, 0, 0, 0}, AUDIO));
        assertThat(s.ends).containsExactly("protocol violation: audio payload must be an even number of bytes >= 2, was 3");
        assertThat(s.rejected).hasSize(1);
        assertThat(s.audio).isEqualTo(1);
    }
}
