package com.callportrait.speech.redact.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds runs of number tokens (digit strings, number words, "double"/"triple", with separators
 * such as "-" or "dash" and fillers such as "uh" inside) and turns the ones that are personal data
 * into spans. Stateless.
 */
final class NumberRuns {

    private static final Set<String> MONEY = Set.of("dollars", "dollar", "bucks", "cents", "pounds",
            "euros", "euro", "quid", "pence", "percent", "%", "$", "£", "€", "balance", "minutes",
            "hours", "days", "weeks", "months", "years", "times", "people");

    private NumberRuns() {
    }

    static void find(List<Lexer.Token> tokens, List<Span> spans) {
        find(tokens, spans, false);
    }

    /**
     * @param unfinished the text is a partial result: a run of three or more digits that ends the text
     *                   is a number still being said and is masked even when too short to classify
     */
    static void find(List<Lexer.Token> tokens, List<Span> spans, boolean unfinished) {
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            Lexer.Token t = tokens.get(i);
            boolean repeatFirst = NumberWords.REPEATS.containsKey(t.text()) && i + 1 < n && isNumber(tokens, i + 1);
            if (!isNumber(tokens, i) && !repeatFirst) {
                if (t.isWord() && !t.isDigits() && digitCount(t.text()) >= 5) {
                    Context.Kind ctx = Context.before(tokens, i);
                    spans.add(new Span(t.start(), t.end(), ctx == Context.Kind.NATIONAL_ID
                            || NumberClassifier.residentId(t.text()) ? Placeholder.NATIONAL_ID : Placeholder.NUMBER));
                }
                i++;
                continue;
            }
            List<String> words = new ArrayList<>();
            List<Integer> groups = new ArrayList<>();
            boolean allDigits = true;
            int last = i;
            int j = i;
            while (j < n) {
                String w = tokens.get(j).text();
                if (isNumber(tokens, j)) {
                    words.add(w);
                    if (tokens.get(j).isDigits()) {
                        groups.add(w.length());
                    } else {
                        allDigits = false;
                    }
                    last = j;
                    j++;
                    continue;
                }
                boolean glue = NumberWords.SEPARATORS.contains(w) || NumberWords.FILLERS.contains(w)
                        || NumberWords.REPEATS.containsKey(w)
                        || "and".equals(w) && NumberWords.MAGNITUDES.containsKey(tokens.get(j - 1).text());
                if (!glue) {
                    break;
                }
                int k = j;
                while (k < n && !isNumber(tokens, k) && (NumberWords.SEPARATORS.contains(tokens.get(k).text())
                        || NumberWords.FILLERS.contains(tokens.get(k).text())
                        || NumberWords.REPEATS.containsKey(tokens.get(k).text())
                        || "and".equals(tokens.get(k).text())) && k - j < 3) {
                    k++;
                }
                if (k >= n || !isNumber(tokens, k)) {
                    break;
                }
                for (int m = j; m < k; m++) {
                    String g = tokens.get(m).text();
                    if (NumberWords.REPEATS.containsKey(g) || "and".equals(g)) {
                        words.add(g);
                    }
                }
                j = k;
            }
            NumberWords.Digits d = NumberWords.digits(words);
            int idEnd = residentIdEnd(tokens, last, d.digits());
            if (idEnd > last) {
                // 17 digits and the check character X: "... zero zero two x", "110105 19491231 002X"
                spans.add(new Span(tokens.get(i).start(), tokens.get(idEnd).end(), Placeholder.NATIONAL_ID));
                i = idEnd + 1;
                continue;
            }
            Context.Kind ctx = Context.before(tokens, i);
            boolean plus = i > 0 && ("+".equals(tokens.get(i - 1).text()) || "plus".equals(tokens.get(i - 1).text()));
            boolean money = last + 1 < n && MONEY.contains(tokens.get(last + 1).text())
                    || i > 0 && MONEY.contains(tokens.get(i - 1).text()) || decimal(tokens, i, last);
            Placeholder p = NumberClassifier.classify(d, ctx, allDigits ? groups : List.of(), plus, money);
            if (p == null && unfinished && last == n - 1 && !money && !d.magnitude() && d.digits().length() >= 3) {
                p = NumberClassifier.pending(ctx);
            }
            if (p != null) {
                int start = i;
                if (plus || i > 0 && "(".equals(tokens.get(i - 1).text())) {
                    start = i - 1;
                } else if (ctx == Context.Kind.NATIONAL_ID || ctx == Context.Kind.NUMBER) {
                    while (start > 0 && start > i - 3 && isLetter(tokens.get(start - 1).text())) {
                        start--; // spelled letters of an id: "a b one two three ..."
                    }
                }
                spans.add(new Span(tokens.get(start).start(), tokens.get(last).end(), p));
            }
            i = last + 1;
        }
    }

    /**
     * The token that completes a resident identity number after a run of digits ending at
     * {@code last}: the check character said or written on its own ("x", "ex") after 17 digits,
     * or a last written group with it ("002x") after 14; {@code last} when there is none.
     */
    private static int residentIdEnd(List<Lexer.Token> tokens, int last, String digits) {
        int k = last + 1;
        if (k < tokens.size() && NumberWords.SEPARATORS.contains(tokens.get(k).text()) && k + 1 < tokens.size()) {
            k++;
        }
        if (k >= tokens.size()) {
            return last;
        }
        String w = tokens.get(k).text();
        String id = null;
        if (digits.length() == 17 && ("x".equals(w) || "ex".equals(w))) {
            id = digits + "X";
        } else if (w.length() >= 2 && w.endsWith("x") && digitCount(w) == w.length() - 1
                && digits.length() + w.length() == 18) {
            id = digits + w;
        }
        return id != null && NumberClassifier.residentId(id) ? k : last;
    }

    /** Whether token {@code j} is a number token in its neighbourhood. */
    static boolean isNumber(List<Lexer.Token> tokens, int j) {
        Lexer.Token t = tokens.get(j);
        String w = t.text();
        if (t.isDigits()) {
            return true;
        }
        if (NumberWords.isWeakZero(w)) {
            return strongNear(tokens, j, -1) || strongNear(tokens, j, 1);
        }
        if (NumberWords.HOMOPHONES.containsKey(w)) {
            return strongNear(tokens, j, -1) && strongNear(tokens, j, 1);
        }
        return NumberWords.isNumberWord(w);
    }

    /**
     * Whether a strong number token (a digit string or a number word other than "oh") is the
     * next one from {@code j} in direction {@code dir}, looking past up to three fillers ("uh",
     * "dash") and weak zeros: in "eight oh oh uh four" both "oh"s are zeros.
     */
    private static boolean strongNear(List<Lexer.Token> tokens, int j, int dir) {
        int k = j + dir;
        int skipped = 0;
        while (k >= 0 && k < tokens.size() && skipped < 3) {
            String w = tokens.get(k).text();
            if (!(NumberWords.FILLERS.contains(w) || NumberWords.isWeakZero(w))) {
                break;
            }
            k += dir;
            skipped++;
        }
        return strongAt(tokens, k);
    }

    private static boolean strongAt(List<Lexer.Token> tokens, int j) {
        if (j < 0 || j >= tokens.size()) {
            return false;
        }
        Lexer.Token t = tokens.get(j);
        return t.isDigits() || NumberWords.isNumberWord(t.text()) && !NumberWords.isWeakZero(t.text())
                || NumberWords.REPEATS.containsKey(t.text());
    }

    /** "5.00", "19.99": a written decimal point followed by two digits, i.e. an amount. */
    private static boolean decimal(List<Lexer.Token> tokens, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            Lexer.Token dot = tokens.get(k);
            if (".".equals(dot.text()) && tokens.get(k - 1).isDigits() && tokens.get(k + 1).isDigits()
                    && tokens.get(k + 1).text().length() == 2
                    && dot.start() == tokens.get(k - 1).end() && tokens.get(k + 1).start() == dot.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLetter(String w) {
        return w.length() == 1 && Character.isLetter(w.charAt(0));
    }

    private static int digitCount(String w) {
        int c = 0;
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                c++;
            }
        }
        return c;
    }
}
