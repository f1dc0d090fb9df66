package com.callportrait.speech.emotion.train;

import com.callportrait.speech.emotion.EmotionLabel;

/**
 * Accumulates caller-mood and escalation results: per-class and macro F1 over the four moods,
 * escalation recall and false-alarm rate at a threshold. Not thread-safe; one per evaluation.
 */
public final class MoodMetrics {

    private static final EmotionLabel[] LABELS = EmotionLabel.values();

    private final double threshold;
    private final long[][] confusion = new long[LABELS.length][LABELS.length];
    private long escalations;
    private long caught;
    private long others;
    private long falseAlarms;

    /** @param threshold escalation at or above this counts as an alarm */
    public MoodMetrics(double threshold) {
        this.threshold = threshold;
    }

    /** Adds one utterance: gold mood and escalation, predicted mood and escalation probability. */
    public void add(EmotionLabel gold, boolean goldEscalation, EmotionLabel predicted, double escalation) {
        confusion[gold.ordinal()][predicted.ordinal()]++;
        if (goldEscalation) {
            escalations++;
            caught += escalation >= threshold ? 1 : 0;
        } else {
            others++;
            falseAlarms += escalation >= threshold ? 1 : 0;
        }
    }

    /** F1 of one mood. */
    public double f1(EmotionLabel l) {
        int i = l.ordinal();
        long tp = confusion[i][i];
        long fp = 0;
        long fn = 0;
        for (int j = 0; j < LABELS.length; j++) {
            if (j != i) {
                fp += confusion[j][i];
                fn += confusion[i][j];
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** Unweighted mean of the four F1s. */
    public double macroF1() {
        double s = 0;
        for (EmotionLabel l : LABELS) {
            s += f1(l);
        }
        return s / LABELS.length;
    }

    /** Share of utterances whose mood is right. */
    public double accuracy() {
        long right = 0;
        long all = 0;
        for (int i = 0; i < LABELS.length; i++) {
            for (int j = 0; j < LABELS.length; j++) {
                all += confusion[i][j];
                right += i == j ? confusion[i][j] : 0;
            }
        }
        return all == 0 ? 0 : right / (double) all;
    }

    /** Share of escalations at or above the threshold. */
    public double escalationRecall() {
        return escalations == 0 ? 0 : caught / (double) escalations;
    }

    /** Share of non-escalations at or above the threshold. */
    public double falseAlarmRate() {
        return others == 0 ? 0 : falseAlarms / (double) others;
    }

    /** Escalation utterances seen. */
    public long escalations() {
        return escalations;
    }

    /** Non-escalation utterances seen. */
    public long others() {
        return others;
    }

    /** Confusion counts, rows gold, columns predicted, by {@link EmotionLabel#ordinal()}. */
    public long[][] confusion() {
        long[][] c = new long[LABELS.length][];
        for (int i = 0; i < LABELS.length; i++) {
            c[i] = confusion[i].clone();
        }
        return c;
    }

    /** One line for logs. */
    public String summary() {
        return String.format("macro-F1 %.3f (angry %.3f, frustrated %.3f, neutral %.3f, satisfied %.3f), accuracy %.3f;"
                + " escalation recall %.3f (%d), false alarms %.3f (%d) at %.2f",
                macroF1(), f1(EmotionLabel.ANGRY), f1(EmotionLabel.FRUSTRATED), f1(EmotionLabel.NEUTRAL),
                f1(EmotionLabel.SATISFIED), accuracy(), escalationRecall(), escalations, falseAlarmRate(), others,
                threshold);
    }
}
