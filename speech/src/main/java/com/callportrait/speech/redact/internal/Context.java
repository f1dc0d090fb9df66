package com.callportrait.speech.redact.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words before a number that say what kind of number it is ("my card number is ...", "social
 * security ...", "call me on ..."). The closest cue within {@value #WINDOW} tokens wins.
 */
final class Context {

    static final int WINDOW = 8;

    enum Kind { CARD, PHONE, AREA_CODE, NATIONAL_ID, NUMBER, CODE }

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
            Map.entry("licence", Kind.NATIONAL_ID), Map.entry("identity", Kind.NATIONAL_ID), Map.entry("resident", Kind.NATIONAL_ID),
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

    /**
     * Chinese cue words, found inside a run of Han characters ("我的银行卡号是" holds 卡号): the
     * longest first, so 身份证号 is an id and not a phone (号码).
     */
    private static final List<Map.Entry<String, Kind>> HAN_CUES = List.of(
            Map.entry("身份证", Kind.NATIONAL_ID), Map.entry("证件", Kind.NATIONAL_ID), Map.entry("护照", Kind.NATIONAL_ID),
            Map.entry("银行卡", Kind.CARD), Map.entry("信用卡", Kind.CARD), Map.entry("储蓄卡", Kind.CARD),
            Map.entry("借记卡", Kind.CARD), Map.entry("卡号", Kind.CARD),
            Map.entry("手机", Kind.PHONE), Map.entry("电话", Kind.PHONE), Map.entry("联系方式", Kind.PHONE),
            Map.entry("座机", Kind.PHONE), Map.entry("打给", Kind.PHONE),
            Map.entry("验证码", Kind.CODE), Map.entry("密码", Kind.CODE),
            Map.entry("账号", Kind.NUMBER), Map.entry("账户", Kind.NUMBER), Map.entry("订单", Kind.NUMBER),
            Map.entry("编号", Kind.NUMBER), Map.entry("邮编", Kind.NUMBER));

    private Context() {
    }

    private static Kind hanCue(String w) {
        for (Map.Entry<String, Kind> e : HAN_CUES) {
            if (w.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The closest cue before token {@code start}, or null. */
    static Kind before(List<Lexer.Token> tokens, int start) {
        for (int i = start - 1; i >= 0 && i >= start - WINDOW; i--) {
            String w = tokens.get(i).text();
            Kind k = CUES.get(w);
            if (k == null && !w.isEmpty() && Lexer.isHan(w.charAt(0))) {
                k = hanCue(w);
                if (k != null) {
                    return k;
                }
            }
            if (k == null) {
                continue;
            }
            // "social security" is an id, "security code" a code: look one word further.
            if (k == Kind.CODE && "security".equals(w) && i > 0 && "social".equals(tokens.get(i - 1).text())) {
                return Kind.NATIONAL_ID;
            }
            if ("code".equals(w) && i > 0 && "area".equals(tokens.get(i - 1).text())) {
                return Kind.AREA_CODE; // "area code five one zero ...": even three digits are part of a phone
            }
            if ("code".equals(w) && i > 0 && Set.of("zip", "post", "postal").contains(tokens.get(i - 1).text())) {
                return Kind.NUMBER;
            }
            if (k == Kind.CARD && "card".equals(w) && i > 0 && Set.of("id", "identity", "resident")
                    .contains(tokens.get(i - 1).text())) {
                return Kind.NATIONAL_ID; // "id card number", "identity card": the resident identity card
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
