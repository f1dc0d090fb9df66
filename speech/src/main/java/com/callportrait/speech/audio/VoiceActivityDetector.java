package com.callportrait.speech.audio;

/**
 * Energy voice-activity detector with an adaptive noise floor, an onset confirmation and a
 * hangover, deciding per frame (normally 20 ms) whether the caller is talking.
 *
 * <p><b>Level.</b> A frame's level is measured in the speech band: above {@code highPassHz}
 * (second-order high-pass, {@link HighPassFilter}). A DC offset, rumble or mains hum under a voice
 * carries no speech but reads as a steady level that the line's hiss does not have, and would
 * keep an utterance open long after the last word.
 *
 * <p><b>Loud.</b> A frame is loud when its level is above both {@code minSpeechDbfs} and the noise
 * floor plus {@code marginDb}. An utterance starts after {@code onsetFrames} loud frames in a row
 * and ends after {@code endSilenceMs} without a loud frame (the hangover keeps short pauses
 * between words inside the utterance).
 *
 * <p><b>Noise floor.</b> The quietest of the last 100 frames (two seconds) that carried a signal
 * (minimum statistics): steady line noise becomes the floor within two seconds, while speech,
 * which always has quieter gaps, does not lift it. Digitally silent frames (below -90 dBFS:
 * silence suppression, a noise gate) are no measurement of the line's noise and are left out, so
 * on a line that is silent between utterances but carries room noise or hiss while the caller
 * talks, the floor is that noise, measured in the gaps between the words (and remembered across
 * the silences). Until the call has carried half a second of signal the floor is at most -60
 * dBFS, so that a call starting with speech is not mistaken for noise; until then, too, a line
 * whose frames have all kept one level (steady noise: they spread by less than the margin) does
 * not start an utterance.
 *
 * <p><b>End of an utterance.</b> Inside an utterance a frame is also quiet when it lies
 * {@code endDropDb} or more below the utterance's speech level, a peak of its frame levels that
 * falls back by 3 dB per second: noise under a clear voice ends the
 * utterance even while the floor has not caught up with it yet. This only makes frames quiet
 * sooner within an utterance; it never starts one, and the hangover still bridges every pause
 * shorter than {@code endSilenceMs}.
 *
 * <p>Lifecycle: one per call. Not thread-safe (the call's worker drives it serially).
 */
public final class VoiceActivityDetector {

    /** What the caller is doing after a frame. */
    public enum Decision {
        /** No utterance in progress. */
        SILENCE,
        /** This frame starts an utterance (the pre-roll before it belongs to it too). */
        START,
        /** Inside an utterance (speech, or a pause shorter than the hangover). */
        CONTINUE,
        /** The hangover ran out: the utterance ended with this frame. */
        END
    }

    /**
     * The detector's settings. Immutable.
     *
     * @param minSpeechDbfs frames quieter than this are never speech
     * @param marginDb      how far above the noise floor a frame must be to count as loud
     * @param onsetFrames   loud frames in a row that start an utterance
     * @param endSilenceMs  quiet that ends an utterance (the hangover)
     * @param endDropDb     inside an utterance, a frame this far below its speech level is quiet; 0 = off
     * @param highPassHz    levels are measured above this frequency; 0 = on the raw samples
     */
    public record Settings(double minSpeechDbfs, double marginDb, int onsetFrames, double endSilenceMs,
                           double endDropDb, double highPassHz) {
        public Settings {
            if (onsetFrames < 1 || !(endSilenceMs > 0) || !(marginDb >= 0) || !(endDropDb >= 0)
                    || !(highPassHz >= 0)) {
                throw new IllegalArgumentException("onsetFrames >= 1, endSilenceMs > 0, marginDb >= 0, endDropDb >= 0"
                        + " and highPassHz >= 0 are required");
            }
        }
    }

    private static final int WINDOW_FRAMES = 100;
    private static final int WARMUP_FRAMES = 25;
    private static final double INITIAL_FLOOR_DB = -60;
    /** About one least significant bit of RMS: zeros, or a codec's idle pattern. */
    private static final double DIGITAL_SILENCE_DBFS = -90;
    /** How fast the utterance's speech level falls back: a loud start does not mute what follows. */
    private static final double PEAK_DECAY_DB_PER_S = 3;

