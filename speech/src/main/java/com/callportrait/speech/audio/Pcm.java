package com.callportrait.speech.audio;

/** Conversions of signed 16-bit little-endian mono PCM. Stateless, thread-safe. */
public final class Pcm {
    private Pcm() {
    }

    /** Decodes little-endian 16-bit samples; {@code bytes.length} must be even. */
    public static short[] toShorts(byte[] bytes) {
        short[] out = new short[bytes.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
        }
        return out;
    }

    /** Encodes samples as little-endian 16-bit. */
    public static byte[] toBytes(short[] samples, int count) {
        byte[] out = new byte[count * 2];
        for (int i = 0; i < count; i++) {
            out[2 * i] = (byte) samples[i];
            out[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return out;
    }

    /** Level of the samples in dB relative to full scale (-100 for digital silence). */
    public static double dbfs(short[] samples, int count) {
        if (count == 0) {
            return -100;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (double) samples[i] * samples[i];
        }
        double rms = Math.sqrt(sum / count);
        return rms < 1e-9 ? -100 : Math.max(-100, 20 * Math.log10(rms / 32768.0));
    }
}
