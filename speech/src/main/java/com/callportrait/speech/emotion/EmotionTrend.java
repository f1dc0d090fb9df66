package com.callportrait.speech.emotion;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The smoothed emotion of one call and whether the caller is escalating.
 *
 * <p>Valence and arousal are smoothed by an exponentially weighted moving average
 * ({@link #ALPHA} = 0.5 weight on the newest utterance, weighted by its confidence, so an unsure
 * reading moves the average less). The call is <em>escalating</em> when, after at least
 * {@value #MIN_UTTERANCES} utterances, the smoothed valence is negative (below
 * {@value #NEGATIVE_VALENCE}) and over the last {@value #WINDOW} utterances it has fallen by at
 * least {@value #DROP} or the smoothed arousal has risen by at least {@value #RISE}; or when the
 * last two readings are both ANGRY.
 *
 * <p>Lifecycle: one per call. Thread-safe: readings come from the recognition worker while routing
 * and the agent desktop read {@link #snapshot()} from other threads; all methods synchronise on
 * this instance and do O(1) work.
 */
public final class EmotionTrend {

    public static final double ALPHA = 0.5;
    static final int MIN_UTTERANCES = 2;
    static final int WINDOW = 3;
    static final double NEGATIVE_VALENCE = -0.15;
    static final double DROP = 0.2;
    static final double RISE = 0.15;

    /**
     * The state of the call after the latest utterance.
     *
     * @param valence    smoothed valence, -1..1
     * @param arousal    smoothed arousal, 0..1
     * @param utterances readings so far
     * @param last       label of the latest reading (NEUTRAL before any)
     * @param escalating the caller is getting more negative or agitated
     * @param escalation probability, in [0, 1], that the caller is escalating by now (asks for a
     *                   manager, threatens to leave or complain): from the words and the trend
     */
    public record Snapshot(double valence, double arousal, int utterances, EmotionLabel last,
            boolean escalating, double escalation) {
    }

    private final Deque<double[]> history = new ArrayDeque<>();
    private double valence;
    private double arousal;
    private int utterances;
    private EmotionLabel last = EmotionLabel.NEUTRAL;
    private EmotionLabel beforeLast = EmotionLabel.NEUTRAL;
    private boolean escalating;
    private double escalation;

    /** Adds the reading of the next utterance and returns the new state. */
    public synchronized Snapshot add(EmotionReading r) {
        if (utterances == 0) {
            valence = r.valence();
            arousal = r.arousal();
        } else {
            double a = ALPHA * (0.5 + 0.5 * r.confidence());
            valence += a * (r.valence() - valence);
            arousal += a * (r.arousal() - arousal);
        }
        utterances++;
        beforeLast = last;
        last = r.label();
        history.addLast(new double[] {valence, arousal});
        if (history.size() > WINDOW + 1) {
            history.removeFirst();
        }
        double[] then = history.peekFirst();
        boolean worse = valence - then[0] <= -DROP || arousal - then[1] >= RISE;
        boolean twiceAngry = last == EmotionLabel.ANGRY && beforeLast == EmotionLabel.ANGRY;
        escalating = utterances >= MIN_UTTERANCES && (valence < NEGATIVE_VALENCE && worse || twiceAngry);
        // A request to escalate stays said: the call keeps the highest word evidence so far.
        escalation = Math.max(escalation, r.escalation());
        return snapshot();
    }

    /** The current state. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(valence, arousal, utterances, last, escalating, escalation);
    }
}
