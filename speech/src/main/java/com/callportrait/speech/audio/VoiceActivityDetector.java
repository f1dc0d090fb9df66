package com.callportrait.speech.audio;

/**
 * Energy voice-activity detector with an adaptive noise floor, an onset confirmation and a
 * hangover, deciding per frame (normally 20 ms) whether the caller is talking.
 *
 * <p>A frame is loud when its level is above both {@code minSpeechDbfs} and the noise floor plus
 * {@code marginDb}. An utterance starts after {@code onsetFrames} loud frames in a row and ends
 * after {@code endSilenceMs} without a loud frame (the hangover keeps short pauses between words
 * inside the utterance). The noise floor is the quietest frame of the last two seconds (minimum
 * statistics): steady line noise becomes the floor within two seconds, while speech, which
 * always has quieter gaps, does not lift it. For the first half second the floor is at most
 * -60 dBFS so that a call starting with speech is not mistaken for noise.
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

    private final double minSpeechDbfs;
    private final double marginDb;
    private final int onsetFrames;
    private final double endSilenceMs;

    private static final int WINDOW_FRAMES = 100;
    private static final int WARMUP_FRAMES = 25;
    private static final double INITIAL_FLOOR_DB = -60;

    private final double[] levels = new double[WINDOW_FRAMES];
    private int levelPos;
    private long framesSeen;
    private double noiseFloorDb = INITIAL_FLOOR_DB;
    private boolean inUtterance;
    private int loudRun;
    private double quietMs;
    private double lastLevelDb = -100;

    public VoiceActivityDetector(double minSpeechDbfs, double marginDb, int onsetFrames, double endSilenceMs) {
        if (onsetFrames < 1 || !(endSilenceMs > 0) || !(marginDb >= 0)) {
            throw new IllegalArgumentException("onsetFrames >= 1, endSilenceMs > 0 and marginDb >= 0 are required");
        }
        this.minSpeechDbfs = minSpeechDbfs;
        this.marginDb = marginDb;
        this.onsetFrames = onsetFrames;
        this.endSilenceMs = endSilenceMs;
    }

    /** Classifies the next frame of {@code count} samples lasting {@code frameMs}. */
    public Decision accept(short[] samples, int count, double frameMs) {
        double level = Pcm.dbfs(samples, count);
        lastLevelDb = level;
        updateFloor(level);
        boolean loud = level > minSpeechDbfs && level > noiseFloorDb + marginDb;
        if (!inUtterance) {
            loudRun = loud ? loudRun + 1 : 0;
            if (loudRun >= onsetFrames) {
                inUtterance = true;
                quietMs = 0;
                return Decision.START;
            }
            return Decision.SILENCE;
        }
        if (loud) {
            quietMs = 0;
            return Decision.CONTINUE;
        }
        quietMs += frameMs;
        if (quietMs >= endSilenceMs) {
            inUtterance = false;
            loudRun = 0;
            return Decision.END;
        }
        return Decision.CONTINUE;
    }

    private void updateFloor(double level) {
        levels[levelPos] = level;
        levelPos = (levelPos + 1) % WINDOW_FRAMES;
        framesSeen++;
        int n = (int) Math.min(framesSeen, WINDOW_FRAMES);
        double min = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, levels[i]);
        }
        noiseFloorDb = framesSeen < WARMUP_FRAMES ? Math.min(INITIAL_FLOOR_DB, min) : min;
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

    public double lastLevelDb() {
        return lastLevelDb;
    }

    public double noiseFloorDb() {
        return noiseFloorDb;
    }
}
