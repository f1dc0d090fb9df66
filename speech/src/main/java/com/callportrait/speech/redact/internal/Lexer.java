package com.callportrait.speech.redact.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a transcript into tokens with their character spans: words and digit groups (letters,
 * digits, apostrophes) and single punctuation characters. Whitespace is dropped. Chinese text has
 * no spaces, so a run of Han characters is a token of its own, apart from the digits and Latin
 * letters around it ("手机号是13812345678" is "手机号是", "13812345678"). Stateless.
 */
final class Lexer {

    /**
     * One token.
     *
     * @param text  lower-cased token text
     * @param start offset of its first character in the input
     * @param end   offset after its last character
     */
    record Token(String text, int start, int end) {
        boolean isDigits() {
            if (text.isEmpty()) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }

        boolean isWord() {
            return !text.isEmpty() && Character.isLetterOrDigit(text.charAt(0));
        }
    }

    private Lexer() {
    }

    /** A Chinese character (CJK ideograph), of which Chinese words are made without spaces. */
    static boolean isHan(char c) {
        return c >= '\u3400' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Whether {@code s} holds any Chinese character (cheap pre-check for the Chinese rules). */
    static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isHan(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isHan(c)) {
                int j = i + 1;
                while (j < n && isHan(s.charAt(j))) {
                    j++;
                }
                out.add(new Token(s.substring(i, j), i, j));
                i = j;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < n && !isHan(s.charAt(j)) && (Character.isLetterOrDigit(s.charAt(j))
                        || s.charAt(j) == '\'' && j + 1 < n && Character.isLetter(s.charAt(j + 1)))) {
                    j++;
                }
                out.add(new Token(s.substring(i, j).toLowerCase(Locale.ROOT), i, j));
                i = j;
            } else {
                out.add(new Token(String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }
}
