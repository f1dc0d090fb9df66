package com.callportrait.speech.emotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.emotion.internal.FusedEmotionScorer;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/**
 * The same words said calmly and agitatedly (espeak-ng, committed 8 kHz recordings: amplitude 70,
 * pitch 35, 140 words/min against amplitude 200, pitch 80, 185 words/min; the caller's baseline is
 * three calm utterances) move the reading the way a listener would expect.
 */
class VoiceDirectionTest {

    private static final String DIR = "emotion/voice/";
    private static final String NEGATIVE = "i am really upset about this bill it is wrong again";
    private static final String NEUTRAL = "i would like to check the date of my next payment";

    private final EmotionScorer scorer = Emotions.scorer();

    @Test
    void agitatedVoiceIsMeasuredAsLouderAndHigher() throws Exception {
        VoiceFeatures calm = voiceAfterBaseline("negative-calm", NEGATIVE);
        VoiceFeatures agitated = voiceAfterBaseline("negative-agitated", NEGATIVE);
        assertThat(agitated.loudness()).isGreaterThan(calm.loudness() + 1);
        assertThat(agitated.pitch()).isGreaterThan(calm.pitch() + 1);
        assertThat(FusedEmotionScorer.agitation(agitated)).isGreaterThan(1);
        assertThat(Math.abs(FusedEmotionScorer.agitation(calm))).isLessThan(1);
    }

    @Test
    void sameComplaintReadsAngrierAndMoreArousedWhenShouted() throws Exception {
        EmotionReading words = scorer.score(NEGATIVE, VoiceFeatures.NONE);
        EmotionReading calm = scorer.score(NEGATIVE, voiceAfterBaseline("negative-calm", NEGATIVE));
        EmotionReading agitated = scorer.score(NEGATIVE, voiceAfterBaseline("negative-agitated", NEGATIVE));
        assertThat(words.label()).isIn(EmotionLabel.FRUSTRATED, EmotionLabel.ANGRY);
        assertThat(calm.label()).isEqualTo(EmotionLabel.FRUSTRATED);
        assertThat(agitated.label()).isEqualTo(EmotionLabel.ANGRY);
        assertThat(agitated.arousal()).isGreaterThan(calm.arousal() + 0.1);
        assertThat(agitated.valence()).isLessThanOrEqualTo(calm.valence());
    }

    @Test
    void shoutingNeutralWordsRaisesArousalButNotTheLabel() throws Exception {
        EmotionReading calm = scorer.score(NEUTRAL, voiceAfterBaseline("neutral-calm", NEUTRAL));
        EmotionReading agitated = scorer.score(NEUTRAL, voiceAfterBaseline("neutral-agitated", NEUTRAL));
        assertThat(calm.label()).isEqualTo(EmotionLabel.NEUTRAL);
        assertThat(agitated.label()).isEqualTo(EmotionLabel.NEUTRAL);
        assertThat(agitated.arousal()).isGreaterThan(calm.arousal() + 0.1);
    }

    /** The features of {@code name} for a caller whose first three utterances were calm. */
    static VoiceFeatures voiceAfterBaseline(String name, String text) throws Exception {
        VoiceAnalyzer voice = Emotions.newVoiceAnalyzer();
        String[] baseline = {"hello i am calling about my bill", "my account number is four five six seven",
            "it was sent to me last week"};
        for (int i = 0; i < baseline.length; i++) {
            feed(voice, "baseline-" + (i + 1));
            voice.endUtterance(baseline[i].split(" ").length);
        }
        feed(voice, name);
        return voice.endUtterance(text.split(" ").length);
    }

    private static void feed(VoiceAnalyzer voice, String name) throws Exception {
        try (InputStream raw = VoiceDirectionTest.class.getClassLoader().getResourceAsStream(DIR + name + ".wav");
             AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(raw))) {
            byte[] bytes = in.readAllBytes();
            short[] pcm = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
            voice.accept(pcm, pcm.length, (int) in.getFormat().getSampleRate());
        }
    }
}
