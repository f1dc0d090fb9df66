package com.callportrait.bench.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WerTest {
    @Test
    void countsSubstitutionsDeletionsAndInsertions() {
        assertThat(Wer.errors("my bill is wrong", "my bill is wrong")).isZero();
        assertThat(Wer.errors("my bill is wrong", "my bell is wrong")).isEqualTo(1);
        assertThat(Wer.errors("my bill is wrong", "bill is wrong")).isEqualTo(1);
        assertThat(Wer.errors("my bill is wrong", "my bill is wrong again")).isEqualTo(1);
        assertThat(Wer.errors("i have been waiting", "I've been waiting.")).isZero();
        Wer.Tally t = new Wer.Tally();
        t.add("a b c d", "a x c");
        assertThat(t.percent()).isEqualTo(50.0);
    }
}
