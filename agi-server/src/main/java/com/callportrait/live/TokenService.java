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
 * {@code CP_TOKEN_SECRET_FILE}, at least 32 bytes). An agent token opens only that agent's page,
 * socket and calls; a supervisor token opens every call; a service token (an integration such as
 * a CRM or a wallboard, {@code token service NAME}) reads the APIs but opens no page. Which role
 * may use which HTTP path is the HTTP server's table; this class only says who a token is
 * ({@link #check}). Immutable and thread-safe.
 */
public final class TokenService {
    /** Roles a token can carry. */
    public enum Role {
        AGENT, SUPERVISOR, SERVICE;

        /** The lower-case name used in tokens and on the command line. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Who a valid token speaks for.
     *
     * @param role    the token's role
     * @param name    the agent id, {@code supervisor}, or the integration's name
     * @param expires when the token stops being accepted
     */
    public record Grant(Role role, String name, java.time.Instant expires) {
        public Grant {
            java.util.Objects.requireNonNull(role, "role");
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(expires, "expires");
        }
    }

    /** Why a token was not accepted, or {@link #VALID}. */
    public enum Verdict { VALID, MISSING, INVALID, EXPIRED }

    /**
     * The outcome of {@link #check}: a grant when {@code verdict} is {@link Verdict#VALID}.
     *
     * @param verdict valid, or why not
     * @param grant   who the token speaks for (present only when valid)
     */
    public record Check(Verdict verdict, Optional<Grant> grant) {
        static Check failed(Verdict v) {
            return new Check(v, Optional.empty());
        }

        public boolean valid() {
            return verdict == Verdict.VALID;
        }
    }

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
        String body = role.wireName() + "." + name + "." + exp;
        return body + "." + sign(body);
    }

    /**
     * Who {@code token} speaks for: {@link Verdict#MISSING} for null or blank, {@link Verdict#INVALID}
     * when malformed, forged or of an unknown role, {@link Verdict#EXPIRED} when correctly signed but
     * past its expiry. Constant-time signature comparison.
     */
    public Check check(String token) {
        if (token == null || token.isBlank()) {
            return Check.failed(Verdict.MISSING);
        }
        String[] p = token.split("\\.");
        if (p.length != 4) {
            return Check.failed(Verdict.INVALID);
        }
        String body = p[0] + "." + p[1] + "." + p[2];
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                p[3].getBytes(StandardCharsets.US_ASCII))) {
            return Check.failed(Verdict.INVALID);
        }
        Role role = null;
        for (Role r : Role.values()) {
            if (r.wireName().equals(p[0])) {
                role = r;
            }
        }
        long exp;
        try {
            exp = Long.parseLong(p[2]);
        } catch (NumberFormatException e) {
            return Check.failed(Verdict.INVALID);
        }
        if (role == null || !NAME.matcher(p[1]).matches()) {
            return Check.failed(Verdict.INVALID);
        }
        if (exp <= clock.instant().getEpochSecond()) {
            return Check.failed(Verdict.EXPIRED);
        }
        return new Check(Verdict.VALID, Optional.of(new Grant(role, p[1], java.time.Instant.ofEpochSecond(exp))));
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
