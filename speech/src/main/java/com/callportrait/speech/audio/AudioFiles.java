package com.callportrait.speech.audio;

import com.callportrait.speech.SpeechException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads a recording as 16-bit mono PCM: WAV/AU/AIFF in any encoding Java Sound decodes (PCM of
 * any rate, G.711 mu-law and A-law), stereo mixed down; or headerless {@code .raw}/{@code .sln}/
 * {@code .pcm} files, taken as 8 kHz signed 16-bit little-endian mono (Asterisk's slin).
 * Stateless, thread-safe.
 */
public final class AudioFiles {
    private AudioFiles() {
    }

    /** Mono samples at {@code rate}. */
    public record Pcm16(int rate, short[] samples) {
        public double seconds() {
            return samples.length / (double) rate;
        }
    }

    public static Pcm16 read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".raw") || name.endsWith(".sln") || name.endsWith(".pcm")) {
                byte[] bytes = Files.readAllBytes(file);
                if (bytes.length % 2 != 0) {
                    throw new SpeechException(file + ": raw 16-bit audio must have an even number of bytes");
                }
                return new Pcm16(8000, Pcm.toShorts(bytes));
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                 AudioInputStream source = AudioSystem.getAudioInputStream(in)) {
                return decode(source);
            }
        } catch (UnsupportedAudioFileException e) {
            throw new SpeechException(file + ": not a supported audio file (WAV, or .raw 8 kHz 16-bit)", e);
        } catch (IOException e) {
            throw new SpeechException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A WAV file from a stream (a class-path resource, say); {@code name} is for the error message. */
    public static Pcm16 readWav(InputStream wav, String name) {
        try (InputStream in = new BufferedInputStream(wav);
             AudioInputStream source = AudioSystem.getAudioInputStream(in)) {
            return decode(source);
        } catch (UnsupportedAudioFileException e) {
            throw new SpeechException(name + ": not a supported WAV file", e);
        } catch (IOException e) {
            throw new SpeechException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static Pcm16 decode(AudioInputStream source) throws IOException {
        AudioFormat f = source.getFormat();
        int channels = Math.max(1, f.getChannels());
        AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16, channels,
                2 * channels, f.getSampleRate(), false);
        AudioInputStream converted = f.matches(pcm) ? source : AudioSystem.getAudioInputStream(pcm, source);
        short[] interleaved = Pcm.toShorts(converted.readAllBytes());
        short[] mono = new short[interleaved.length / channels];
        for (int i = 0; i < mono.length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[i * channels + c];
            }
            mono[i] = (short) (sum / channels);
        }
        return new Pcm16(Math.round(f.getSampleRate()), mono);
    }
}
