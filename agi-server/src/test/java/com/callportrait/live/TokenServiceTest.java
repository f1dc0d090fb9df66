package com.callportrait.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aTokenOpensOnlyItsOwnAgentAndRoleUntilItExpires() {
        TokenService t = TokenService.of(SECRET, NOW);
        String alice = t.issue(TokenService.Role.AGENT, "alice", Duration.ofHours(1));
        assertThat(t.verify(alice, TokenService.Role.AGENT, "alice")).isTrue();
        assertThat(t.verify(alice, TokenService.Role.AGENT, "bob")).isFalse();
        assertThat(t.verify(alice, TokenService.Role.SUPERVISOR, "alice")).isFalse();
        assertThat(TokenService.of(SECRET, Clock.offset(NOW, Duration.ofMinutes(61)))
                .verify(alice, TokenService.Role.AGENT, "alice")).isFalse();
        assertThat(TokenService.of("another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8), NOW)
                .verify(alice, TokenService.Role.AGENT, "alice")).isFalse();
        String[] p = alice.split("\\.");
        String longer = p[0] + "." + p[1] + "." + (Long.parseLong(p[2]) + 86400) + "." + p[3];
        assertThat(t.verify(longer, TokenService.Role.AGENT, "alice")).as("expiry is signed").isFalse();
        assertThat(t.verify(null, TokenService.Role.AGENT, "alice")).isFalse();
        assertThat(t.verify("garbage", TokenService.Role.AGENT, "alice")).isFalse();
    }

    @Test
    void checkSaysWhoATokenIsOrWhyItIsRefused() {
        TokenService t = TokenService.of(SECRET, NOW);
        String crm = t.issue(TokenService.Role.SERVICE, "crm", Duration.ofHours(1));
        TokenService.Check ok = t.check(crm);
        assertThat(ok.valid()).isTrue();
        assertThat(ok.grant().orElseThrow()).isEqualTo(new TokenService.Grant(TokenService.Role.SERVICE, "crm",
                NOW.instant().plus(Duration.ofHours(1))));
        assertThat(crm).startsWith("service.crm.");
        assertThat(t.check(null).verdict()).isEqualTo(TokenService.Verdict.MISSING);
        assertThat(t.check(" ").verdict()).isEqualTo(TokenService.Verdict.MISSING);
        assertThat(t.check("garbage").verdict()).isEqualTo(TokenService.Verdict.INVALID);
        assertThat(t.check(crm.substring(0, crm.length() - 1) + "x").verdict()).isEqualTo(TokenService.Verdict.INVALID);
        assertThat(TokenService.of(SECRET, Clock.offset(NOW, Duration.ofHours(2))).check(crm).verdict())
                .as("correctly signed, too old").isEqualTo(TokenService.Verdict.EXPIRED);
        assertThat(TokenService.of(SECRET, Clock.offset(NOW, Duration.ofHours(2))).check(crm).grant()).isEmpty();
    }

    @Test
    void theSecretComesFromTheEnvironmentAndMustBeLongEnough() {
        assertThat(TokenService.from(Env.empty(), NOW)).isEmpty();
        assertThatThrownBy(() -> TokenService.from(Env.of(Map.of("CP_TOKEN_SECRET", "short")), NOW))
                .isInstanceOf(ConfigException.class).hasMessageContaining("32").hasMessageStartingWith("CP_TOKEN_SECRET ");
        TokenService a = TokenService.from(Env.of(Map.of("CP_TOKEN_SECRET", new String(SECRET, StandardCharsets.UTF_8))), NOW)
                .orElseThrow();
        String s = a.issue(TokenService.Role.SUPERVISOR, "supervisor", Duration.ofHours(1));
        assertThat(TokenService.of(SECRET, NOW).verify(s, TokenService.Role.SUPERVISOR, "supervisor")).isTrue();
    }

    @Test
    void theSecretFileIsReadAndItsBadValuesNameIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("secret");
        java.nio.file.Files.writeString(file, new String(SECRET, StandardCharsets.UTF_8) + "\n");
        TokenService a = TokenService.from(Env.of(Map.of("CP_TOKEN_SECRET_FILE", file.toString())), NOW).orElseThrow();
        String s = a.issue(TokenService.Role.AGENT, "alice", Duration.ofHours(1));
        assertThat(TokenService.of(SECRET, NOW).verify(s, TokenService.Role.AGENT, "alice")).isTrue();
        java.nio.file.Files.writeString(file, "short\n");
        assertThatThrownBy(() -> TokenService.from(Env.of(Map.of("CP_TOKEN_SECRET_FILE", file.toString())), NOW))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("CP_TOKEN_SECRET_FILE ");
        assertThatThrownBy(() -> TokenService.from(Env.of(Map.of("CP_TOKEN_SECRET_FILE", dir.resolve("none").toString())), NOW))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("CP_TOKEN_SECRET_FILE ");
        assertThatThrownBy(() -> TokenService.from(Env.of(Map.of("CP_TOKEN_SECRET_FILE", file.toString(),
                "CP_TOKEN_SECRET", new String(SECRET, StandardCharsets.UTF_8))), NOW))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not both");
    }

    @Test
    void remainingIsTheSignedLifetimeLeftAndZeroForGarbage() {
        TokenService t = TokenService.of(SECRET, NOW);
        String alice = t.issue(TokenService.Role.AGENT, "alice", Duration.ofMinutes(30));
        assertThat(t.remaining(alice)).isEqualTo(Duration.ofMinutes(30));
        assertThat(TokenService.of(SECRET, Clock.offset(NOW, Duration.ofHours(1))).remaining(alice)).isZero();
        assertThat(t.remaining("garbage")).isZero();
        assertThat(t.remaining(null)).isZero();
        assertThat(t.remaining("agent.alice.notanumber.sig")).isZero();
    }
}
