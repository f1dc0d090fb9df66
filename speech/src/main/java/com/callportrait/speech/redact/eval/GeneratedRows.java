package com.callportrait.speech.redact.eval;

import java.util.Random;

/**
 * What the generated secret sets share: the TSV row, random digits and Luhn-valid numbers.
 * Stateless and thread-safe (the caller owns the {@link Random}).
 */
final class GeneratedRows {

    private GeneratedRows() {
    }

    /** One row: the sentence, the secret's type and the secret. */
    static String row(String template, String type, String secret) {
        return String.format(template, secret) + "\t" + type + "\t" + secret;
    }

    /** {@code n} random decimal digits. */
    static String digits(int n, Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(10));
        }
        return b.toString();
    }

    /** A number of {@code length} digits starting with {@code prefix} whose last digit passes Luhn. */
    static String luhn(String prefix, int length, Random r) {
        String body = prefix + digits(length - prefix.length() - 1, r);
        for (int check = 0; check < 10; check++) {
            String s = body + check;
            int sum = 0;
            for (int i = s.length() - 1, k = 0; i >= 0; i--, k++) {
                int v = s.charAt(i) - '0';
                if (k % 2 == 1) {
                    v = v * 2 > 9 ? v * 2 - 9 : v * 2;
                }
                sum += v;
            }
            if (sum % 10 == 0) {
                return s;
            }
        }
        throw new IllegalStateException("no Luhn check digit");
    }
}
