package com.callportrait.speech.redact.internal;

import java.util.List;

/** Decides whether a digit run is personal data and of which kind; see {@link PiiRedactor}. */
final class NumberClassifier {

    private NumberClassifier() {
    }

    /**
     * @param d      the digits and whether magnitudes ("hundred") were used
     * @param ctx    the cue before the run, or null
     * @param groups sizes of written digit groups ("123-45-6789" = 3,2,4), empty when spoken
     * @param plus   a "+"/"plus" stood before the run
     * @param money  a currency or unit word is next to the run ("twenty dollars", "ten years")
     * @return the placeholder, or null to leave the run
     */
    static Placeholder classify(NumberWords.Digits d, Context.Kind ctx, List<Integer> groups,
            boolean plus, boolean money) {
        String digits = d.digits();
        int n = digits.length();
        if (n < 3 || money && n < 12 || d.magnitude() && n < 9) {
            // Amounts, durations and counts, not identifiers. Nine or more digits with "hundred"
            // in them are a number read out ("eight hundred five five five ..."), not a quantity.
            return null;
        }
        if (ctx != null) {
            Placeholder p = switch (ctx) {
                // Up to six digits (the issuer prefix) or the last four may be shown under PCI DSS.
                case CARD -> n >= 7 ? Placeholder.CARD : null;
                case PHONE -> n >= 5 ? Placeholder.PHONE : null;
                case AREA_CODE -> Placeholder.PHONE;
                case NATIONAL_ID -> n >= 4 ? Placeholder.NATIONAL_ID : null;
                case NUMBER -> n >= 5 ? Placeholder.NUMBER : null;
                case CODE -> Placeholder.NUMBER;
            };
            if (p != null) {
                return p;
            }
        }
        if (n == 18 && residentId(digits)) {
            return Placeholder.NATIONAL_ID; // checked before cards: 18 digits may pass Luhn by chance
        }
        if (chineseMobileWithCountryCode(digits)) {
            return Placeholder.PHONE;
        }
        if (n >= 13 && n <= 19 && luhn(digits) || n == 15 || n == 16) {
            return Placeholder.CARD;
        }
        if (groups.equals(List.of(3, 2, 4))) {
            return Placeholder.NATIONAL_ID;
        }
        if (plus && n >= 8 || n == 7 || n == 10 || n == 11 && (digits.charAt(0) == '1' || digits.charAt(0) == '0')) {
            return Placeholder.PHONE;
        }
        if (n == 9) {
            return Placeholder.NATIONAL_ID;
        }
        return n >= 5 ? Placeholder.NUMBER : null;
    }

    /**
     * The placeholder of a digit run still being said at the end of a partial result: what its cue
     * word announces, else a number.
     */
    static Placeholder pending(Context.Kind ctx) {
        if (ctx == null) {
            return Placeholder.NUMBER;
        }
        return switch (ctx) {
            case CARD -> Placeholder.CARD;
            case PHONE, AREA_CODE -> Placeholder.PHONE;
            case NATIONAL_ID -> Placeholder.NATIONAL_ID;
            case NUMBER, CODE -> Placeholder.NUMBER;
        };
    }

    /** 86 or 0086 and an 11-digit Chinese mobile number (1[3-9] ...), said without the "+". */
    static boolean chineseMobileWithCountryCode(String d) {
        int at = d.length() == 13 && d.startsWith("86") ? 2 : d.length() == 15 && d.startsWith("0086") ? 4 : -1;
        return at > 0 && d.charAt(at) == '1' && d.charAt(at + 1) >= '3' && d.charAt(at + 1) <= '9';
    }

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    /**
     * A Chinese resident identity number (GB 11643-1999): 17 digits (region, birth date
     * {@code yyyyMMdd} from 1900, sequence) and a check character, a digit or {@code X}, that the
     * weighted sum mod 11 gives. {@code id} is 18 characters, an {@code x} in any case.
     */
    static boolean residentId(String id) {
        if (id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        char check = Character.toUpperCase(id.charAt(17));
        if (check != ID_CHECK.charAt(sum % 11) || id.charAt(0) < '1' || id.charAt(0) > '8') {
            return false;
        }
        int year = Integer.parseInt(id.substring(6, 10));
        int month = Integer.parseInt(id.substring(10, 12));
        int day = Integer.parseInt(id.substring(12, 14));
        return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    /** The Luhn checksum of card numbers. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int v = digits.charAt(i) - '0';
            if (dbl) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
