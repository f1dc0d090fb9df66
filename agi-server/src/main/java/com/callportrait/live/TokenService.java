package com.callportrait.live;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks access tokens: {@code role.name.expiry.signature}, the signature an
 * HMAC-SHA256 of the first three parts with the server's secret ({@code CP_TOKEN_SECRET} or
 * {@code CP_TOKEN_SECRET_FILE}, at least 32 bytes). An agent token opens only that agent's page
 * and socket; a supervisor token opens {@code /supervisor} and {@code /api/calls}. Immutable and
 * thread-safe.
 */
public final class TokenService {
    /** Roles a token can carry. */
    public enum Role { AGENT, SUPERVISOR }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final byte[] secret;
    private final Clock clock;

    private TokenService(byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new ConfigException("the token secret must have at least 32 bytes");
        }
        this.secret = secret.clone();
        this.clock = clock;
    }

    public static TokenService of(byte[] secret, Clock clock) {
        return new TokenService(secret, clock);
    }

    /** A service with a random secret: tokens die with the process (demo, tests). */
    public static TokenService random(Clock clock) {
        byte[] s = new byte[32];
        new SecureRandom().nextBytes(s);
        return new TokenService(s, clock);
    }

    /**
     * The secret from {@code CP_TOKEN_SECRET} or the first line of the file named by
     * {@code CP_TOKEN_SECRET_FILE}, if either is set; a bad or short secret names its variable.
     */
    public static Optional<TokenService> from(Env env, Clock clock) {
        Optional<String> inline = env.string("CP_TOKEN_SECRET");
        if (inline.isPresent() && env.isSet("CP_TOKEN_SECRET_FILE")) {
            throw new ConfigException("set CP_TOKEN_SECRET or CP_TOKEN_SECRET_FILE, not both");
        }
        String variable = inline.isPresent() ? "CP_TOKEN_SECRET" : "CP_TOKEN_SECRET_FILE";
        Optional<String> v = inline.isPresent() ? inline : env.secretFile("CP_TOKEN_SECRET_FILE");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get().getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new ConfigException(variable, "must have at least 32 characters (use e.g. openssl rand -hex 32)");
        }
        return Optional.of(new TokenService(v.get().getBytes(StandardCharsets.UTF_8), clock));
    }


    /** A token for {@code name} in {@code role}, valid for {@code ttl}. */
    public String issue(Role role, String name, Duration ttl) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("token names use letters, digits, _ and - (max 64): " + name);
        }
        long exp = clock.instant().plus(ttl).getEpochSecond();
        String body = role.name().toLowerCase(java.util.Locale.ROOT) + "." + name + "." + exp;
        return body + "." + sign(body);
    }

    /** True when {@code token} is well-formed, correctly signed, unexpired and for this role and name. */
    public boolean verify(String token, Role role, String name) {
        if (token == null) {
            return false;
        }
        String[] p = token.split("\\.");
        if (p.length != 4 || !p[0].equals(role.name().toLowerCase(java.util.Locale.ROOT)) || !p[1].equals(name)) {
            return false;
        }
        String body = p[0] + "." + p[1] + "." + p[2];
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                p[3].getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            return Long.parseLong(p[2]) > clock.instant().getEpochSecond();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * How long a token that {@link #verify verifies} stays valid (zero once expired or when the
     * token is malformed). The screen-pop server closes a socket when its token runs out.
     */
    public Duration remaining(String token) {
        String[] p = token == null ? new String[0] : token.split("\\.");
        if (p.length != 4) {
            return Duration.ZERO;
        }
        try {
            Duration d = Duration.ofSeconds(Long.parseLong(p[2]) - clock.instant().getEpochSecond());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (NumberFormatException | ArithmeticException e) {
            return Duration.ZERO;
        }
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
