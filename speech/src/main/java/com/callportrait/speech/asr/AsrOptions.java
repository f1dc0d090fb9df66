package com.callportrait.speech.asr;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import com.callportrait.speech.audio.VoiceActivityDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognition settings, immutable and thread-safe, validated when built: by {@link #from(Env)} at
 * start-up from the {@code CP_*} variables below, or by {@link #builder()} (tests, embedded use),
 * whose defaults are the {@code DEFAULT_*} constants.
 *
 * @param modelDir        a Vosk model directory ({@code CP_VOSK_MODEL}); empty = the bundled English model
 * @param dataDir         where the bundled model is extracted when it sits inside a jar
 *                        ({@code CP_DATA_DIR}, default {@code ./data}: {@link Env#dataDir()})
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
 * @param recognizers     how recognisers are pooled and kept warm ({@code CP_ASR_RECOGNIZERS} and the
 *                        others of {@link RecognizerPoolOptions})
 * @param partialSkipLagMs a call whose audio waited longer than this for recognition skips its partial
 *                        results until it catches up ({@code CP_ASR_PARTIAL_SKIP_LAG_MS}, default 800;
 *                        at most the stale-audio limit, {@code CP_ASR_QUEUE_FRAMES} × 20 ms, takes effect)
 * @param endDropDb       inside an utterance, a frame this many dB below the utterance's speech level (a peak of
 *                        its frame levels falling back 3 dB/s) is quiet and counts towards the hangover, even when
 *                        it is above the line's noise floor ({@code CP_ASR_END_DROP_DB}, default 30; 0 = off)
 * @param vadHighPassHz   the VAD measures frame levels above this frequency, so a DC offset, rumble or hum
 *                        under a voice does not keep an utterance open ({@code CP_ASR_VAD_HIGHPASS_HZ}, default
 *                        150; 0 = raw samples)
 */
public record AsrOptions(Optional<Path> modelDir, Path dataDir, int workers, int queueFrames, int endSilenceMs,
                         int preRollMs, int partialEveryMs, int maxUtteranceMs, double minSpeechDbfs,
                         int maxActive, double beam, Resampling resampling,
                         RecognizerPoolOptions recognizers, int partialSkipLagMs, double endDropDb,
                         int vadHighPassHz) {

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

    /** Audio frames a call may have waiting: 5 s of 20 ms frames. */
    public static final int DEFAULT_QUEUE_FRAMES = 250;
    /** Quiet that ends an utterance. */
    public static final int DEFAULT_END_SILENCE_MS = 300;
    /** Audio kept before the detected onset. */
    public static final int DEFAULT_PREROLL_MS = 200;
    /** Audio between two partial results. */
    public static final int DEFAULT_PARTIAL_EVERY_MS = 400;
    /** Longest utterance before it is closed. */
    public static final int DEFAULT_MAX_UTTERANCE_MS = 15_000;
    /** Frames quieter than this are never speech. */
    public static final double DEFAULT_MIN_SPEECH_DBFS = -50;
    /** 0: the model's own {@code --max-active}. */
    public static final int DEFAULT_MAX_ACTIVE = 0;
    /** 0: the model's own {@code --beam}. */
    public static final double DEFAULT_BEAM = 0;
    /** Our polyphase resampler. */
    public static final Resampling DEFAULT_RESAMPLING = Resampling.POLYPHASE;
    /**
     * Audio this late (ms) skips partials. Above what a call that keeps up ever waits (a worker
     * serving other calls' batches, the comfort noise fed at an utterance's end: well under 0.5 s
     * on two cores at 16 callers) and below the 1 s lag at which {@code /health} reports overload.
     */
    public static final int DEFAULT_PARTIAL_SKIP_LAG_MS = 800;
    /**
     * Frames this far below the utterance's speech level are quiet. On the read speech of the
     * capacity benchmark 25 and 30 split sentences no more often than no relative end at all,
     * 20 does: 30 keeps a margin for livelier voices.
     */
    public static final double DEFAULT_END_DROP_DB = 30;
    /**
     * The VAD's high-pass: below the voice's formants (and below the telephone band's 300 Hz),
     * above DC, rumble and 50/60 Hz hum; as the ITU G.729 Annex B VAD (140 Hz) does.
     */
    public static final int DEFAULT_VAD_HIGHPASS_HZ = 150;

    public AsrOptions {
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(dataDir, "dataDir");
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
        java.util.Objects.requireNonNull(recognizers, "recognizers");
        require(maxActive == 0 || (maxActive >= 100 && maxActive <= 100_000),
                "CP_ASR_MAX_ACTIVE must be 0 (model default) or in [100, 100000], was " + maxActive);
        require(beam == 0 || (beam >= 3 && beam <= 30), "CP_ASR_BEAM must be 0 (model default) or in [3, 30], was "
                + beam);
        require(partialSkipLagMs >= 20, "CP_ASR_PARTIAL_SKIP_LAG_MS must be >= 20, was " + partialSkipLagMs);
        require(minSpeechDbfs < 0 && minSpeechDbfs > -100, "CP_ASR_MIN_SPEECH_DBFS must be in (-100, 0), was "
                + minSpeechDbfs);
        require(endDropDb == 0 || (endDropDb >= 10 && endDropDb <= 60),
                "CP_ASR_END_DROP_DB must be 0 (off) or in [10, 60], was " + endDropDb);
        require(vadHighPassHz == 0 || (vadHighPassHz >= 20 && vadHighPassHz <= 1000),
                "CP_ASR_VAD_HIGHPASS_HZ must be 0 (off) or in [20, 1000], was " + vadHighPassHz);
    }

    /**
     * The voice-activity detector's settings: these options plus the fixed onset (2 frames, 40 ms)
     * and margin over the noise floor (9 dB).
     */
    public VoiceActivityDetector.Settings vadSettings() {
        return new VoiceActivityDetector.Settings(minSpeechDbfs, VAD_MARGIN_DB, VAD_ONSET_FRAMES, endSilenceMs, endDropDb,
                vadHighPassHz);
    }

    /** How far above the noise floor a frame must be to count as loud. */
    private static final double VAD_MARGIN_DB = 9;
    /** Loud frames in a row that start an utterance. */
    private static final int VAD_ONSET_FRAMES = 2;

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }

    /** Default recognition threads: one per core. */
    public static int defaultWorkers() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Defaults: bundled model, {@code ./data}, one worker per core. */
    public static AsrOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads the {@code CP_*} variables named on the components; a bad value fails here, naming it. */
    public static AsrOptions from(Env env) {
        return builder()
                .modelDir(env.path("CP_VOSK_MODEL"))
                .dataDir(env.dataDir())
                .workers(env.intIn("CP_ASR_WORKERS", defaultWorkers(), 1, 256))
                .queueFrames(env.intIn("CP_ASR_QUEUE_FRAMES", DEFAULT_QUEUE_FRAMES, 10, Integer.MAX_VALUE))
                .endSilenceMs(env.intIn("CP_ASR_END_SILENCE_MS", DEFAULT_END_SILENCE_MS, 100, 5000))
                .preRollMs(env.intIn("CP_ASR_PREROLL_MS", DEFAULT_PREROLL_MS, 0, 1000))
                .partialEveryMs(env.intIn("CP_ASR_PARTIAL_MS", DEFAULT_PARTIAL_EVERY_MS, 100, Integer.MAX_VALUE))
                .maxUtteranceMs(env.intIn("CP_ASR_MAX_UTTERANCE_MS", DEFAULT_MAX_UTTERANCE_MS, 2000, Integer.MAX_VALUE))
                .minSpeechDbfs(env.intIn("CP_ASR_MIN_SPEECH_DBFS", (int) DEFAULT_MIN_SPEECH_DBFS, -99, -1))
                .maxActive(env.intIn("CP_ASR_MAX_ACTIVE", DEFAULT_MAX_ACTIVE, 0, 100_000))
                .beam(env.doubleIn("CP_ASR_BEAM", DEFAULT_BEAM, 0, 30))
                .resampling(env.oneOf("CP_ASR_RESAMPLING", DEFAULT_RESAMPLING, Resampling.class))
                .recognizers(RecognizerPoolOptions.from(env))
                .partialSkipLagMs(env.intIn("CP_ASR_PARTIAL_SKIP_LAG_MS", DEFAULT_PARTIAL_SKIP_LAG_MS, 20,
                        Integer.MAX_VALUE))
                .endDropDb(env.doubleIn("CP_ASR_END_DROP_DB", DEFAULT_END_DROP_DB, 0, 60))
                .vadHighPassHz(env.intIn("CP_ASR_VAD_HIGHPASS_HZ", DEFAULT_VAD_HIGHPASS_HZ, 0, 1000))
                .build();
    }


    public AsrOptions withModelDir(Path dir) {
        return new AsrOptions(Optional.of(dir), dataDir, workers, queueFrames, endSilenceMs, preRollMs,
                partialEveryMs, maxUtteranceMs, minSpeechDbfs, maxActive, beam, resampling, recognizers, partialSkipLagMs, endDropDb, vadHighPassHz);
    }

    public AsrOptions withWorkers(int n) {
        return new AsrOptions(modelDir, dataDir, n, queueFrames, endSilenceMs, preRollMs, partialEveryMs,
                maxUtteranceMs, minSpeechDbfs, maxActive, beam, resampling, recognizers, partialSkipLagMs, endDropDb, vadHighPassHz);
    }

    public AsrOptions withQueueFrames(int n) {
        return new AsrOptions(modelDir, dataDir, workers, n, endSilenceMs, preRollMs, partialEveryMs,
                maxUtteranceMs, minSpeechDbfs, maxActive, beam, resampling, recognizers, partialSkipLagMs, endDropDb, vadHighPassHz);
    }

    public AsrOptions withResampling(Resampling r) {
        return new AsrOptions(modelDir, dataDir, workers, queueFrames, endSilenceMs, preRollMs, partialEveryMs,
                maxUtteranceMs, minSpeechDbfs, maxActive, beam, r, recognizers, partialSkipLagMs, endDropDb, vadHighPassHz);
    }

    /** The same options with another lag at which partials are skipped. */
    public AsrOptions withPartialSkipLagMs(int ms) {
        return new AsrOptions(modelDir, dataDir, workers, queueFrames, endSilenceMs, preRollMs, partialEveryMs,
                maxUtteranceMs, minSpeechDbfs, maxActive, beam, resampling, recognizers, ms, endDropDb, vadHighPassHz);
    }

    /** The same options with another recogniser pool. */
    public AsrOptions withRecognizers(RecognizerPoolOptions pool) {
        return new AsrOptions(modelDir, dataDir, workers, queueFrames, endSilenceMs, preRollMs, partialEveryMs,
                maxUtteranceMs, minSpeechDbfs, maxActive, beam, resampling, pool, partialSkipLagMs, endDropDb, vadHighPassHz);
    }

    /** The same options with the decoder's search limits overridden (0 = the model's own). */
    public AsrOptions withDecoder(int newMaxActive, double newBeam) {
        return new AsrOptions(modelDir, dataDir, workers, queueFrames, endSilenceMs, preRollMs, partialEveryMs,
                maxUtteranceMs, minSpeechDbfs, newMaxActive, newBeam, resampling, recognizers, partialSkipLagMs, endDropDb, vadHighPassHz);
    }

    /** Builds {@link AsrOptions}; every setter's default is the matching {@code DEFAULT_*}. Not thread-safe. */
    public static final class Builder {
        private Optional<Path> modelDir = Optional.empty();
        private Path dataDir = Env.DEFAULT_DATA_DIR;
        private int workers = defaultWorkers();
        private int queueFrames = DEFAULT_QUEUE_FRAMES;
        private int endSilenceMs = DEFAULT_END_SILENCE_MS;
        private int preRollMs = DEFAULT_PREROLL_MS;
        private int partialEveryMs = DEFAULT_PARTIAL_EVERY_MS;
        private int maxUtteranceMs = DEFAULT_MAX_UTTERANCE_MS;
        private double minSpeechDbfs = DEFAULT_MIN_SPEECH_DBFS;
        private int maxActive = DEFAULT_MAX_ACTIVE;
        private double beam = DEFAULT_BEAM;
        private Resampling resampling = DEFAULT_RESAMPLING;
        private RecognizerPoolOptions recognizers = RecognizerPoolOptions.defaults();
        private int partialSkipLagMs = DEFAULT_PARTIAL_SKIP_LAG_MS;
        private double endDropDb = DEFAULT_END_DROP_DB;
        private int vadHighPassHz = DEFAULT_VAD_HIGHPASS_HZ;

        private Builder() {
        }

        public Builder modelDir(Optional<Path> v) {
            modelDir = v;
            return this;
        }

        public Builder dataDir(Path v) {
            dataDir = v;
            return this;
        }

        public Builder workers(int v) {
            workers = v;
            return this;
        }

        public Builder queueFrames(int v) {
            queueFrames = v;
            return this;
        }

        public Builder endSilenceMs(int v) {
            endSilenceMs = v;
            return this;
        }

        public Builder preRollMs(int v) {
            preRollMs = v;
            return this;
        }

        public Builder partialEveryMs(int v) {
            partialEveryMs = v;
            return this;
        }

        public Builder maxUtteranceMs(int v) {
            maxUtteranceMs = v;
            return this;
        }

        public Builder minSpeechDbfs(double v) {
            minSpeechDbfs = v;
            return this;
        }

        public Builder maxActive(int v) {
            maxActive = v;
            return this;
        }

        public Builder beam(double v) {
            beam = v;
            return this;
        }

        public Builder resampling(Resampling v) {
            resampling = v;
            return this;
        }

        public Builder recognizers(RecognizerPoolOptions v) {
            recognizers = v;
            return this;
        }

        public Builder partialSkipLagMs(int v) {
            partialSkipLagMs = v;
            return this;
        }

        public Builder endDropDb(double v) {
            endDropDb = v;
            return this;
        }

        public Builder vadHighPassHz(int v) {
            vadHighPassHz = v;
            return this;
        }

        /** The options; a bad combination throws {@link ConfigException} naming the variable. */
        public AsrOptions build() {
            return new AsrOptions(modelDir, dataDir, workers, queueFrames, endSilenceMs, preRollMs, partialEveryMs,
                    maxUtteranceMs, minSpeechDbfs, maxActive, beam, resampling, recognizers, partialSkipLagMs, endDropDb, vadHighPassHz);
        }
    }
}
