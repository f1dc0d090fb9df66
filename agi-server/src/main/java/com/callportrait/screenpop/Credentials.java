package com.callportrait.screenpop;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where a request carries its token, and the page cookie that keeps it out of URLs. A token is
 * read from, in this order: {@code Authorization: Bearer TOKEN} (integrations, scripts), the
 * {@value #COOKIE} cookie (the pages, after the first load: HttpOnly, so page scripts never see
 * it, and SameSite=Strict, so another site cannot make the browser send it), then the query
 * parameter {@code token} (the link an agent is given once; the page then drops it from the
 * address bar and history). Stateless; thread-safe.
 */
public final class Credentials {
    /** The page cookie's name. */
    public static final String COOKIE = "cp_token";

    private Credentials() {
    }

    /** Where a token was found. */
    public enum Source { HEADER, COOKIE, QUERY }

    /**
     * A token and where it came from.
     *
     * @param token  the token as sent
     * @param source where it was found
     */
    public record Presented(String token, Source source) {
    }

    /** The token {@code req} presents, if any. */
    public static Optional<Presented> of(HttpRequest req) {
        String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && !auth.substring(7).isBlank()) {
            return Optional.of(new Presented(auth.substring(7).trim(), Source.HEADER));
        }
        String cookies = req.headers().get(HttpHeaderNames.COOKIE);
        if (cookies != null) {
            for (Cookie c : ServerCookieDecoder.STRICT.decode(cookies)) {
                if (COOKIE.equals(c.name()) && !c.value().isBlank()) {
                    return Optional.of(new Presented(c.value(), Source.COOKIE));
                }
            }
        }
        List<String> q = new QueryStringDecoder(req.uri()).parameters().get("token");
        if (q != null && !q.isEmpty() && !q.get(0).isBlank()) {
            return Optional.of(new Presented(q.get(0), Source.QUERY));
        }
        return Optional.empty();
    }

    /** The token {@code req} presents, or null. */
    public static String token(HttpRequest req) {
        return of(req).map(Presented::token).orElse(null);
    }

    /**
     * A {@code Set-Cookie} value holding {@code token} for {@code maxAge}: HttpOnly, SameSite=Strict,
     * path {@code /}, and Secure when the page was reached over HTTPS (a TLS proxy in front says so
     * with {@code X-Forwarded-Proto: https}).
     */
    public static String cookie(String token, Duration maxAge, boolean secure) {
        DefaultCookie c = new DefaultCookie(COOKIE, token);
        c.setHttpOnly(true);
        c.setSameSite(io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite.Strict);
        c.setPath("/");
        c.setMaxAge(Math.max(0, maxAge.toSeconds()));
        c.setSecure(secure);
        return ServerCookieEncoder.STRICT.encode(c);
    }

    /** A {@code Set-Cookie} value that removes the page cookie (sign out). */
    public static String clearCookie(boolean secure) {
        return cookie("", Duration.ZERO, secure);
    }

    /** True when {@code req} came over HTTPS (directly or through a proxy saying so). */
    public static boolean secure(HttpRequest req) {
        return "https".equalsIgnoreCase(req.headers().get("X-Forwarded-Proto", ""));
    }
}
