package com.callportrait.speech.audiosocket;

import java.util.Optional;

/**
 * The signed-linear audio kinds of AudioSocket (16-bit little-endian mono PCM) and their sample
 * rates. {@code 0x10} (8 kHz) is what {@code AudioSocket()} always sends; the others exist since
 * Asterisk 22.7 for the channel driver with {@code c(slinNN)}. Immutable and thread-safe.
 */
public enum SlinRate {
    SLIN_8K(0x10, 8_000),
    SLIN_12K(0x11, 12_000),
    SLIN_16K(0x12, 16_000),
    SLIN_24K(0x13, 24_000),
    SLIN_32K(0x14, 32_000),
    SLIN_44K(0x15, 44_100),
    SLIN_48K(0x16, 48_000),
    SLIN_96K(0x17, 96_000),
    SLIN_192K(0x18, 192_000);

    private final int kind;
    private final int hz;

    SlinRate(int kind, int hz) {
        this.kind = kind;
        this.hz = hz;
    }

    /** The frame kind byte, 0x10-0x18. */
    public int kind() {
        return kind;
    }

    /** Samples per second. */
    public int hz() {
        return hz;
    }

    /** Bytes in {@code millis} of audio at this rate (2 bytes a sample). */
    public int bytesFor(int millis) {
        return (int) ((long) hz * millis / 1000) * 2;
    }

    public static Optional<SlinRate> ofKind(int kind) {
        for (SlinRate r : values()) {
            if (r.kind == kind) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public static Optional<SlinRate> ofHz(int hz) {
        for (SlinRate r : values()) {
            if (r.hz == hz) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
