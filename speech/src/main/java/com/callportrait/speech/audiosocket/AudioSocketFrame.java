package com.callportrait.speech.audiosocket;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One AudioSocket message. Immutable records; the byte arrays they carry are owned by the frame
 * (copied in by the decoder, never shared with a Netty buffer) and must not be modified.
 */
public sealed interface AudioSocketFrame {

    int KIND_HANGUP = 0x00;
    int KIND_UUID = 0x01;
    int KIND_DTMF = 0x03;
    int KIND_ERROR = 0xFF;

    /** The kind byte on the wire. */
    int kind();

    /** Bytes of payload on the wire. */
    int payloadLength();

    /** {@code 0x00}: hang up / end of session (server to Asterisk; Asterisk itself just closes). */
    record Hangup() implements AudioSocketFrame {
        public static final Hangup INSTANCE = new Hangup();

        @Override
        public int kind() {
            return KIND_HANGUP;
        }

        @Override
        public int payloadLength() {
            return 0;
        }
    }

    /** {@code 0x01}: the session UUID, always first (16 raw bytes, big-endian halves). */
    record Uuid(UUID uuid) implements AudioSocketFrame {
        public Uuid {
            Objects.requireNonNull(uuid, "uuid");
        }

        @Override
        public int kind() {
            return KIND_UUID;
        }

        @Override
        public int payloadLength() {
            return 16;
        }
    }

    /** {@code 0x03}: one DTMF digit as an ASCII byte (0-9, *, #, A-D). */
    record Dtmf(char digit) implements AudioSocketFrame {
        public Dtmf {
            if ("0123456789*#ABCDabcd".indexOf(digit) < 0) {
                throw new IllegalArgumentException("not a DTMF digit: " + (int) digit);
            }
        }

        @Override
        public int kind() {
            return KIND_DTMF;
        }

        @Override
        public int payloadLength() {
            return 1;
        }
    }

    /** {@code 0x10}-{@code 0x18}: signed 16-bit little-endian mono PCM at {@code rate}. */
    record Audio(SlinRate rate, byte[] pcm) implements AudioSocketFrame {
        public Audio {
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(pcm, "pcm");
            if (pcm.length < 2 || pcm.length % 2 != 0 || pcm.length > 0xFFFF) {
                throw new IllegalArgumentException("audio payload must be an even number of bytes in [2, 65534], was "
                        + pcm.length);
            }
        }

        @Override
        public int kind() {
            return rate.kind();
        }

        @Override
        public int payloadLength() {
            return pcm.length;
        }

        /** Samples in this frame. */
        public int sampleCount() {
            return pcm.length / 2;
        }

        /** Duration of this frame in milliseconds. */
        public double millis() {
            return sampleCount() * 1000.0 / rate.hz();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Audio a && a.rate == rate && Arrays.equals(a.pcm, pcm);
        }

        @Override
        public int hashCode() {
            return rate.hashCode() * 31 + Arrays.hashCode(pcm);
        }

        @Override
        public String toString() {
            return "Audio[" + rate + ", " + pcm.length + " bytes]";
        }
    }

    /** {@code 0xFF}: an error report with an optional application-specific payload. */
    record Error(byte[] payload) implements AudioSocketFrame {
        public Error {
            Objects.requireNonNull(payload, "payload");
            if (payload.length > 0xFFFF) {
                throw new IllegalArgumentException("payload too long: " + payload.length);
            }
        }

        @Override
        public int kind() {
            return KIND_ERROR;
        }

        @Override
        public int payloadLength() {
            return payload.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Error e && Arrays.equals(e.payload, payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Error[" + payload.length + " bytes]";
        }
    }
}