    private final Settings settings;
    /** Null when levels are measured on the raw samples. */
    private final HighPassFilter highPass;

    /** Levels of the last frames that carried a signal (ring buffer). */
    private final double[] levels = new double[WINDOW_FRAMES];
    private int levelPos;
    /** Valid entries of the ring (up to the window). */
    private int signalFrames;
    /** The loudest frame of the ring, for telling steady noise from a voice before the floor is measured. */
    private double ringMaxDb = -100;
    /** The quietest frame of the ring (+infinity while it is empty). */
    private double windowMinDb = Double.POSITIVE_INFINITY;
    private double noiseFloorDb = INITIAL_FLOOR_DB;
    private boolean inUtterance;
    private int loudRun;
    private double quietMs;
    private double lastLevelDb = -100;
    private double speechLevelDb;

    /** A detector with only the line's floor: raw levels, no utterance-relative end. */
    public VoiceActivityDetector(double minSpeechDbfs, double marginDb, int onsetFrames, double endSilenceMs) {
        this(new Settings(minSpeechDbfs, marginDb, onsetFrames, endSilenceMs, 0, 0));
    }

    public VoiceActivityDetector(Settings settings) {
        this.settings = settings;
        this.highPass = settings.highPassHz() > 0 ? new HighPassFilter(settings.highPassHz()) : null;
    }

    /** Classifies the next frame of {@code count} samples lasting {@code frameMs}. */
    public Decision accept(short[] samples, int count, double frameMs) {
        double level = highPass == null ? Pcm.dbfs(samples, count)
                : highPass.levelDbfs(samples, count, (int) Math.round(count * 1000 / frameMs));
        lastLevelDb = level;
        boolean measured = updateFloor(level);
        boolean loud = level > settings.minSpeechDbfs() && level > noiseFloorDb + settings.marginDb();
        if (!inUtterance) {
            return onset(loud, level, measured);
        }
        if (settings.endDropDb() > 0) {
            speechLevelDb = Math.max(level, speechLevelDb - PEAK_DECAY_DB_PER_S * frameMs / 1000);
            loud &= level > speechLevelDb - settings.endDropDb();
        }
        if (loud) {
            quietMs = 0;
            return Decision.CONTINUE;
        }
        quietMs += frameMs;
        if (quietMs >= settings.endSilenceMs()) {
            inUtterance = false;
            loudRun = 0;
            return Decision.END;
        }
        return Decision.CONTINUE;
    }

    private Decision onset(boolean loud, double level, boolean measured) {
        // without a measured floor, a line that has kept one level so far is steady noise, not a voice
        boolean steady = !measured && ringMaxDb - windowMinDb < settings.marginDb();
        loudRun = loud && !steady ? loudRun + 1 : 0;
        if (loudRun >= settings.onsetFrames()) {
            inUtterance = true;
            quietMs = 0;
            speechLevelDb = level;
            return Decision.START;
        }
        return Decision.SILENCE;
    }

    /**
     * Adds a frame that carries a signal to the floor's window (digital silence is left out);
     * returns whether the floor is measured (half a second of signal seen).
     */
    private boolean updateFloor(double level) {
        if (level > DIGITAL_SILENCE_DBFS) {
            levels[levelPos] = level;
            levelPos = (levelPos + 1) % WINDOW_FRAMES;
            signalFrames = Math.min(WINDOW_FRAMES, signalFrames + 1);
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < signalFrames; i++) {
            min = Math.min(min, levels[i]);
        }
        windowMinDb = min;
        boolean measured = signalFrames >= WARMUP_FRAMES;
        if (!measured) {
            ringMaxDb = Math.max(ringMaxDb, level);
        }
        noiseFloorDb = measured ? min : Math.min(INITIAL_FLOOR_DB, min);
        return measured;
    }

    /** Forces the end of the current utterance (e.g. it ran too long). */
    public void reset() {
        inUtterance = false;
        loudRun = 0;
        quietMs = 0;
    }

    public boolean inUtterance() {
        return inUtterance;
    }

    /** Milliseconds of quiet at the end of the utterance so far. */
    public double trailingQuietMs() {
        return quietMs;
    }

    /** The last frame's level, dBFS, as the detector measures it (in the speech band when so set). */
    public double lastLevelDb() {
        return lastLevelDb;
    }

    public double noiseFloorDb() {
        return noiseFloorDb;
    }
}
