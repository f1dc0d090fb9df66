package com.callportrait.speech.emotion.internal;

import com.callportrait.speech.emotion.VoiceAnalyzer;
import com.callportrait.speech.emotion.VoiceFeatures;
import java.util.Arrays;

/**
 * Loudness, pitch and speaking rate of each utterance against the same caller's running baseline.
 * <ul>
 *   <li>Audio is cut into 20 ms hops; a hop is <em>active</em> when its RMS is above
 *       {@value #ACTIVE_DBFS} dBFS (the line's silence and comfort noise stay below).</li>
 *   <li>Loudness: RMS of the active hops in dBFS. Baseline prior spread 3 dB.</li>
 *   <li>Pitch: median F0 (YIN) of the voiced hops, in semitones, so that a rise means the same for
 *       a low and a high voice. Baseline prior spread 1.5 semitones.</li>
 *   <li>Speaking rate: words per active second (voiced segments per second when the word count is
 *       unknown). Baseline prior mean 2.5 words/s (about 150 words a minute), spread 0.8.</li>
 * </ul>
 * The first utterance defines the caller's loudness and pitch (z = 0); each later one is compared
 * with the baseline of the ones before it, then folded in. Utterances with less than
 * {@value #MIN_ACTIVE_SEC} s of active audio give {@link VoiceFeatures#NONE} and leave the baseline
 * alone. At most {@value #MAX_UTTERANCE_SEC} s of an utterance are analysed.
 *
 * <p>Lifecycle: one per call. Not thread-safe: the call's recognition worker feeds it serially.
 */
public final class ProsodyAnalyzer implements VoiceAnalyzer {

    static final double ACTIVE_DBFS = -45;
    static final double MIN_ACTIVE_SEC = 0.25;
    static final int MAX_UTTERANCE_SEC = 30;

    private final RunningStats loudness = new RunningStats(Double.NaN, 3.0, 3);
    private final RunningStats pitch = new RunningStats(Double.NaN, 1.5, 3);
    private final RunningStats rate = new RunningStats(2.5, 0.8, 3);

    private int sampleRate;
    private YinPitch yin;
    private int hop;
    private float[] buf = new float[0];
    private int buffered;
    private long samplesSeen;
    // per-utterance accumulators
    private double activeEnergy;
    private int activeHops;
    private double[] f0 = new double[64];
    private int f0Count;
    private int voicedSegments;
    private boolean lastVoiced;

    @Override
    public void accept(short[] samples, int count, int rate) {
        if (count <= 0) {
            return;
        }
        if (rate != sampleRate) {
            sampleRate = rate;
            yin = new YinPitch(rate);
            hop = rate / 50;
            buf = new float[yin.frameLength() + 2 * hop + count];
            buffered = 0;
        }
        if (samplesSeen > (long) MAX_UTTERANCE_SEC * sampleRate) {
            return;
        }
        samplesSeen += count;
        ensure(buffered + count);
        for (int i = 0; i < count; i++) {
            buf[buffered++] = samples[i] / 32768f;
        }
        int frame = yin.frameLength();
        int pos = 0;
        while (buffered - pos >= Math.max(frame, hop)) {
            analyseHop(pos);
            pos += hop;
        }
        System.arraycopy(buf, pos, buf, 0, buffered - pos);
        buffered -= pos;
    }

    private void analyseHop(int pos) {
        double e = 0;
        for (int i = pos; i < pos + hop; i++) {
            e += buf[i] * buf[i];
        }
        e /= hop;
        boolean active = 10 * Math.log10(e + 1e-12) > ACTIVE_DBFS;
        boolean voiced = false;
        if (active) {
            activeEnergy += e;
            activeHops++;
            double hz = yin.pitch(buf, pos);
            if (!Double.isNaN(hz)) {
                voiced = true;
                if (f0Count == f0.length) {
                    f0 = Arrays.copyOf(f0, f0.length * 2);
                }
                f0[f0Count++] = 12 * Math.log(hz / 100.0) / Math.log(2); // semitones re 100 Hz
            }
        }
        if (voiced && !lastVoiced) {
            voicedSegments++;
        }
        lastVoiced = voiced;
    }

    @Override
    public VoiceFeatures endUtterance(int wordCount) {
        try {
            double activeSec = activeHops * (hop / (double) Math.max(sampleRate, 1));
            if (activeHops == 0 || activeSec < MIN_ACTIVE_SEC) {
                return VoiceFeatures.NONE;
            }
            double dbfs = 10 * Math.log10(activeEnergy / activeHops + 1e-12);
            double semitones = f0Count >= 3 ? median(f0, f0Count) : Double.NaN;
            double perSec = (wordCount > 0 ? wordCount : voicedSegments) / activeSec;
            VoiceFeatures features = new VoiceFeatures(loudness.z(dbfs), pitch.z(semitones),
                    rate.z(perSec), activeSec);
            loudness.add(dbfs);
            pitch.add(semitones);
            rate.add(perSec);
            return features;
        } finally {
            activeEnergy = 0;
            activeHops = 0;
            f0Count = 0;
            voicedSegments = 0;
            lastVoiced = false;
            buffered = 0;
            samplesSeen = 0;
        }
    }

    /** Utterances folded into the baseline so far. */
    public long utterances() {
        return loudness.count();
    }

    private void ensure(int size) {
        if (buf.length < size) {
            buf = Arrays.copyOf(buf, Math.max(size, buf.length * 2));
        }
    }

    private static double median(double[] v, int n) {
        double[] c = Arrays.copyOf(v, n);
        Arrays.sort(c);
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }
}
