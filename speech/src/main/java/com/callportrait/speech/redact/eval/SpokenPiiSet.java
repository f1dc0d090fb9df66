package com.callportrait.speech.redact.eval;

import static com.callportrait.speech.redact.eval.GeneratedRows.digits;
import static com.callportrait.speech.redact.eval.GeneratedRows.luhn;
import static com.callportrait.speech.redact.eval.GeneratedRows.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible (seeded) test set of personal data as a caller says it and a recogniser such as
 * Vosk writes it: card numbers (16-digit Visa/Mastercard and 15-digit Amex, Luhn-valid), phone
 * numbers (NANP with and without the leading one, UK, German, French, Indian), national ids
 * (SSN-like) and account/policy/member numbers after their context words, and spoken e-mail
 * addresses. Digits come plain, with "oh" for zero, "double"/"triple", in groups with "dash" or
 * "uh" between them, as pairs ("forty five thirty two"), occasionally with Vosk's "for" for four
 * inside a run of digits, or written as digits. Rows are {@code text TAB TYPE TAB secret}, the
 * format {@link RedactionScore} reads. Stateless; the same seed gives the same rows.
 */
public final class SpokenPiiSet {
    private static final String[] W = "zero one two three four five six seven eight nine".split(" ");
    private static final String[] TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
            + " eighteen nineteen").split(" ");
    private static final String[] TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split(" ");
    private static final String[] FIRST = ("john mary ahmed li sofia james olga raj emma luca chen fatima noah"
            + " grace diego").split(" ");
    private static final String[] LAST = "smith jones garcia patel nguyen brown kim muller rossi okafor".split(" ");
    private static final String[] DOMAIN = {"gmail dot com", "yahoo dot com", "outlook dot com",
        "hotmail dot co dot uk", "acme dot org", "icloud dot com", "comcast dot net", "web dot de"};
    private static final String[][] CARD_T = {{"my card number is %s", "the card is %s"},
        {"it's a visa %s", "the long number on the front is %s"}, {"okay %s", "yeah it's %s and the expiry is next year"},
        {"my mastercard is %s", "%s that's the card"}, {"credit card %s", "the debit card number %s"}};
    private static final String[][] PHONE_T = {{"you can reach me on %s", "my number is %s"},
        {"call me back at %s", "my mobile is %s"}, {"it's %s", "%s that's my cell"},
        {"the best number is %s", "text me on %s"}, {"my phone number is %s", "my husband's number is %s"}};
    private static final String[] SSN_T = {"my social is %s", "social security number %s", "the ssn is %s",
        "my social security number is %s", "um the social is %s"};
    private static final String[] ACCOUNT_CUE = {"account number", "policy number", "member id", "customer number",
        "reference number", "membership number", "claim reference", "account"};
    private static final String[] EMAIL_T = {"my email is %s", "it's %s", "send it to %s", "the address is %s",
        "you can email me at %s", "%s is my email", "my e-mail address is %s thanks"};

    private SpokenPiiSet() {
    }

    /** {@code n} rows, a quarter each of cards, phones, ids (national and account) and e-mails. */
    public static List<String> generate(int n, long seed) {
        Random r = new Random(seed);
        List<String> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(switch (i % 4) {
                case 0 -> card(r);
                case 1 -> phone(r);
                case 2 -> id(r);
                default -> email(r);
            });
        }
        return rows;
    }

    private static String card(Random r) {
        boolean amex = r.nextInt(4) == 0;
        String prefix = amex ? "3" + (r.nextBoolean() ? "4" : "7") : r.nextBoolean() ? "4" : "5" + (1 + r.nextInt(5));
        String number = luhn(prefix, amex ? 15 : 16, r);
        int[] groups = amex ? new int[] {4, 6, 5} : new int[] {4, 4, 4, 4};
        String[] t = CARD_T[r.nextInt(CARD_T.length)];
        return row(t[r.nextInt(2)], "CARD", say(number, groups, r, true));
    }

    private static String phone(Random r) {
        String[] t = PHONE_T[r.nextInt(PHONE_T.length)];
        String template = t[r.nextInt(2)];
        int kind = r.nextInt(10);
        String secret;
        if (kind < 6) { // NANP: area code and exchange start 2-9
            String d = (2 + r.nextInt(8)) + digits(2, r) + (2 + r.nextInt(8)) + digits(6, r);
            boolean one = kind == 5;
            secret = (one ? "one " : "") + say(d, new int[] {3, 3, 4}, r, false);
        } else if (kind == 6) { // UK mobile, national form
            secret = say("07" + digits(9, r), new int[] {5, 6}, r, false);
        } else { // international with the plus
            String[] cc = {"44 7" + digits(9, r), "49 30" + digits(7, r), "33 6" + digits(8, r), "91 9" + digits(9, r)};
            String[] parts = cc[kind - 7].split(" ");
            secret = "plus " + spell(parts[0], r, false) + " " + say(parts[1], new int[] {parts[1].length()}, r, false);
        }
        return row(template, "PHONE", secret);
    }

    private static String id(Random r) {
        if (r.nextInt(3) == 0) {
            String ssn = (1 + r.nextInt(665)) + "";
            ssn = "0".repeat(3 - ssn.length()) + ssn + (10 + r.nextInt(90)) + (1000 + r.nextInt(9000));
            return row(SSN_T[r.nextInt(SSN_T.length)], "NATIONAL_ID", say(ssn, new int[] {3, 2, 4}, r, false));
        }
        String cue = ACCOUNT_CUE[r.nextInt(ACCOUNT_CUE.length)];
        String d = (1 + r.nextInt(9)) + digits(6 + r.nextInt(6), r);
        String letters = r.nextInt(4) == 0 ? (char) ('a' + r.nextInt(26)) + " " + (char) ('a' + r.nextInt(26)) + " " : "";
        String secret = letters + say(d, new int[] {d.length()}, r, false);
        String[] t = {"my " + cue + " is %s", "the " + cue + " is %s", cue + " %s", "uh " + cue + " %s please",
            "yes my " + cue + " it's %s"};
        return row(t[r.nextInt(t.length)], "NUMBER", secret);
    }

    private static String email(Random r) {
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        String local = switch (r.nextInt(6)) {
            case 0 -> first + " dot " + last;
            case 1 -> first + " " + spell(digits(2, r), r, false);
            case 2 -> first.charAt(0) + " " + last;
            case 3 -> first + " underscore " + last;
            case 4 -> String.join(" ", first.split("")) + " " + last;
            default -> first + last;
        };
        String secret = local + " at " + DOMAIN[r.nextInt(DOMAIN.length)];
        return row(EMAIL_T[r.nextInt(EMAIL_T.length)], "EMAIL", secret);
    }

    /** The digits as said, group by group, in one of the styles people and recognisers use. */
    static String say(String digits, int[] groups, Random r, boolean pairsAllowed) {
        int style = r.nextInt(10);
        if (style == 0) { // written, as an agent types it or a formatter writes it
            return written(digits, groups, r.nextBoolean() ? " " : "-");
        }
        List<String> out = new ArrayList<>();
        int at = 0;
        for (int g = 0; g < groups.length && at < digits.length(); g++) {
            String part = digits.substring(at, Math.min(digits.length(), at + groups[g]));
            at += part.length();
            if (g > 0 && style == 1) {
                out.add(r.nextBoolean() ? "dash" : "uh");
            }
            out.add(pairsAllowed && style == 2 && part.length() % 2 == 0 ? pairs(part) : spell(part, r, style >= 5));
        }
        String said = String.join(" ", out);
        if (style == 3 && said.contains("four ")) { // Vosk now and then hears "for" in a run of digits
            said = said.replaceFirst("(?<=\\w )four (?=\\w)", "for ");
        }
        return said;
    }

    /** Digit by digit; "oh" or "zero" for 0; with {@code repeats}, "double"/"triple" for runs. */
    static String spell(String digits, Random r, boolean repeats) {
        String zero = r.nextBoolean() ? "oh" : "zero";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < digits.length(); ) {
            int run = 1;
            while (i + run < digits.length() && digits.charAt(i + run) == digits.charAt(i) && run < 3) {
                run++;
            }
            String w = digits.charAt(i) == '0' ? zero : W[digits.charAt(i) - '0'];
            if (repeats && run >= 2) {
                out.add((run == 3 ? "triple " : "double ") + w);
                i += run;
            } else {
                out.add(w);
                i++;
            }
        }
        return String.join(" ", out);
    }

    private static String pairs(String digits) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < digits.length(); i += 2) {
            int a = digits.charAt(i) - '0';
            int b = digits.charAt(i + 1) - '0';
            if (a == 0) {
                out.add("oh " + W[b]);
            } else if (a == 1) {
                out.add(TEENS[b]);
            } else {
                out.add(TENS[a] + (b == 0 ? "" : " " + W[b]));
            }
        }
        return String.join(" ", out);
    }

    private static String written(String digits, int[] groups, String sep) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (int g : groups) {
            if (at < digits.length()) {
                out.add(digits.substring(at, Math.min(digits.length(), at + g)));
                at += g;
            }
        }
        if (at < digits.length()) {
            out.add(digits.substring(at));
        }
        return String.join(sep, out);
    }
}
