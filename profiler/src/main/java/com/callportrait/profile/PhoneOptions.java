package com.callportrait.profile;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the call centre is: the region whose numbering plan {@link PhoneNumbers} uses to turn a
 * national number ({@code 020 7946 0018} in the UK, {@code 138 0013 8000} or
 * {@code 010 1234 5678} in China) into its E.164 key. The plan itself (country code, national
 * prefix, number lengths, the region's own exit code) comes from Google's libphonenumber metadata.
 * Immutable, thread-safe, validated on construction (an {@link IllegalArgumentException} for a bad
 * value given in code; {@link #from(Env)} turns it into a {@link ConfigException} naming the
 * variable).
 *
 * <p>Default ({@link #DEFAULT}): region {@code US}, the North American Numbering Plan, which is
 * what every earlier release assumed; keys already stored under it stay valid. A call centre in
 * China sets {@code CP_PHONE_REGION=CN}, in the UK {@code GB}.
 *
 * <table>
 * <caption>Environment</caption>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code CP_PHONE_REGION}</td><td>{@value #DEFAULT_REGION}</td><td>ISO 3166 region code
 *     ({@code US}, {@code CN}, {@code GB}, ...)</td></tr>
 * <tr><td>{@code CP_PHONE_COUNTRY_CODE}</td><td>unset</td><td>older way to say the region: its main
 *     region ({@code 1} = US, {@code 44} = GB, {@code 86} = CN); must agree with
 *     {@code CP_PHONE_REGION} when both are set</td></tr>
 * <tr><td>{@code CP_PHONE_INTERNATIONAL_PREFIX}</td><td>unset</td><td>an exit code to understand
 *     besides the region's own and {@code 00} (e.g. {@code 011} on a PBX outside the NANP)</td></tr>
 * <tr><td>{@code CP_PHONE_TRUNK_PREFIX}</td><td>unset</td><td>older setting, now read from the
 *     numbering plan: accepted when it agrees with the region's national prefix ({@code none} or
 *     empty for none), a start-up error otherwise</td></tr>
 * <tr><td>{@code CP_PHONE_NATIONAL_LENGTH}</td><td>unset</td><td>older setting, now read from the
 *     numbering plan: still checked to be a number of 4-14, otherwise unused</td></tr>
 * </table>
 *
 * @param region              ISO 3166-1 alpha-2 region libphonenumber knows, upper case
 * @param internationalPrefix an extra exit code understood before a country code (2-4 digits), or
 *                            empty for none; the region's own exit code, {@code 00} and {@code +}
 *                            are always understood
 */
public record PhoneOptions(String region, String internationalPrefix) {

    /** libphonenumber's shared, thread-safe instance (declared first: the constants below use it). */
    static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** The region of every earlier release: the NANP. */
    public static final String DEFAULT_REGION = "US";

    /** Region US, no extra exit code. */
    public static final PhoneOptions DEFAULT = new PhoneOptions(DEFAULT_REGION, "");

    /** Environment variables read by {@link #from(Env)}. */
    public static final String ENV_REGION = "CP_PHONE_REGION";
    public static final String ENV_COUNTRY_CODE = "CP_PHONE_COUNTRY_CODE";
    public static final String ENV_NATIONAL_LENGTH = "CP_PHONE_NATIONAL_LENGTH";
    public static final String ENV_TRUNK_PREFIX = "CP_PHONE_TRUNK_PREFIX";
    public static final String ENV_INTERNATIONAL_PREFIX = "CP_PHONE_INTERNATIONAL_PREFIX";

    public PhoneOptions {
        Objects.requireNonNull(region, "region");
        region = region.strip().toUpperCase(Locale.ROOT);
        internationalPrefix = internationalPrefix == null ? "" : internationalPrefix;
        checkRegion(region);
        if (!internationalPrefix.isEmpty()) {
            checkInternationalPrefix(internationalPrefix);
        }
    }

    /** The options for {@code region} ({@code CN}, {@code GB}, ...). */
    public static PhoneOptions of(String region) {
        return new PhoneOptions(region, "");
    }

    /** The region's country calling code, e.g. {@code 86} for CN. */
    public String countryCode() {
        return Integer.toString(UTIL.getCountryCodeForRegion(region));
    }

    /** A builder starting from {@link #DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the variables in the table above.
     *
     * @throws ConfigException naming the variable when a value is invalid or two disagree
     */
    public static PhoneOptions from(Env env) {
        Builder b = builder();
        String cc = env.string(ENV_COUNTRY_CODE).orElse(null);
        int length = env.intIn(ENV_NATIONAL_LENGTH, 10, 4, PhoneNumbers.MAX_E164_DIGITS - 1);
        if (cc != null && length + cc.length() > PhoneNumbers.MAX_E164_DIGITS) {
            throw new ConfigException(ENV_NATIONAL_LENGTH, "is invalid: " + length + " national digits with country code "
                    + cc + " do not fit E.164 (15 digits)");
        }
        if (cc != null) {
            named(ENV_COUNTRY_CODE, () -> b.countryCode(cc));
        }
        String region = env.string(ENV_REGION).orElse(null);
        if (region != null) {
            String fromCc = cc == null ? null : b.region;
            named(ENV_REGION, () -> b.region(region));
            if (fromCc != null && !fromCc.equals(b.region)
                    && UTIL.getCountryCodeForRegion(fromCc) != UTIL.getCountryCodeForRegion(b.region)) {
                throw new ConfigException(ENV_COUNTRY_CODE, "is " + cc + " but " + ENV_REGION + "=" + region
                        + " has country code " + UTIL.getCountryCodeForRegion(b.region) + "; set only " + ENV_REGION);
            }
        }
        if (env.asMap().containsKey(ENV_TRUNK_PREFIX)) {
            String trunk = env.string(ENV_TRUNK_PREFIX).orElse("");
            String want = trunk.equalsIgnoreCase("none") ? "" : trunk;
            String ndd = UTIL.getNddPrefixForRegion(b.region, true);
            String plan = ndd == null ? "" : ndd;
            if (!want.equals(plan)) {
                throw new ConfigException(ENV_TRUNK_PREFIX, "is '" + trunk + "' but the numbering plan of " + b.region
                        + " has " + (plan.isEmpty() ? "no national prefix" : "national prefix '" + plan + "'")
                        + "; remove it (the region's plan decides) or set " + ENV_REGION);
            }
        }
        env.string(ENV_INTERNATIONAL_PREFIX).ifPresent(exit -> named(ENV_INTERNATIONAL_PREFIX,
                () -> b.internationalPrefix(exit)));
        return named(ENV_REGION, b::build);
    }

    private static void checkRegion(String region) {
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("phone region must be an ISO 3166 region code libphonenumber knows"
                    + " (US, CN, GB, ...), was '" + region + "'");
        }
    }

    private static void checkInternationalPrefix(String internationalPrefix) {
        if (!internationalPrefix.matches("[0-9]{2,4}")) {
            throw new IllegalArgumentException("phone international prefix must be 2-4 digits, was '" + internationalPrefix + "'");
        }
    }

    /** Runs {@code check}, reporting its complaint as a bad value of {@code variable}. */
    private static <T> T named(String variable, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable, "is invalid: " + e.getMessage());
        }
    }

    /** Builds {@link PhoneOptions}. Not thread-safe. */
    public static final class Builder {
        private String region = DEFAULT_REGION;
        private String internationalPrefix = "";

        private Builder() {
        }

        public Builder region(String region) {
            String r = Objects.requireNonNull(region, "region").strip().toUpperCase(Locale.ROOT);
            checkRegion(r);
            this.region = r;
            return this;
        }

        /**
         * The main region of a country calling code ({@code 1} = US, {@code 44} = GB, {@code 86} =
         * CN), for settings written as a country code.
         */
        public Builder countryCode(String countryCode) {
            Objects.requireNonNull(countryCode, "countryCode");
            if (!countryCode.matches("[1-9][0-9]{0,2}")) {
                throw new IllegalArgumentException("phone country code must be 1-3 digits without leading zero, was '"
                        + countryCode + "'");
            }
            String r = UTIL.getRegionCodeForCountryCode(Integer.parseInt(countryCode));
            if (!UTIL.getSupportedRegions().contains(r)) {
                throw new IllegalArgumentException("phone country code " + countryCode + " belongs to no region");
            }
            this.region = r;
            return this;
        }

        public Builder internationalPrefix(String internationalPrefix) {
            String exit = internationalPrefix == null ? "" : internationalPrefix;
            if (!exit.isEmpty()) {
                checkInternationalPrefix(exit);
            }
            this.internationalPrefix = exit;
            return this;
        }

        /** @throws IllegalArgumentException when a value is invalid */
        public PhoneOptions build() {
            return new PhoneOptions(region, internationalPrefix);
        }
    }
}
