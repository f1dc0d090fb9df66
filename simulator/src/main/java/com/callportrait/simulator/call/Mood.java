package com.callportrait.simulator.call;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scripted caller: what they say while waiting and while talking, and how each utterance
 * scores (the transcripts are already redacted, as the speech pipeline delivers them). The
 * scores are the simulator's own figures, handed to the application through a
 * {@link ScriptedSpeech} when no real audio is streamed. Immutable.
 */
public enum Mood {
    CALM(List.of(line("hi i am calling about my last bill", Feeling.NEUTRAL, 0.0, 0.2, 0.8)),
            List.of(line("i just want to check the amount", Feeling.NEUTRAL, 0.1, 0.2, 0.8),
                    line("great thank you that helps", Feeling.SATISFIED, 0.7, 0.3, 0.85))),
    ANGRY(List.of(line("i have been waiting for an hour and my gas bill is wrong again", Feeling.FRUSTRATED, -0.5, 0.6, 0.7),
            line("this is unacceptable i want to speak to a manager", Feeling.ANGRY, -0.85, 0.9, 0.88)),
            List.of(line("my account number is [ACCOUNT] and it is wrong again", Feeling.ANGRY, -0.7, 0.8, 0.8),
                    line("ok if you fix it today that is fine", Feeling.NEUTRAL, -0.1, 0.4, 0.7))),
    ESCALATING(List.of(line("hello i have a question about my contract", Feeling.NEUTRAL, 0.0, 0.3, 0.8)),
            List.of(line("no that is not what i was told last time", Feeling.FRUSTRATED, -0.5, 0.6, 0.75),
                    line("you people never fix anything i am cancelling", Feeling.ANGRY, -0.9, 0.95, 0.9)));

    /** How an utterance sounds; the names are those of the application's emotion labels. */
    public enum Feeling {
        NEUTRAL, SATISFIED, FRUSTRATED, ANGRY
    }

    /**
     * The emotion of one utterance.
     *
     * @param feeling    the label
     * @param valence    -1 (negative) .. 1 (positive)
     * @param arousal    0 (calm) .. 1 (agitated)
     * @param confidence 0 .. 1
     */
    public record Emotion(Feeling feeling, double valence, double arousal, double confidence) {
        public Emotion {
            Objects.requireNonNull(feeling, "feeling");
        }
    }

    /** One utterance and its emotion. */
    public record Line(String text, Emotion emotion) {
    }

    private final List<Line> waiting;
    private final List<Line> talking;

    Mood(List<Line> waiting, List<Line> talking) {
        this.waiting = waiting;
        this.talking = talking;
    }

    private static Line line(String text, Feeling feeling, double valence, double arousal, double confidence) {
        return new Line(text, new Emotion(feeling, valence, arousal, confidence));
    }

    /** What the caller says while waiting in the queue. */
    public List<Line> waiting() {
        return waiting;
    }

    /** What the caller says to the agent. */
    public List<Line> talking() {
        return talking;
    }

    public static Mood parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
