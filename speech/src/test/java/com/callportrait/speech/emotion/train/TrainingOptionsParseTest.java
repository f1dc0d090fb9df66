package com.callportrait.speech.emotion.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainingOptionsParseTest {
    @Test
    void readsTypedValuesOverTheDefaults() {
        CallerMoodOptions mood = CallerMoodOptions.parse(new String[] {
                "--data", "src/train", "--out", "o", "--seed", "7", "--generated", "100", "--lr", "0.5", "--eval-dev"});
        assertThat(mood.data()).isEqualTo(Path.of("src/train"));
        assertThat(mood.out()).isEqualTo(Path.of("o"));
        assertThat(mood.seed()).isEqualTo(7L);
        assertThat(mood.generated()).isEqualTo(100);
        assertThat(mood.learningRate()).isEqualTo(0.5);
        assertThat(mood.evalDev()).isTrue();

        TrainOptions text = TrainOptions.parse(new String[] {"--data", "src/train", "--epochs", "2", "--objective", "hinge", "--no-augment"});
        assertThat(text.epochs()).isEqualTo(2);
        assertThat(text.objective()).isEqualTo("hinge");
        assertThat(text.augment()).isFalse();
    }

    @Test
    void aMissingOrMalformedValueNamesTheOption() {
        assertThatThrownBy(() -> CallerMoodOptions.parse(new String[] {"--epochs"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--epochs needs a value");
        assertThatThrownBy(() -> TrainOptions.parse(new String[] {"--lr", "fast"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--lr needs a number, got 'fast'");
        assertThatThrownBy(() -> TrainOptions.parse(new String[] {"--colour", "red"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option --colour");
    }
}
