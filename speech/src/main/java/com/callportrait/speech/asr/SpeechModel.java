package com.callportrait.speech.asr;

import com.callportrait.common.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * The one Vosk {@link Model} shared by every call, and the sample rate it was trained at (read
 * from its {@code conf/mfcc.conf}, {@code --sample-frequency}; 16 kHz for the bundled model).
 *
 * <p>Thread-safe: Vosk models are read-only once loaded and shared by recognisers on any thread.
 * Lifecycle: load once at start-up (a few seconds), close at shutdown after every recogniser.
 */
public final class SpeechModel implements AutoCloseable {
    private static final Pattern RATE = Pattern.compile("--sample-frequency=(\\d+(?:\\.\\d+)?)");

    private final Model model;
    private final Path dir;
    private final int sampleRate;

    private SpeechModel(Model model, Path dir, int sampleRate) {
        this.model = model;
        this.dir = dir;
        this.sampleRate = sampleRate;
    }

    /** Loads the model in {@code dir}. */
    public static SpeechModel load(Path dir) {
        int rate = readSampleRate(dir);
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        try {
            return new SpeechModel(new Model(dir.toAbsolutePath().toString()), dir, rate);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot load the Vosk model in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Loads the model {@link ModelLocator} finds for {@code options}. */
    public static SpeechModel load(AsrOptions options) {
        Path dir = DecoderTuning.apply(ModelLocator.locate(options), options);
        if (options.resampling() == AsrOptions.Resampling.VOSK && !allowsUpsampling(dir)) {
            throw new ConfigException("CP_ASR_RESAMPLING=vosk needs --allow-upsample=true in " + dir
                    + "/conf/mfcc.conf (Vosk refuses 8 kHz audio for a 16 kHz model otherwise)");
        }
        return load(dir);
    }

    static boolean allowsUpsampling(Path dir) {
        try {
            Path conf = dir.resolve("conf/mfcc.conf");
            return Files.isRegularFile(conf) && Files.readString(conf).contains("--allow-upsample=true");
        } catch (IOException e) {
            return false;
        }
    }

    /** The rate in {@code conf/mfcc.conf} (or {@code conf/fbank.conf}); 16000 if neither says. */
    static int readSampleRate(Path dir) {
        for (String name : new String[] {"conf/mfcc.conf", "conf/fbank.conf"}) {
            Path conf = dir.resolve(name);
            if (Files.isRegularFile(conf)) {
                try {
                    Matcher m = RATE.matcher(Files.readString(conf));
                    if (m.find()) {
                        return (int) Math.round(Double.parseDouble(m.group(1)));
                    }
                } catch (IOException e) {
                    throw new ConfigException("cannot read " + conf, e);
                }
            }
        }
        return 16_000;
    }

    Model vosk() {
        return model;
    }

    public Path dir() {
        return dir;
    }

    /** Samples per second the model expects. */
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public void close() {
        model.close();
    }
}
