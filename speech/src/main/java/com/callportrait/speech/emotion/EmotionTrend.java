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
 * <p>{@link Snapshot#escalation()} is the probability that the caller is escalating by now, from
 * two kinds of evidence combined as independent (noisy-OR):
 * <ul>
 *   <li>words: a request to escalate stays said, so the strongest reading so far counts in full,
 *       and the second strongest adds half its weight ({@code 1 - (1 - e1)(1 - 0.5 e2)}): one
 *       stray reading gives its own value, never more, and saying it twice makes it surer;</li>
 *   <li>the emotional trend: an anger load that grows by the confidence of each ANGRY reading
 *       (a third of it for FRUSTRATED) and decays by {@value #ANGER_DECAY} per reading, mapped to at
 *       most {@value #TREND_CAP}: {@code 0.6 (1 - exp(-0.7 max(0, load - 0.5)))}. One sure angry
 *       reading adds about 0.15, three in a row about 0.35, a long angry call about 0.45; anger alone never
 *       reaches a live rule's 0.7 without some word evidence.</li>
 * </ul>
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
    static final double ANGER_DECAY = 0.6;
    static final double TREND_CAP = 0.6;

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
    private double words1;
    private double words2;
    private double angerLoad;

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
        double e = r.escalation();
        if (e > words1) {
            words2 = words1;
            words1 = e;
        } else if (e > words2) {
            words2 = e;
        }
        double anger = r.label() == EmotionLabel.ANGRY ? r.confidence()
                : r.label() == EmotionLabel.FRUSTRATED ? r.confidence() / 3 : 0;
        angerLoad = angerLoad * ANGER_DECAY + anger;
        double trend = TREND_CAP * (1 - Math.exp(-0.7 * Math.max(0, angerLoad - 0.5)));
        double words = 1 - (1 - words1) * (1 - 0.5 * words2);
        escalation = Math.min(1, 1 - (1 - words) * (1 - trend));
        return snapshot();
    }

    /** The current state. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(valence, arousal, utterances, last, escalating, escalation);
    }
}
