package com.callportrait.speech.pipeline;

import com.callportrait.speech.asr.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries a redaction of the text over to the timed words: words the redacted text still has are
 * kept; a run of raw words replaced by a placeholder such as {@code [CARD]} becomes one word with
 * the placeholder, spanning their times. If the two cannot be aligned, the words are replaced by
 * the redacted tokens spread over the utterance, so no raw word ever survives. Stateless.
 */
final class WordRedaction {
    private WordRedaction() {
    }

    static List<Word> apply(List<Word> raw, String redacted) {
        String[] tokens = redacted.isBlank() ? new String[0] : redacted.trim().split("\\s+");
        List<Word> out = new ArrayList<>(tokens.length);
        int w = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (w < raw.size() && raw.get(w).text().equals(tokens[t])) {
                out.add(raw.get(w++));
                continue;
            }
            // a placeholder: it replaces raw words up to the one matching the next token
            String next = t + 1 < tokens.length ? tokens[t + 1] : null;
            int end = w;
            while (end < raw.size() && (next == null || !raw.get(end).text().equals(next))) {
                end++;
            }
            if (end == w) {
                return fallback(raw, tokens);
            }
            double conf = 1;
            for (int i = w; i < end; i++) {
                conf = Math.min(conf, raw.get(i).confidence());
            }
            out.add(new Word(tokens[t], raw.get(w).startSec(), raw.get(end - 1).endSec(), conf));
            w = end;
        }
        return w == raw.size() ? out : fallback(raw, tokens);
    }

    private static List<Word> fallback(List<Word> raw, String[] tokens) {
        List<Word> out = new ArrayList<>(tokens.length);
        if (raw.isEmpty()) {
            return out;
        }
        double start = raw.get(0).startSec();
        double step = (raw.get(raw.size() - 1).endSec() - start) / Math.max(1, tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            out.add(new Word(tokens[i], start + i * step, start + (i + 1) * step, 0));
        }
        return out;
    }
}
