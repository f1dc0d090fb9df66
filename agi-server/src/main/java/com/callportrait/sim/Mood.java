package com.callportrait.sim;

import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import java.util.List;
import java.util.Locale;

/**
 * A scripted caller: what they say while waiting and while talking, and how each utterance
 * scores (the transcripts are already redacted, as the speech pipeline delivers them).
 */
public enum Mood {
    CALM(List.of(line("hi i am calling about my last bill", EmotionLabel.NEUTRAL, 0.0, 0.2, 0.8)),
            List.of(line("i just want to check the amount", EmotionLabel.NEUTRAL, 0.1, 0.2, 0.8),
                    line("great thank you that helps", EmotionLabel.SATISFIED, 0.7, 0.3, 0.85))),
    ANGRY(List.of(line("i have been waiting for an hour and my gas bill is wrong again", EmotionLabel.FRUSTRATED, -0.5, 0.6, 0.7),
            line("this is unacceptable i want to speak to a manager", EmotionLabel.ANGRY, -0.85, 0.9, 0.88)),
            List.of(line("my account number is [ACCOUNT] and it is wrong again", EmotionLabel.ANGRY, -0.7, 0.8, 0.8),
                    line("ok if you fix it today that is fine", EmotionLabel.NEUTRAL, -0.1, 0.4, 0.7))),
    ESCALATING(List.of(line("hello i have a question about my contract", EmotionLabel.NEUTRAL, 0.0, 0.3, 0.8)),
            List.of(line("no that is not what i was told last time", EmotionLabel.FRUSTRATED, -0.5, 0.6, 0.75),
                    line("you people never fix anything i am cancelling", EmotionLabel.ANGRY, -0.9, 0.95, 0.9)));

    /** One utterance and its emotion. */
    public record Line(String text, EmotionReading reading) {
    }

    private final List<Line> waiting;
    private final List<Line> talking;

    Mood(List<Line> waiting, List<Line> talking) {
        this.waiting = waiting;
        this.talking = talking;
    }

    private static Line line(String text, EmotionLabel label, double valence, double arousal, double confidence) {
        return new Line(text, new EmotionReading(label, valence, arousal, confidence));
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
