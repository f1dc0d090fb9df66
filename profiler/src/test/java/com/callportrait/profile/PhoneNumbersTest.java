package com.callportrait.profile;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTest {

    private static final PhoneOptions UK = PhoneOptions.of("GB");
    private static final PhoneOptions CN = PhoneOptions.of("CN");

    @ParameterizedTest
    @ValueSource(strings = {
            "+1 555 123 4567", "15551234567", "(555) 123-4567", "001 555 123 4567", "555.123.4567",
            "5551234567", "+15551234567", "1-555-123-4567", "011 1 555 123 4567", "  +1 (555) 123-4567  ",
            "tel:+1-555-123-4567", "sip:15551234567@pbx.example.com", "\"Jane Doe\" <+15551234567>", "555/123 4567"})
    void everyPresentationOfOneNanpNumberGivesOneKey(String raw) {
        assertThat(PhoneNumbers.normalise(raw)).contains("15551234567");
    }

    @Test
    void asteriskCallerIdFromTheRecordingIsKeptAsShortDigits() {
        // agi_callerid: 5551234 in /shared/asterisk-22/agi-session.log, and the AMI form with a name.
        assertThat(PhoneNumbers.normalise("5551234")).contains("5551234");
        assertThat(PhoneNumbers.normalise("\"Jane Doe\" <5551234>")).contains("5551234");
        assertThat(PhoneNumbers.normalise("555-1234")).contains("5551234");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "unknown", "UNKNOWN", "anonymous", "Anonymous", "<unknown>", "private",
            "Restricted", "unavailable", "\"Anonymous\" <anonymous>", "<>"})
    void noNumberMarkersAreEmpty(String raw) throws Exception {
        assertThat(PhoneNumbers.normalise(raw)).isEmpty();
        assertThat(PhoneNumbers.parse(raw, PhoneOptions.DEFAULT)).isEmpty();
    }

    @Test
    void extensionsStayAsDigits() {
        assertThat(PhoneNumbers.normalise("100")).contains("100");
        assertThat(PhoneNumbers.normalise("2001")).contains("2001");
    }

    @Test
    void foreignNumbersKeepTheirCountryCode() {
        assertThat(PhoneNumbers.normalise("+44 20 7946 0018")).contains("442079460018");
        assertThat(PhoneNumbers.normalise("0044 20 7946 0018")).contains("442079460018");
        assertThat(PhoneNumbers.normalise("011 44 20 7946 0018")).contains("442079460018");
        // A SIP trunk that drops the '+': longer than a national number, so already international.
        assertThat(PhoneNumbers.normalise("442079460018")).contains("442079460018");
        assertThat(PhoneNumbers.normalise("+86 138 0013 8000")).contains("8613800138000");
    }

    @Test
    void trunkPrefixIsReplacedByTheCountryCodeOutsideTheNanp() {
        assertThat(PhoneNumbers.normalise("020 7946 0018", UK)).contains("442079460018");
        assertThat(PhoneNumbers.normalise("07700 900123", UK)).contains("447700900123");
        assertThat(PhoneNumbers.normalise("7700 900123", UK)).contains("447700900123");
        assertThat(PhoneNumbers.normalise("+44 7700 900123", UK)).contains("447700900123");
        assertThat(PhoneNumbers.normalise("0044 7700 900123", UK)).contains("447700900123");
        assertThat(PhoneNumbers.normalise("+1 555 123 4567", UK)).contains("15551234567");
        assertThat(PhoneNumbers.normalise("2001", UK)).contains("2001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-800-FLOWERS", "555*1234", "#123", "12", "+0 555 123 4567", "+1234",
            "+1 555 123 4567 8901 23", "1234567890123456", "5551234++", "abc", "--", "()"})
    void invalidNumbersAreEmptyOnTheCallPathAndExplainedOnImport(String raw) {
        assertThat(PhoneNumbers.normalise(raw)).isEmpty();
        assertThatThrownBy(() -> PhoneNumbers.parse(raw, PhoneOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phone number");
    }

    @Test
    void reasonsNameTheProblem() {
        assertThatThrownBy(() -> PhoneNumbers.parse("555-CALL", PhoneOptions.DEFAULT)).hasMessageContaining("'C'");
        assertThatThrownBy(() -> PhoneNumbers.parse("12", PhoneOptions.DEFAULT)).hasMessageContaining("too short");
        assertThatThrownBy(() -> PhoneNumbers.parse("+1234567890123456", PhoneOptions.DEFAULT)).hasMessageContaining("16 digits");
    }

    @Test
    void canonicalFormIsAFixedPoint() {
        for (String raw : new String[] {"+1 555 123 4567", "5551234", "+44 20 7946 0018", "100"}) {
            String key = PhoneNumbers.normalise(raw).orElseThrow();
            assertThat(PhoneNumbers.normalise(key)).contains(key);
        }
    }

    @Test
    void optionsFromEnvironment() {
        assertThat(PhoneOptions.from(Env.of(Map.of()))).isEqualTo(PhoneOptions.DEFAULT);
        assertThat(PhoneOptions.DEFAULT.region()).isEqualTo("US");
        assertThat(PhoneOptions.from(Env.of(Map.of("CP_PHONE_REGION", "cn")))).isEqualTo(CN);
        assertThat(PhoneOptions.from(Env.of(Map.of("CP_PHONE_COUNTRY_CODE", "44")))).isEqualTo(UK);
        assertThat(PhoneOptions.from(Env.of(Map.of("CP_PHONE_COUNTRY_CODE", "86", "CP_PHONE_REGION", "CN")))).isEqualTo(CN);
        // settings files of earlier releases that agree with the region's numbering plan still start
        assertThat(PhoneOptions.from(Env.of(Map.of("CP_PHONE_COUNTRY_CODE", "49", "CP_PHONE_NATIONAL_LENGTH", "11",
                "CP_PHONE_TRUNK_PREFIX", "0")))).isEqualTo(PhoneOptions.of("DE"));
        assertThatThrownBy(() -> PhoneOptions.from(Env.of(Map.of("CP_PHONE_NATIONAL_LENGTH", "ten"))))
                .hasMessageContaining("CP_PHONE_NATIONAL_LENGTH");
        assertThatThrownBy(() -> PhoneOptions.from(Env.of(Map.of("CP_PHONE_COUNTRY_CODE", "+1"))))
                .hasMessageContaining("country code");
        assertThatThrownBy(() -> PhoneOptions.from(Env.of(Map.of("CP_PHONE_REGION", "XX"))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.variable()).contains("CP_PHONE_REGION"));
        assertThatThrownBy(() -> PhoneOptions.from(Env.of(Map.of("CP_PHONE_REGION", "CN", "CP_PHONE_COUNTRY_CODE", "44"))))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.variable()).contains("CP_PHONE_COUNTRY_CODE"));
        assertThatThrownBy(() -> PhoneOptions.from(Env.of(Map.of("CP_PHONE_REGION", "CN", "CP_PHONE_TRUNK_PREFIX", "1"))))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.variable()).contains("CP_PHONE_TRUNK_PREFIX"))
                .hasMessageContaining("national prefix '0'");
        assertThatThrownBy(() -> new PhoneOptions("ZZZ", "")).hasMessageContaining("region");
        assertThatThrownBy(() -> new PhoneOptions("US", "abc")).hasMessageContaining("international prefix");
    }

    @Test
    void emptyOptionalIsNotNull() {
        Optional<String> none = PhoneNumbers.normalise(null);
        assertThat(none).isNotNull().isEmpty();
    }

    @Test
    void optionsBuilderAndEnvironmentAgree() {
        assertThat(PhoneOptions.builder().build()).isEqualTo(PhoneOptions.DEFAULT);
        assertThat(PhoneOptions.builder().countryCode("44").build()).isEqualTo(UK);
        assertThat(UK.countryCode()).isEqualTo("44");
        // Italy has no national prefix: an empty trunk prefix (or none) agrees with its plan
        PhoneOptions italy = PhoneOptions.of("IT");
        assertThat(PhoneOptions.from(Env.of(Map.of("CP_PHONE_COUNTRY_CODE", "39", "CP_PHONE_TRUNK_PREFIX", ""))))
                .isEqualTo(italy);
        assertThat(PhoneOptions.from(Env.of(Map.of("CP_PHONE_COUNTRY_CODE", "39", "CP_PHONE_TRUNK_PREFIX", "none"))))
                .isEqualTo(italy);
        assertThat(PhoneNumbers.normalise("06 6988 0000", italy)).contains("390669880000");
        assertThatThrownBy(() -> PhoneOptions.from(Env.of(Map.of("CP_PHONE_TRUNK_PREFIX", "123"))))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.variable()).contains("CP_PHONE_TRUNK_PREFIX"));
        assertThatThrownBy(() -> PhoneOptions.from(Env.of(Map.of("CP_PHONE_INTERNATIONAL_PREFIX", "0"))))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.variable()).contains("CP_PHONE_INTERNATIONAL_PREFIX"));
        assertThatThrownBy(() -> PhoneOptions.from(Env.of(Map.of("CP_PHONE_COUNTRY_CODE", "999", "CP_PHONE_NATIONAL_LENGTH", "13"))))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.variable()).contains("CP_PHONE_NATIONAL_LENGTH"));
    }

    @Test
    void chineseNumbersGetTheirE164KeyAndExtensionsStay() {
        for (String raw : new String[] {"138 0013 8000", "13800138000", "+86 138-0013-8000", "0086 13800138000",
            "86 138 0013 8000", "tel:+8613800138000"}) {
            assertThat(PhoneNumbers.normalise(raw, CN)).as(raw).contains("8613800138000");
        }
        assertThat(PhoneNumbers.normalise("010 6552 9988", CN)).contains("861065529988");   // Beijing landline
        assertThat(PhoneNumbers.normalise("(0755) 8888 6666", CN)).contains("8675588886666"); // Shenzhen
        assertThat(PhoneNumbers.normalise("6552 9988", CN)).contains("65529988");   // local only: kept as said
        assertThat(PhoneNumbers.normalise("8001", CN)).contains("8001");            // extension
        assertThat(PhoneNumbers.normalise("10086", CN)).contains("10086");          // service number
        assertThat(PhoneNumbers.normalise("+1 555 123 4567", CN)).contains("15551234567");
        assertThat(PhoneNumbers.normalise("00 1 555 123 4567", CN)).contains("15551234567");
        assertThat(PhoneNumbers.normalise("8613800138000", CN)).contains("8613800138000"); // a key is a fixed point
    }

    @Test
    void aNationalPrefixSaidAfterTheCountryCodeIsDropped() {
        assertThat(PhoneNumbers.normalise("+44 (0)20 7946 0018")).contains("442079460018");
    }

    @Test
    void masksShowAChineseMobileTheChineseWayAndOthersByTheirLastFourDigits() {
        assertThat(PhoneNumbers.mask("8613812345678")).isEqualTo("138****5678");
        assertThat(PhoneNumbers.mask("15551234567")).isEqualTo("*******4567");
        assertThat(PhoneNumbers.mask("861065529988")).isEqualTo("********9988");
        assertThat(PhoneNumbers.mask("5551234")).isEqualTo("***1234");
        assertThat(PhoneNumbers.mask("100")).isEqualTo("100");
        assertThat(PhoneNumbers.mask("")).isEmpty();
    }
}
