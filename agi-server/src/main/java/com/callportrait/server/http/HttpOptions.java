package com.callportrait.server.http;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import com.callportrait.common.net.SourceAllowList;
import java.util.Objects;

/**
 * Who can reach the HTTP server (pages, WebSockets, APIs, probes, metrics) and how hard token
 * guessing is made. Built once at start-up by {@link #from(Env)}; a bad value stops start-up with
 * a {@link ConfigException} naming the variable. Immutable and thread-safe.
 *
 * <table>
 * <caption>Environment variables</caption>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>CP_HTTP_BIND_ADDRESS</td><td>127.0.0.1</td><td>address the HTTP server listens on: only this
 *     host by default (a TLS reverse proxy in front, or Prometheus on the same host); set it to an
 *     interface address or 0.0.0.0 for agents' browsers to connect directly (then set CP_HTTP_ALLOW)</td></tr>
 * <tr><td>CP_HTTP_ALLOW</td><td>(unset: any address, WARN at start-up when not bound to loopback)</td>
 *     <td>comma list of IPv4/IPv6 addresses and CIDR blocks allowed to connect (agents' desks, the
 *     proxy, Prometheus); others are closed before a byte is read</td></tr>
 * <tr><td>CP_HTTP_AUTH_FAILURES</td><td>10</td><td>failed token checks allowed per source address and
 *     minute; past it the address gets 429 until the minute ends</td></tr>
 * </table>
 *
 * @param bindAddress      listening address
 * @param allow            source addresses accepted
 * @param failuresPerMinute failed token checks allowed per source and minute
 */
public record HttpOptions(String bindAddress, SourceAllowList allow, int failuresPerMinute) {
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_FAILURES_PER_MINUTE = 10;

    public HttpOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(allow, "allow");
        if (failuresPerMinute < 1) {
            throw new ConfigException("CP_HTTP_AUTH_FAILURES must be at least 1 (got " + failuresPerMinute + ")");
        }
    }

    public static HttpOptions from(Env env) {
        return new HttpOptions(env.bindAddress("CP_HTTP_BIND_ADDRESS", DEFAULT_BIND_ADDRESS),
                SourceAllowList.from(env, "CP_HTTP_ALLOW"),
                env.intIn("CP_HTTP_AUTH_FAILURES", DEFAULT_FAILURES_PER_MINUTE, 1, 1_000_000));
    }

    /** The defaults (as from an empty environment). */
    public static HttpOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().bindAddress(bindAddress).allow(allow).failuresPerMinute(failuresPerMinute);
    }

    /** True when only this host can connect (a loopback address). */
    public boolean loopbackOnly() {
        return bindAddress.startsWith("127.") || bindAddress.equals("::1") || bindAddress.equals("localhost");
    }

    /** Collects options; not thread-safe. */
    public static final class Builder {
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private SourceAllowList allow = SourceAllowList.any();
        private int failuresPerMinute = DEFAULT_FAILURES_PER_MINUTE;

        private Builder() {
        }

        public Builder bindAddress(String v) {
            bindAddress = v;
            return this;
        }

        public Builder allow(SourceAllowList v) {
            allow = v;
            return this;
        }

        public Builder failuresPerMinute(int v) {
            failuresPerMinute = v;
            return this;
        }

        public HttpOptions build() {
            return new HttpOptions(bindAddress, allow, failuresPerMinute);
        }
    }
}
