package com.callportrait.speech.redact.internal;

import com.callportrait.speech.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds card, phone and national-id numbers, e-mail and postal addresses and long digit strings, written
 * ("4532-1111-...", "john@x.com") or spoken the way a recogniser writes them ("four five three
 * two ...", "double five", "john dot smith at gmail dot com"), and replaces each by a typed
 * placeholder. One left-to-right pass over the tokens; no backtracking regular expressions over
 * the whole text except the written e-mail one, so it is cheap enough for every partial result.
 *
 * <p>How a digit run is typed ({@link NumberClassifier}): a cue word before it wins ("card",
 * "phone", "social security", "account", "pin"...); else 13-19 digits passing Luhn, or 15-16
 * digits, are a card; 3-2-4 groups or 9 digits a national id; 7, 10, or 11 (leading 0/1) digits,
 * or a "+" prefix, a phone; 5 or more digits a number. Numbers of the Chinese market: an 18-character
 * resident identity number whose GB 11643 check character holds (the last may be X, said "x") is a
 * national id before any card rule; 11-digit mobiles (1[3-9]...) are phones, also after 86 or 0086;
 * UnionPay and other bank cards of 16-19 digits pass Luhn and are cards. Chinese cue words
 * (身份证, 银行卡, 手机 ...) count like English ones. Postal addresses, English and Chinese, see
 * {@link Addresses}. Amounts said with "hundred"/"thousand"
 * ("fifteen thousand dollars") are quantities and stay unless a cue word makes them an id.
 *
 * <p>Immutable and thread-safe.
 */
public final class PiiRedactor implements Redactor {

    // Han characters are never part of the address: Chinese has no spaces, so "邮箱是john@x.com谢谢"
    // would otherwise lose its words to the placeholder.
    private static final Pattern WRITTEN_EMAIL = Pattern.compile(
            "[[\\p{L}\\p{N}._%+'-]&&[^\\p{IsHan}]]+@[[\\p{L}\\p{N}-]&&[^\\p{IsHan}]]+(?:\\.[[\\p{L}\\p{N}-]&&[^\\p{IsHan}]]+)+");

    @Override
    public String redact(String text) {
        return redact(text, false);
    }

    @Override
    public String redactPartial(String text) {
        return redact(text, true);
    }

    private static String redact(String text, boolean unfinished) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = Addresses.replaceChinese(text);
        s = s.indexOf('@') >= 0 ? WRITTEN_EMAIL.matcher(s).replaceAll(
                Matcher.quoteReplacement(Placeholder.EMAIL.text())) : s;
        List<Lexer.Token> tokens = Lexer.tokens(s);
        List<Span> spans = new ArrayList<>();
        Addresses.find(tokens, spans);
        SpokenEmail.find(tokens, spans);
        NumberRuns.find(tokens, spans, unfinished);
        if (spans.isEmpty()) {
            return s;
        }
        spans.sort(null);
        StringBuilder out = new StringBuilder(s.length());
        int at = 0;
        for (Span sp : spans) {
            if (sp.start() < at) {
                continue; // overlaps an earlier, already replaced span
            }
            out.append(s, at, sp.start()).append(sp.type().text());
            at = sp.end();
        }
        return out.append(s, at, s.length()).toString();
    }
}
