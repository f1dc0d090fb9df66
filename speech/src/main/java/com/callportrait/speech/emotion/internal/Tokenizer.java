package com.callportrait.speech.emotion.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an utterance into lower-case word tokens, {@code !} and {@code ?} marks, symbol tokens
 * (emoji) and clause breaks. Written text (GoEmotions) and recogniser output (Vosk: lower case, no
 * punctuation) go through the same code so that training and the live path see the same tokens.
 * Stateless and thread-safe.
 */
public final class Tokenizer {

    /** Marks a clause boundary (comma, full stop, ...): it ends a negation scope. */
    public static final String BREAK = "<br>";

    private Tokenizer() {
    }

    /** Tokens of {@code text}, lower-cased; GoEmotions' {@code [NAME]} masks become {@code _name_}. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (cp == '[') {
                int close = text.indexOf(']', i);
                if (close > i && close - i <= 12) {
                    flush(word, out);
                    out.add("_" + text.substring(i + 1, close).toLowerCase(Locale.ROOT) + "_");
                    i = close + 1;
                    continue;
                }
            }
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
            } else if ((cp == '\'' || cp == '\u2019') && word.length() > 0 && i + 1 < n
                    && Character.isLetter(text.codePointAt(i + 1))) {
                word.append('\''); // keep contractions whole: don't, i'm, can't
            } else {
                flush(word, out);
                if (cp == '!' || cp == '?') {
                    out.add(cp == '!' ? "!" : "?");
                } else if (cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '\n') {
                    if (!out.isEmpty() && !BREAK.equals(out.get(out.size() - 1))) {
                        out.add(BREAK);
                    }
                } else if (isSymbol(cp)) {
                    out.add(new String(Character.toChars(cp)));
                }
            }
            i += len;
        }
        flush(word, out);
        return out;
    }

    /** True for tokens that are words (not marks, symbols or breaks). */
    public static boolean isWord(String token) {
        return !token.isEmpty() && Character.isLetterOrDigit(token.codePointAt(0));
    }

    private static boolean isSymbol(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL && cp > 0x7f;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }
}
