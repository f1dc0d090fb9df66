package com.callportrait.profile;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.util.Objects;

/**
 * The national numbering facts {@link PhoneNumbers} needs to turn what a caller, a CRM export or
 * Asterisk presents into one canonical key. Immutable, thread-safe, validated on construction
 * (an {@link IllegalArgumentException} for a bad value given in code; {@link #from(Env)} turns it into
 * a {@link ConfigException} naming the variable).
 *
 * <p>Defaults ({@link #DEFAULT}): North American Numbering Plan — country code {@code 1}, ten
 * national digits, trunk prefix {@code 1}, international (exit) prefix {@code 011}. A UK call
 * centre would use {@code new PhoneOptions("44", 10, "0", "00")} or
 * {@code PhoneOptions.builder().countryCode("44").build()}.
 *
 * <table>
 * <caption>Environment</caption>
 * <tr><th>variable</th><th>default</th></tr>
 * <tr><td>{@code CP_PHONE_COUNTRY_CODE}</td><td>{@value #DEFAULT_COUNTRY_CODE}</td></tr>
 * <tr><td>{@code CP_PHONE_NATIONAL_LENGTH}</td><td>{@value #DEFAULT_NATIONAL_LENGTH}</td></tr>
 * <tr><td>{@code CP_PHONE_TRUNK_PREFIX}</td><td>{@code 1} in the NANP, else {@code 0}</td></tr>
 * <tr><td>{@code CP_PHONE_INTERNATIONAL_PREFIX}</td><td>{@code 011} in the NANP, else {@code 00}</td></tr>
 * </table>
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

    /** The NANP country code. */
    public static final String DEFAULT_COUNTRY_CODE = "1";
    /** Ten national digits, as in the NANP. */
    public static final int DEFAULT_NATIONAL_LENGTH = 10;
    /** The NANP trunk prefix; other countries default to {@link #DEFAULT_FOREIGN_TRUNK_PREFIX}. */
    public static final String DEFAULT_TRUNK_PREFIX = "1";
    /** The NANP exit code; other countries default to {@link #DEFAULT_FOREIGN_INTERNATIONAL_PREFIX}. */
    public static final String DEFAULT_INTERNATIONAL_PREFIX = "011";
    /** Trunk prefix of a country outside the NANP unless set: {@code 0}, as in most of the world. */
    public static final String DEFAULT_FOREIGN_TRUNK_PREFIX = "0";
    /** Exit code of a country outside the NANP unless set: {@code 00}, the ITU recommendation. */
    public static final String DEFAULT_FOREIGN_INTERNATIONAL_PREFIX = "00";

    /** NANP: +1, ten national digits, trunk prefix 1, exit code 011. */
    public static final PhoneOptions DEFAULT = new PhoneOptions(DEFAULT_COUNTRY_CODE, DEFAULT_NATIONAL_LENGTH,
            DEFAULT_TRUNK_PREFIX, DEFAULT_INTERNATIONAL_PREFIX);

    /** Environment variables read by {@link #from(Env)}. */
    public static final String ENV_COUNTRY_CODE = "CP_PHONE_COUNTRY_CODE";
    public static final String ENV_NATIONAL_LENGTH = "CP_PHONE_NATIONAL_LENGTH";
    public static final String ENV_TRUNK_PREFIX = "CP_PHONE_TRUNK_PREFIX";
    public static final String ENV_INTERNATIONAL_PREFIX = "CP_PHONE_INTERNATIONAL_PREFIX";

    public PhoneOptions {
        Objects.requireNonNull(countryCode, "countryCode");
        trunkPrefix = trunkPrefix == null ? "" : trunkPrefix;
        internationalPrefix = internationalPrefix == null || internationalPrefix.isEmpty()
                ? DEFAULT_FOREIGN_INTERNATIONAL_PREFIX : internationalPrefix;
        checkCountryCode(countryCode);
        checkNationalLength(countryCode, nationalLength);
        checkTrunkPrefix(trunkPrefix);
        checkInternationalPrefix(internationalPrefix);
    }

    /** A builder starting from {@link #DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code CP_PHONE_COUNTRY_CODE}, {@code CP_PHONE_NATIONAL_LENGTH}, {@code CP_PHONE_TRUNK_PREFIX}
     * and {@code CP_PHONE_INTERNATIONAL_PREFIX}; each unset one takes its default (a non-NANP country
     * code defaults to trunk {@code 0} and exit {@code 00}). {@code CP_PHONE_TRUNK_PREFIX} set but empty,
     * or {@code none}, means the country has no trunk prefix (Italy, Spain).
     *
     * @throws ConfigException naming the variable when a value is invalid
     */
    public static PhoneOptions from(Env env) {
        String cc = env.string(ENV_COUNTRY_CODE, DEFAULT_COUNTRY_CODE);
        named(ENV_COUNTRY_CODE, () -> checkCountryCode(cc));
        int length = env.intIn(ENV_NATIONAL_LENGTH, DEFAULT_NATIONAL_LENGTH, 4, PhoneNumbers.MAX_E164_DIGITS - 1);
        named(ENV_NATIONAL_LENGTH, () -> checkNationalLength(cc, length));
        Builder b = builder().countryCode(cc).nationalLength(length);
        String trunk = env.string(ENV_TRUNK_PREFIX).orElse(null);
        if ("none".equalsIgnoreCase(trunk) || (trunk == null && env.asMap().containsKey(ENV_TRUNK_PREFIX))) {
            // an empty value is a choice here (no trunk prefix), not "unset"
            trunk = "";
        }
        if (trunk != null) {
            String t = trunk;
            named(ENV_TRUNK_PREFIX, () -> checkTrunkPrefix(t));
            b.trunkPrefix(t);
        }
        env.string(ENV_INTERNATIONAL_PREFIX).ifPresent(exit -> {
            named(ENV_INTERNATIONAL_PREFIX, () -> checkInternationalPrefix(exit));
            b.internationalPrefix(exit);
        });
        return b.build();
    }

    private static void checkCountryCode(String countryCode) {
        if (!countryCode.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("phone country code must be 1-3 digits without leading zero, was '" + countryCode + "'");
        }
    }

    private static void checkNationalLength(String countryCode, int nationalLength) {
        if (nationalLength < 4 || nationalLength + countryCode.length() > PhoneNumbers.MAX_E164_DIGITS) {
            throw new IllegalArgumentException("phone national length must be >= 4 and fit E.164 (15 digits) with the country code, was "
                    + nationalLength);
        }
    }

    private static void checkTrunkPrefix(String trunkPrefix) {
        if (!trunkPrefix.matches("[0-9]{0,2}")) {
            throw new IllegalArgumentException("phone trunk prefix must be 0-2 digits, was '" + trunkPrefix + "'");
        }
    }

    private static void checkInternationalPrefix(String internationalPrefix) {
        if (!internationalPrefix.matches("[0-9]{2,4}")) {
            throw new IllegalArgumentException("phone international prefix must be 2-4 digits, was '" + internationalPrefix + "'");
        }
    }

    /** Runs {@code check}, reporting its complaint as a bad value of {@code variable}. */
    private static void named(String variable, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable, "is invalid: " + e.getMessage());
        }
    }

    /**
     * Builds {@link PhoneOptions}; trunk and exit prefixes left unset follow the country code (NANP or
     * not). Not thread-safe.
     */
    public static final class Builder {
        private String countryCode = DEFAULT_COUNTRY_CODE;
        private int nationalLength = DEFAULT_NATIONAL_LENGTH;
        private String trunkPrefix;
        private String internationalPrefix;

        private Builder() {
        }

        public Builder countryCode(String countryCode) {
            this.countryCode = Objects.requireNonNull(countryCode, "countryCode");
            return this;
        }

        public Builder nationalLength(int nationalLength) {
            this.nationalLength = nationalLength;
            return this;
        }

        public Builder trunkPrefix(String trunkPrefix) {
            this.trunkPrefix = trunkPrefix;
            return this;
        }

        public Builder internationalPrefix(String internationalPrefix) {
            this.internationalPrefix = internationalPrefix;
            return this;
        }

        /** @throws IllegalArgumentException when a value is invalid */
        public PhoneOptions build() {
            boolean nanp = DEFAULT_COUNTRY_CODE.equals(countryCode);
            return new PhoneOptions(countryCode, nationalLength,
                    trunkPrefix != null ? trunkPrefix : nanp ? DEFAULT_TRUNK_PREFIX : DEFAULT_FOREIGN_TRUNK_PREFIX,
                    internationalPrefix != null ? internationalPrefix
                            : nanp ? DEFAULT_INTERNATIONAL_PREFIX : DEFAULT_FOREIGN_INTERNATIONAL_PREFIX);
        }
    }
}
