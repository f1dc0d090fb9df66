package com.callportrait.speech.redact.internal;

import java.util.List;
import java.util.Map;

/**
 * Words before a number that say what kind of number it is ("my card number is ...", "social
 * security ...", "call me on ..."). The closest cue within {@value #WINDOW} tokens wins.
 */
final class Context {

    static final int WINDOW = 8;

    enum Kind { CARD, PHONE, NATIONAL_ID, NUMBER, CODE }

    private static final Map<String, Kind> CUES = Map.ofEntries(
            Map.entry("card", Kind.CARD), Map.entry("visa", Kind.CARD), Map.entry("mastercard", Kind.CARD),
            Map.entry("amex", Kind.CARD), Map.entry("credit", Kind.CARD), Map.entry("debit", Kind.CARD),
            Map.entry("phone", Kind.PHONE), Map.entry("mobile", Kind.PHONE), Map.entry("cell", Kind.PHONE),
            Map.entry("telephone", Kind.PHONE), Map.entry("landline", Kind.PHONE), Map.entry("call", Kind.PHONE),
            Map.entry("reach", Kind.PHONE), Map.entry("text", Kind.PHONE), Map.entry("callback", Kind.PHONE),
            Map.entry("fax", Kind.PHONE), Map.entry("extension", Kind.PHONE),
            Map.entry("social", Kind.NATIONAL_ID), Map.entry("ssn", Kind.NATIONAL_ID),
            Map.entry("insurance", Kind.NATIONAL_ID), Map.entry("national", Kind.NATIONAL_ID),
            Map.entry("passport", Kind.NATIONAL_ID), Map.entry("license", Kind.NATIONAL_ID),
            Map.entry("licence", Kind.NATIONAL_ID), Map.entry("identity", Kind.NATIONAL_ID),
            Map.entry("id", Kind.NATIONAL_ID), Map.entry("tax", Kind.NATIONAL_ID),
            Map.entry("account", Kind.NUMBER), Map.entry("reference", Kind.NUMBER),
            Map.entry("ref", Kind.NUMBER), Map.entry("order", Kind.NUMBER), Map.entry("policy", Kind.NUMBER),
            Map.entry("member", Kind.NUMBER), Map.entry("membership", Kind.NUMBER),
            Map.entry("customer", Kind.NUMBER), Map.entry("confirmation", Kind.NUMBER),
            Map.entry("ticket", Kind.NUMBER), Map.entry("case", Kind.NUMBER), Map.entry("invoice", Kind.NUMBER),
            Map.entry("routing", Kind.NUMBER), Map.entry("iban", Kind.NUMBER), Map.entry("sort", Kind.NUMBER),
            Map.entry("zip", Kind.NUMBER), Map.entry("postcode", Kind.NUMBER), Map.entry("postal", Kind.NUMBER),
            Map.entry("tracking", Kind.NUMBER), Map.entry("serial", Kind.NUMBER),
            Map.entry("pin", Kind.CODE), Map.entry("cvv", Kind.CODE), Map.entry("cvc", Kind.CODE),
            Map.entry("security", Kind.CODE), Map.entry("passcode", Kind.CODE), Map.entry("password", Kind.CODE),
            Map.entry("expiry", Kind.CODE), Map.entry("expiration", Kind.CODE), Map.entry("expires", Kind.CODE),
            Map.entry("verification", Kind.CODE), Map.entry("otp", Kind.CODE), Map.entry("code", Kind.CODE));

    private Context() {
    }

    /** The closest cue before token {@code start}, or null. */
    static Kind before(List<Lexer.Token> tokens, int start) {
        for (int i = start - 1; i >= 0 && i >= start - WINDOW; i--) {
            String w = tokens.get(i).text();
            Kind k = CUES.get(w);
            if (k == null) {
                continue;
            }
            // "social security" is an id, "security code" a code: look one word further.
            if (k == Kind.CODE && "security".equals(w) && i > 0 && "social".equals(tokens.get(i - 1).text())) {
                return Kind.NATIONAL_ID;
            }
            if ("id".equals(w) && i > 0 && CUES.get(tokens.get(i - 1).text()) == Kind.NUMBER) {
                return Kind.NUMBER; // "member id", "customer id": an account id, not a national one
            }
            if (k == Kind.NATIONAL_ID && "insurance".equals(w) && (i == 0
                    || !"national".equals(tokens.get(i - 1).text()))) {
                return Kind.NUMBER; // an insurance policy number, not a national insurance number
            }
            return k;
        }
        return null;
    }
}
