package com.callportrait.speech.redact.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a transcript into tokens with their character spans: words and digit groups (letters,
 * digits, apostrophes) and single punctuation characters. Whitespace is dropped. Stateless.
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
            return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
        }

        boolean isWord() {
            return !text.isEmpty() && Character.isLetterOrDigit(text.charAt(0));
        }
    }

    private Lexer() {
    }

    static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j))
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
