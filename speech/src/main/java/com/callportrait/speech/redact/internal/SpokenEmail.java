package com.callportrait.speech.redact.internal;

import java.util.List;
import java.util.Set;

/**
 * Finds e-mail addresses as a recogniser writes them: "john dot smith at gmail dot com",
 * "j o h n seventy at yahoo dot co dot uk", "mary_k at example.org". The domain needs at least one
 * "dot"; the local part is the chain of words joined by dot/underscore/dash before "at", spelled
 * letters and numbers, and at most two more words that are not ordinary sentence words
 * ("my e-mail is john smith at ..."). Stateless.
 */
final class SpokenEmail {

    private static final Set<String> DOT = Set.of("dot", ".");
    private static final Set<String> JOIN = Set.of("dot", ".", "period", "underscore", "_", "dash",
            "-", "hyphen");
    private static final Set<String> STOP = Set.copyOf(java.util.Arrays.asList("is", "it's", "its", "was", "email", "mail",
            "address", "my", "the", "me", "to", "at", "send", "it", "on", "that", "and", "or", "uh",
            "um", "so", "yes", "yeah", "sure", "please", "use", "under", "be", "would", "you", "your",
            "our", "his", "her", "their", "will", "can", "just", "try", "sorry", "correct", "right",
            "okay", "ok", "e", "mails", "emails", "send", "reach", "contact", "by", "an", "a", "i",
            "as", "we", "this", "for", "with", "from", "of", "in", "still", "now", "new", "old"));

    private SpokenEmail() {
    }

    private static final Set<String> NOT_DOMAIN = Set.of("the", "a", "an", "this", "that", "home",
            "work", "least", "last", "first", "all", "it");

    /**
     * "dot" as said, or a written "." inside a word ("gmail.com"); a full stop followed by a
     * space ("at all. You") ends a sentence, not a domain.
     */
    private static boolean isDot(List<Lexer.Token> tokens, int k) {
        Lexer.Token t = tokens.get(k);
        if ("dot".equals(t.text())) {
            return true;
        }
        return ".".equals(t.text()) && k > 0 && k + 1 < tokens.size() && tokens.get(k - 1).end() == t.start()
                && tokens.get(k + 1).start() == t.end();
    }

    private static boolean isLetter(String w) {
        return w.length() == 1 && Character.isLetter(w.charAt(0));
    }

    static void find(List<Lexer.Token> tokens, List<Span> spans) {
        int n = tokens.size();
        for (int i = 1; i < n - 3; i++) {
            if (!"at".equals(tokens.get(i).text())) {
                continue;
            }
            int j = i + 1;
            if (!tokens.get(j).isWord()) {
                continue;
            }
            int dots = 0;
            int domEnd = j;
            if (NOT_DOMAIN.contains(tokens.get(j).text())) {
                continue; // "at the office. Then": not a domain
            }
            if (j + 2 < n && tokens.get(j + 1).isWord() && isDot(tokens, j + 2)) {
                domEnd = j + 1; // a two-word domain as spoken: "at my company dot com"
            }
            while (domEnd + 2 < n && isDot(tokens, domEnd + 1) && tokens.get(domEnd + 2).isWord()) {
                domEnd += 2;
                dots++;
            }
            String before = tokens.get(i - 1).text();
            boolean spelled = isLetter(before) && i >= 2 && isLetter(tokens.get(i - 2).text());
            if (dots == 0 || !tokens.get(i - 1).isWord() || STOP.contains(before) && !spelled) {
                continue;
            }
            int start = i - 1;
            boolean grew = true;
            int extra = 0;
            while (grew && start > 0) {
                grew = false;
                String prev = tokens.get(start - 1).text();
                if (start >= 2 && JOIN.contains(prev) && tokens.get(start - 2).isWord()) {
                    start -= 2;
                    grew = true;
                } else if (tokens.get(start - 1).isWord() && (isLetter(prev)
                        && (!"a".equals(prev) && !"i".equals(prev) || isLetter(tokens.get(start).text())
                        || start >= 2 && isLetter(tokens.get(start - 2).text())) // spelled: "o l g a jones"
                        || NumberRuns.isNumber(tokens, start - 1))) {
                    start--;
                    grew = true;
                } else if (extra < 2 && tokens.get(start - 1).isWord() && !STOP.contains(prev)) {
                    start--;
                    extra++;
                    grew = true;
                }
            }
            spans.add(new Span(tokens.get(start).start(), tokens.get(domEnd).end(), Placeholder.EMAIL));
            i = domEnd;
        }
    }
}
