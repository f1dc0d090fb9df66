package com.callportrait.speech.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.asr.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordRedactionTest {

    private static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        double t = 1;
        for (String w : text.split(" ")) {
            out.add(new Word(w, t, t + 0.3, 0.9));
            t += 0.4;
        }
        return out;
    }

    @Test
    void placeholderSpansTheWordsItReplaces() {
        List<Word> raw = words("my card is four five three two thanks");
        List<Word> out = WordRedaction.apply(raw, "my card is [CARD] thanks");
        assertThat(out).extracting(Word::text).containsExactly("my", "card", "is", "[CARD]", "thanks");
        Word card = out.get(3);
        assertThat(card.startSec()).isEqualTo(raw.get(3).startSec());
        assertThat(card.endSec()).isEqualTo(raw.get(6).endSec());
    }

    @Test
    void placeholderAtTheEnd() {
        List<Word> out = WordRedaction.apply(words("call me on five five five one two"), "call me on [PHONE]");
        assertThat(out).extracting(Word::text).containsExactly("call", "me", "on", "[PHONE]");
    }

    @Test
    void unalignableRedactionNeverLeaksRawWords() {
        List<Word> raw = words("my number is four four");
        List<Word> out = WordRedaction.apply(raw, "MY NUMBER [NUMBER]");
        assertThat(out).extracting(Word::text).containsExactly("MY", "NUMBER", "[NUMBER]");
        assertThat(out).extracting(Word::text).doesNotContain("four");
    }
}
