package com.callportrait.profile;

import java.util.Map;
import java.util.Objects;

/**
 * The national numbering facts {@link PhoneNumbers} needs to turn what a caller, a CRM export or
 * Asterisk presents into one canonical key. Immutable and validated on construction.
 *
 * <p>Defaults ({@link #DEFAULT}): North American Numbering Plan — country code {@code 1}, ten
 * national digits, trunk prefix {@code 1}, international (exit) prefix {@code 011}. A UK call
 * centre would use {@code new PhoneOptions("44", 10, "0", "00")}.
 *
 * @param countryCode         the home country calling code, 1-3 digits, no leading zero
 * @param nationalLength      how many digits a full national number has without trunk prefix (4-14)
 * @param trunkPrefix         the digits dialled before a national number inside the country
 *                            ({@code 0} in most of Europe, {@code 1} in the NANP); may be empty
 * @param internationalPrefix the exit code dialled before a foreign country code at home
 *                            ({@code 011} in the NANP, {@code 00} in most countries); {@code 00}
 *                            and a leading {@code +} are always understood as well
 */
public record PhoneOptions(String countryCode, int nationalLength, String trunkPrefix, String internationalPrefix) {

    /** NANP: +1, ten national digits, trunk prefix 1, exit code 011. */
    public static final PhoneOptions DEFAULT = new PhoneOptions("1", 10, "1", "011");

    /** Environment variables read by {@link #fromEnv(Map)}. */
    public static final String ENV_COUNTRY_CODE = "CP_PHONE_COUNTRY_CODE";
    public static final String ENV_NATIONAL_LENGTH = "CP_PHONE_NATIONAL_LENGTH";
    public static final String ENV_TRUNK_PREFIX = "CP_PHONE_TRUNK_PREFIX";
    public static final String ENV_INTERNATIONAL_PREFIX = "CP_PHONE_INTERNATIONAL_PREFIX";

    public PhoneOptions {
        Objects.requireNonNull(countryCode, "countryCode");
        trunkPrefix = trunkPrefix == null ? "" : trunkPrefix;
        internationalPrefix = internationalPrefix == null || internationalPrefix.isEmpty() ? "00" : internationalPrefix;
        if (!countryCode.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("phone country code must be 1-3 digits without leading zero, was '" + countryCode + "'");
        }
        if (nationalLength < 4 || nationalLength + countryCode.length() > PhoneNumbers.MAX_E164_DIGITS) {
            throw new IllegalArgumentException("phone national length must be >= 4 and fit E.164 (15 digits) with the country code, was "
                    + nationalLength);
        }
        if (!trunkPrefix.matches("[0-9]{0,2}")) {
            throw new IllegalArgumentException("phone trunk prefix must be 0-2 digits, was '" + trunkPrefix + "'");
        }
        if (!internationalPrefix.matches("[0-9]{2,4}")) {
            throw new IllegalArgumentException("phone international prefix must be 2-4 digits, was '" + internationalPrefix + "'");
        }
    }

    /**
     * Reads {@code CP_PHONE_COUNTRY_CODE}, {@code CP_PHONE_NATIONAL_LENGTH}, {@code CP_PHONE_TRUNK_PREFIX}
     * and {@code CP_PHONE_INTERNATIONAL_PREFIX}; each missing one takes its {@link #DEFAULT} value
     * (except that a non-NANP country code defaults to trunk {@code 0} and exit {@code 00}).
     *
     * @throws IllegalArgumentException naming the variable when a value is invalid
     */
    public static PhoneOptions fromEnv(Map<String, String> env) {
        String cc = env.getOrDefault(ENV_COUNTRY_CODE, DEFAULT.countryCode()).trim();
        boolean nanp = "1".equals(cc);
        String lengthText = env.getOrDefault(ENV_NATIONAL_LENGTH, String.valueOf(DEFAULT.nationalLength())).trim();
        int length;
        try {
            length = Integer.parseInt(lengthText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV_NATIONAL_LENGTH + " must be a whole number, was '" + lengthText + "'", e);
        }
        String trunk = env.getOrDefault(ENV_TRUNK_PREFIX, nanp ? "1" : "0").trim();
        String exit = env.getOrDefault(ENV_INTERNATIONAL_PREFIX, nanp ? "011" : "00").trim();
        try {
            return new PhoneOptions(cc, length, trunk, exit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid CP_PHONE_* setting: " + e.getMessage(), e);
        }
    }
}
