package com.callportrait.profile;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule that turns any presentation of a phone number into the canonical key under which
 * profiles are stored and looked up; imports and the routing lookup both use it. Stateless and
 * thread-safe. The numbering plans come from Google's libphonenumber, for the region of
 * {@link PhoneOptions} ({@code CP_PHONE_REGION}).
 *
 * <h2>The rule</h2>
 * <ol>
 *   <li><b>No number.</b> {@code null}, blank, {@code unknown}, {@code anonymous},
 *       {@code <unknown>}, {@code private}, {@code restricted}, {@code unavailable} (any case)
 *       mean "no number": {@link Optional#empty()}. These are what Asterisk puts in
 *       {@code agi_callerid} and AMI {@code CallerIDNum} for withheld or missing caller ids.</li>
 *   <li><b>Unwrap.</b> A caller id with a display name ({@code "Jane Doe" <5551234>}) keeps only
 *       the part in angle brackets; a {@code tel:}, {@code sip:} or {@code sips:} URI keeps its user
 *       part ({@code sip:5551234@pbx} gives {@code 5551234}).</li>
 *   <li><b>Digits.</b> Spaces, {@code - . ( ) /} are dropped; a leading {@code +} marks an
 *       international number; any other character (letters, {@code *}, {@code #}, a second
 *       {@code +}) makes the input invalid.</li>
 *   <li><b>International.</b> A leading {@code +}, {@code 00}, the region's own exit code
 *       ({@code 011} in the NANP) or the configured extra one, followed by at least seven digits:
 *       the rest is the number with its country code.</li>
 *   <li><b>National.</b> Otherwise the digits are read as a number of the region, national prefix
 *       and all ({@code 020 7946 0018} in GB, {@code 1 555 123 4567} in the US,
 *       {@code 010 1234 5678} in CN). A length the region's plan allows for a full number gives
 *       the E.164 key.</li>
 *   <li><b>Short.</b> Fewer digits than a full number of the region (3 or more), or a number the
 *       plan says is only diallable locally: extensions, service numbers ({@code 10086}) and local
 *       numbers such as the {@code 5551234} of a PBX caller are kept as their digits, unchanged.
 *       They cannot be expanded safely (the area code is unknown), so a customer who calls from a
 *       local number must have that short form among their phones.</li>
 *   <li><b>Longer.</b> More digits than any number of the region and no prefix: taken as already
 *       carrying a country code (SIP trunks often drop the {@code +}).</li>
 * </ol>
 * The canonical form is E.164 digits without the {@code +} ({@code 15551234567},
 * {@code 8613800138000}), or the short digits. International results must have 7-15 digits and
 * must not start with {@code 0}; one libphonenumber cannot confirm (an unassigned country code, a
 * length its plan does not know) is kept as its digits, so such a number still finds itself.
 *
 * <p>With region US, {@code +1 555 123 4567}, {@code 15551234567}, {@code (555) 123-4567},
 * {@code 555.123.4567}, {@code 001 555 123 4567} and {@code 011 1 555 123 4567} all give
 * {@code 15551234567}. With region CN, {@code 138 0013 8000}, {@code +86 138-0013-8000} and
 * {@code 0086 13800138000} give {@code 8613800138000}.
 *
 * <p>Cost: one normalisation of a full number is a few microseconds (libphonenumber's parse, see
 * BENCHMARKS.md); nothing is cached, so memory does not grow with the callers seen.
 */
public final class PhoneNumbers {

    /** E.164 allows at most 15 digits including the country code. */
    public static final int MAX_E164_DIGITS = 15;
    /** Shortest international number accepted (small countries have 4-digit subscriber numbers). */
    public static final int MIN_INTERNATIONAL_DIGITS = 7;
    /** Shortest extension or local number accepted. */
    public static final int MIN_SHORT_DIGITS = 3;

    private static final Set<String> NO_NUMBER = Set.of(
            "unknown", "anonymous", "<unknown>", "private", "restricted", "unavailable", "withheld", "none");

    private static final java.util.concurrent.ConcurrentMap<String, Integer> FULL_LENGTH =
            new java.util.concurrent.ConcurrentHashMap<>();

    private PhoneNumbers() {
    }

    /** {@link #normalise(String, PhoneOptions)} with {@link PhoneOptions#DEFAULT}. */
    public static Optional<String> normalise(String raw) {
        return normalise(raw, PhoneOptions.DEFAULT);
    }

    /**
     * The canonical key for {@code raw}, or empty when it is no number or not a valid one. Use this
     * on the call path, where an unusable caller id simply means "unknown caller".
     */
    public static Optional<String> normalise(String raw, PhoneOptions options) {
        try {
            return parse(raw, options);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Like {@link #normalise(String, PhoneOptions)} but tells why a number is invalid. Use this
     * when validating input (imports), where the reason must be reported.
     *
     * @return the canonical key, or empty for the "no number" markers
     * @throws IllegalArgumentException with a one-line reason when {@code raw} is not a valid number
     */
    public static Optional<String> parse(String raw, PhoneOptions options) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        int lt = s.lastIndexOf('<');
        if (lt >= 0 && s.endsWith(">")) {
            s = s.substring(lt + 1, s.length() - 1).strip();
        }
        if (s.isEmpty() || NO_NUMBER.contains(s.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        s = stripUri(s);
        boolean plus = s.startsWith("+");
        String digits = digitsOf(plus ? s.substring(1) : s, raw);
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("no digits in phone number '" + raw.strip() + "'");
        }
        return Optional.of(canonical(digits, plus, options, raw));
    }

    private static String stripUri(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"tel:", "sips:", "sip:"}) {
            if (lower.startsWith(scheme)) {
                String rest = s.substring(scheme.length());
                int cut = indexOfAny(rest, "@;?");
                return cut >= 0 ? rest.substring(0, cut) : rest;
            }
        }
        return s;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String digitsOf(String s, String raw) {
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/' && c != '\t') {
                throw new IllegalArgumentException("unexpected character '" + c + "' in phone number '" + raw.strip() + "'");
            }
        }
        return digits.toString();
    }

    private static String canonical(String d, boolean plus, PhoneOptions o, String raw) {
        if (plus) {
            return international(d, raw);
        }
        for (String exit : new String[] {o.internationalPrefix(), "00"}) {
            if (!exit.isEmpty() && d.startsWith(exit) && d.length() >= exit.length() + MIN_INTERNATIONAL_DIGITS) {
                return international(d.substring(exit.length()), raw);
            }
        }
        PhoneNumber n;
        try {
            n = PhoneOptions.UTIL.parse(d, o.region());
        } catch (NumberParseException e) {
            // too few digits to be a number of the region, or far too many for any
            return d.length() > MAX_E164_DIGITS ? international(d, raw) : shortNumber(d, raw);
        }
        ValidationResult fit = PhoneOptions.UTIL.isPossibleNumberWithReason(n);
        return switch (fit) {
            // A length the plan allows is not proof of a full number (8 digits are possible in CN,
            // and also a Beijing number without its area code): a number the plan does not know
            // as valid must be as long as the region's example number (the 555 numbers of NANP
            // tests and films are 10 digits and stay E.164, a bare 8-digit CN local number stays short).
            // (The length test goes first: it is cheap, isValidNumber runs the region's patterns.)
            case IS_POSSIBLE -> digitCount(n.getNationalNumber()) >= fullLength(o.region())
                    || PhoneOptions.UTIL.isValidNumber(n) ? e164(n) : shortNumber(d, raw);
            case TOO_LONG -> international(d, raw);
            // The region's own exit code was in front (011 44 ... in the US): a foreign number.
            case INVALID_COUNTRY_CODE -> international(d, raw);
            default -> n.getCountryCode() != PhoneOptions.UTIL.getCountryCodeForRegion(o.region())
                    ? e164OrDigits(n, raw) : shortNumber(d, raw);
        };
    }

    /** Digits of the region's example fixed-line number: the length of a full national number. */
    private static int fullLength(String region) {
        // Bounded by the regions libphonenumber knows (about 250), filled once per region.
        return FULL_LENGTH.computeIfAbsent(region, r -> {
            PhoneNumber example = PhoneOptions.UTIL.getExampleNumber(r);
            return example == null ? 0 : String.valueOf(example.getNationalNumber()).length();
        });
    }

    private static int digitCount(long v) {
        int c = 1;
        while (v >= 10) {
            v /= 10;
            c++;
        }
        return c;
    }

    private static String shortNumber(String d, String raw) {
        if (d.length() < MIN_SHORT_DIGITS) {
            throw new IllegalArgumentException("phone number '" + raw.strip() + "' is too short (" + d.length()
                    + " digits, at least " + MIN_SHORT_DIGITS + ")");
        }
        return d;
    }

    private static String e164(PhoneNumber n) {
        StringBuilder b = new StringBuilder(16).append(n.getCountryCode());
        if (n.isItalianLeadingZero()) {
            b.append("0".repeat(Math.max(1, n.getNumberOfLeadingZeros())));
        }
        return b.append(n.getNationalNumber()).toString();
    }

    private static String e164OrDigits(PhoneNumber n, String raw) {
        return international(e164(n), raw);
    }

    private static String international(String d, String raw) {
        if (d.startsWith("0")) {
            throw new IllegalArgumentException("phone number '" + raw.strip() + "': a country code cannot start with 0");
        }
        if (d.length() < MIN_INTERNATIONAL_DIGITS || d.length() > MAX_E164_DIGITS) {
            throw new IllegalArgumentException("phone number '" + raw.strip() + "' has " + d.length()
                    + " digits; an international number has " + MIN_INTERNATIONAL_DIGITS + "-" + MAX_E164_DIGITS);
        }
        try {
            PhoneNumber n = PhoneOptions.UTIL.parse("+" + d, "ZZ");
            if (PhoneOptions.UTIL.isPossibleNumber(n)) {
                return e164(n); // drops a national prefix said after the country code: +44 (0)20 ...
            }
        } catch (NumberParseException e) {
            // not a country libphonenumber knows: keep the digits, they still match themselves
        }
        return d;
    }

    /**
     * A key as shown to people (screen pops, logs): a Chinese mobile number as its national form
     * with the middle four digits hidden ({@code 8613800138000} → {@code 138****8000}), the way
     * Chinese services show it; any other key with all but the last four digits hidden.
     */
    public static String mask(String key) {
        if (key == null) {
            return "";
        }
        if (key.length() == 13 && key.startsWith("861") && key.charAt(3) >= '3' && key.charAt(3) <= '9' && allDigits(key)) {
            return key.substring(2, 5) + "****" + key.substring(9);
        }
        return key.length() <= 4 ? key : "*".repeat(key.length() - 4) + key.substring(key.length() - 4);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

}
