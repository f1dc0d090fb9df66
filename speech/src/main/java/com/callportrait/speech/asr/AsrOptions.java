package com.callportrait.speech.asr;

import static com.callportrait.speech.EnvValues.decimal;
import static com.callportrait.speech.EnvValues.integer;

import com.callportrait.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Recognition settings, immutable, validated when built.
 *
 * @param modelDir        a Vosk model directory ({@code CP_VOSK_MODEL}); empty = the bundled English model
 * @param dataDir         where the bundled model is extracted when it sits inside a jar
 *                        ({@code CP_DATA_DIR}, default {@code ./data})
 * @param workers         recognition threads ({@code CP_ASR_WORKERS}, default: the number of cores)
 * @param queueFrames     audio frames a call may have waiting before new ones are shed
 *                        ({@code CP_ASR_QUEUE_FRAMES}, default 250 = 5 s of 20 ms frames)
 * @param endSilenceMs    quiet that ends an utterance ({@code CP_ASR_END_SILENCE_MS}, default 300)
 * @param preRollMs       audio kept before the detected onset ({@code CP_ASR_PREROLL_MS}, default 200)
 * @param partialEveryMs  audio between two partial results ({@code CP_ASR_PARTIAL_MS}, default 400)
 * @param maxUtteranceMs  an utterance longer than this is closed ({@code CP_ASR_MAX_UTTERANCE_MS}, default 15000)
 * @param minSpeechDbfs   frames quieter than this are never speech ({@code CP_ASR_MIN_SPEECH_DBFS}, default -50)
 * @param maxActive       decoder {@code --max-active} override ({@code CP_ASR_MAX_ACTIVE}; 0 = the model's own,
 *                        3000 for the bundled model): fewer active states decode faster
 * @param beam            decoder {@code --beam} override ({@code CP_ASR_BEAM}; 0 = the model's own, 10)
 * @param resampling      who converts the call's rate to the model's ({@code CP_ASR_RESAMPLING}:
 *                        {@code polyphase}, the default, or {@code vosk})
 */
public record AsrOptions(Optional<Path> modelDir, Path dataDir, int workers, int queueFrames, int endSilenceMs,
                         int preRollMs, int partialEveryMs, int maxUtteranceMs, double minSpeechDbfs,
                         int maxActive, double beam, Resampling resampling) {

    /** Where the sample-rate conversion happens. */
    public enum Resampling {
        /** Our {@link com.callportrait.speech.audio.PolyphaseResampler} (any model). */
        POLYPHASE,
        /**
         * Kaldi's own {@code LinearResample} inside Vosk; for upsampling the model's
         * {@code conf/mfcc.conf} must contain {@code --allow-upsample=true} (Vosk sets only
         * allow-downsample, the bundled model's config neither).
         */
        VOSK
    }

    public AsrOptions {
        if (modelDir.isPresent() && !Files.isDirectory(modelDir.get())) {
            throw new ConfigException("CP_VOSK_MODEL must be a Vosk model directory, " + modelDir.get()
                    + " is not a directory");
        }
        require(workers >= 1 && workers <= 256, "CP_ASR_WORKERS must be in [1, 256], was " + workers);
        require(queueFrames >= 10, "CP_ASR_QUEUE_FRAMES must be >= 10, was " + queueFrames);
        require(endSilenceMs >= 100 && endSilenceMs <= 5000, "CP_ASR_END_SILENCE_MS must be in [100, 5000], was "
                + endSilenceMs);
        require(preRollMs >= 0 && preRollMs <= 1000, "CP_ASR_PREROLL_MS must be in [0, 1000], was " + preRollMs);
        require(partialEveryMs >= 100, "CP_ASR_PARTIAL_MS must be >= 100, was " + partialEveryMs);
        require(maxUtteranceMs >= 2000, "CP_ASR_MAX_UTTERANCE_MS must be >= 2000, was " + maxUtteranceMs);
        java.util.Objects.requireNonNull(resampling, "resampling");
        require(maxActive == 0 || (maxActive >= 100 && maxActive <= 100_000),
                "CP_ASR_MAX_ACTIVE must be 0 (model default) or in [100, 100000], was " + maxActive);
        require(beam == 0 || (beam >= 3 && beam <= 30), "CP_ASR_BEAM must be 0 (model default) or in [3, 30], was "
                + beam);
        require(minSpeechDbfs < 0 && minSpeechDbfs > -100, "CP_ASR_MIN_SPEECH_DBFS must be in (-100, 0), was "
                + minSpeechDbfs);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }

    /** Defaults: bundled model, {@code ./data}, one worker per core. */
    public static AsrOptions defaults() {
        return fromEnv(Map.of());
    }

    /** Reads the {@code CP_*} variables named on the components; a bad value fails here. */
    public static AsrOptions fromEnv(Map<String, String> env) {
        return new AsrOptions(
                Optional.ofNullable(env.get("CP_VOSK_MODEL")).filter(s -> !s.isBlank()).map(Path::of),
                Path.of(env.getOrDefault("CP_DATA_DIR", "data")),
                integer(env, "CP_ASR_WORKERS", Runtime.getRuntime().availableProcessors()),
                integer(env, "CP_ASR_QUEUE_FRAMES", 250),
                integer(env, "CP_ASR_END_SILENCE_MS", 300),
                integer(env, "CP_ASR_PREROLL_MS", 200),
                integer(env, "CP_ASR_PARTIAL_MS", 400),
                integer(env, "CP_ASR_MAX_UTTERANCE_MS", 15000),
                integer(env, "CP_ASR_MIN_SPEECH_DBFS", -50),
                integer(env, "CP_ASR_MAX_ACTIVE", 0),
                decimal(env, "CP_ASR_BEAM", 0),
                resampling(env.getOrDefault("CP_ASR_RESAMPLING", "polyphase")));
    }

    public AsrOptions withModelDir(Path dir) {
        return new AsrOptions(Optional.of(dir), dataDir, workers, queueFrames, endSilenceMs, preRollMs,
                partialEveryMs, maxUtteranceMs, minSpeechDbfs, maxActive, beam, resampling);
    }

    public AsrOptions withWorkers(int n) {
        return new AsrOptions(modelDir, dataDir, n, queueFrames, endSilenceMs, preRollMs, partialEveryMs,
                maxUtteranceMs, minSpeechDbfs, maxActive, beam, resampling);
    }

    public AsrOptions withQueueFrames(int n) {
        return new AsrOptions(modelDir, dataDir, workers, n, endSilenceMs, preRollMs, partialEveryMs,
                maxUtteranceMs, minSpeechDbfs, maxActive, beam, resampling);
    }

    public AsrOptions withResampling(Resampling r) {
        return new AsrOptions(modelDir, dataDir, workers, queueFrames, endSilenceMs, preRollMs, partialEveryMs,
                maxUtteranceMs, minSpeechDbfs, maxActive, beam, r);
    }

    /** The same options with the decoder's search limits overridden (0 = the model's own). */
    public AsrOptions withDecoder(int newMaxActive, double newBeam) {
        return new AsrOptions(modelDir, dataDir, workers, queueFrames, endSilenceMs, preRollMs, partialEveryMs,
                maxUtteranceMs, minSpeechDbfs, newMaxActive, newBeam, resampling);
    }

    private static Resampling resampling(String v) {
        try {
            return Resampling.valueOf(v.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("CP_ASR_RESAMPLING must be polyphase or vosk, was '" + v + "'");
        }
    }

}
