package com.callportrait.profile;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule that turns any presentation of a phone number into the canonical key under which
 * profiles are stored and looked up. Stateless and thread-safe.
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
 *   <li><b>International.</b> A leading {@code +}, {@code 00}, or the configured exit code
 *       ({@code 011} by default) followed by at least seven digits: the rest is the number with its
 *       country code.</li>
 *   <li><b>Trunk prefix.</b> Trunk prefix plus a full national number ({@code 1} + 10 digits in the
 *       NANP, {@code 0} + national digits elsewhere): the trunk prefix is replaced by the country
 *       code.</li>
 *   <li><b>National.</b> Exactly the national length: the country code is prepended.</li>
 *   <li><b>Short.</b> Fewer digits than a national number (3 or more): extensions and local
 *       numbers such as the {@code 5551234} of a PBX caller are kept as their digits, unchanged.
 *       They cannot be expanded safely (the area code is unknown), so a customer who calls from a
 *       local number must have that short form among their phones.</li>
 *   <li><b>Longer.</b> More digits than a national number and no prefix: taken as already carrying
 *       a country code (SIP trunks often drop the {@code +}).</li>
 * </ol>
 * The canonical form is E.164 digits without the {@code +} ({@code 15551234567}), or the short
 * digits. International results must have 7-15 digits and must not start with {@code 0}.
 *
 * <p>With the NANP defaults, {@code +1 555 123 4567}, {@code 15551234567}, {@code (555) 123-4567},
 * {@code 555.123.4567}, {@code 001 555 123 4567} and {@code 011 1 555 123 4567} all give
 * {@code 15551234567}.
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
            if (d.startsWith(exit) && d.length() >= exit.length() + MIN_INTERNATIONAL_DIGITS) {
                return international(d.substring(exit.length()), raw);
            }
        }
        String trunk = o.trunkPrefix();
        int national = o.nationalLength();
        if (!trunk.isEmpty() && d.length() == trunk.length() + national && d.startsWith(trunk)) {
            return o.countryCode() + d.substring(trunk.length());
        }
        if (d.length() == national) {
            return o.countryCode() + d;
        }
        if (d.length() < national) {
            if (d.length() < MIN_SHORT_DIGITS) {
                throw new IllegalArgumentException("phone number '" + raw.strip() + "' is too short (" + d.length()
                        + " digits, at least " + MIN_SHORT_DIGITS + ")");
            }
            return d;
        }
        return international(d, raw);
    }

    private static String international(String d, String raw) {
        if (d.startsWith("0")) {
            throw new IllegalArgumentException("phone number '" + raw.strip() + "': a country code cannot start with 0");
        }
        if (d.length() < MIN_INTERNATIONAL_DIGITS || d.length() > MAX_E164_DIGITS) {
            throw new IllegalArgumentException("phone number '" + raw.strip() + "' has " + d.length()
                    + " digits; an international number has " + MIN_INTERNATIONAL_DIGITS + "-" + MAX_E164_DIGITS);
        }
        return d;
    }
}
