package com.callportrait.speech.audiosocket;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import com.callportrait.common.net.SourceAllowList;

/**
 * AudioSocket server settings, immutable and thread-safe, validated when built: by {@link #from(Env)}
 * at start-up, or by {@link #builder()} (tests, embedded use), whose defaults are the {@code DEFAULT_*}
 * constants.
 *
 * <p>Where the server listens is the embedding application's to say: the CallPortrait server takes
 * it from {@code CP_BIND_ADDRESS} and {@code CP_AUDIOSOCKET_PORT}, which it reads once beside its
 * other ports (so the ports can be checked against each other), and sets it here with
 * {@link #withHost} and {@link #withPort}.
 *
 * @param host       address to bind (default {@value #DEFAULT_HOST})
 * @param port       TCP port (default {@value #DEFAULT_PORT}; 0 picks a free port)
 * @param maxPayload largest frame payload accepted ({@code CP_AUDIOSOCKET_MAX_PAYLOAD}, default 8192
 *                   bytes: 20 ms at 192 kHz is 7680)
 * @param idleMs     a session with no frame for this long is ended ({@code CP_AUDIOSOCKET_IDLE_MS},
 *                   default 10000; Asterisk itself gives up after 2000 ms of silence both ways)
 * @param allow      source addresses allowed to connect ({@code CP_AUDIOSOCKET_ALLOW}, a comma list of
 *                   IPv4/IPv6 addresses and CIDR blocks; default any address, with a WARN at start-up)
 */
public record AudioSocketOptions(String host, int port, int maxPayload, int idleMs, SourceAllowList allow) {
    /** Every interface. */
    public static final String DEFAULT_HOST = "0.0.0.0";
    /** The port Asterisk's dialplan examples use. */
    public static final int DEFAULT_PORT = 9092;
    /** Largest frame payload: 20 ms at 192 kHz is 7680 bytes. */
    public static final int DEFAULT_MAX_PAYLOAD = 8192;
    /** A session silent this long is ended. */
    public static final int DEFAULT_IDLE_MS = 10_000;

    public AudioSocketOptions {
        if (host == null || host.isBlank()) {
            throw new ConfigException("CP_AUDIOSOCKET_HOST must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("CP_AUDIOSOCKET_PORT must be in [0, 65535], was " + port);
        }
        if (maxPayload < 320 || maxPayload > 0xFFFF) {
            throw new ConfigException("CP_AUDIOSOCKET_MAX_PAYLOAD must be in [320, 65535], was " + maxPayload);
        }
        if (idleMs < 500) {
            throw new ConfigException("CP_AUDIOSOCKET_IDLE_MS must be >= 500, was " + idleMs);
        }
        if (allow == null) {
            throw new ConfigException("CP_AUDIOSOCKET_ALLOW: no allow-list given");
        }
    }

    /** The defaults: {@link #DEFAULT_HOST}:{@link #DEFAULT_PORT}, any source. */
    public static AudioSocketOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads {@code CP_AUDIOSOCKET_MAX_PAYLOAD}, {@code _IDLE_MS} and {@code _ALLOW}; a bad value fails here, naming it. */
    public static AudioSocketOptions from(Env env) {
        return builder()
                .maxPayload(env.intIn("CP_AUDIOSOCKET_MAX_PAYLOAD", DEFAULT_MAX_PAYLOAD, 320, 0xFFFF))
                .idleMs(env.intIn("CP_AUDIOSOCKET_IDLE_MS", DEFAULT_IDLE_MS, 500, Integer.MAX_VALUE))
                .allow(SourceAllowList.from(env, "CP_AUDIOSOCKET_ALLOW"))
                .build();
    }


    public AudioSocketOptions withPort(int newPort) {
        return new AudioSocketOptions(host, newPort, maxPayload, idleMs, allow);
    }

    public AudioSocketOptions withHost(String newHost) {
        return new AudioSocketOptions(newHost, port, maxPayload, idleMs, allow);
    }

    /** A copy accepting connections only from {@code list}. */
    public AudioSocketOptions withAllow(SourceAllowList list) {
        return new AudioSocketOptions(host, port, maxPayload, idleMs, list);
    }

    /** Builds {@link AudioSocketOptions}; every setter's default is the matching {@code DEFAULT_*}. Not thread-safe. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int maxPayload = DEFAULT_MAX_PAYLOAD;
        private int idleMs = DEFAULT_IDLE_MS;
        private SourceAllowList allow = SourceAllowList.any();

        private Builder() {
        }

        public Builder host(String v) {
            host = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder maxPayload(int v) {
            maxPayload = v;
            return this;
        }

        public Builder idleMs(int v) {
            idleMs = v;
            return this;
        }

        public Builder allow(SourceAllowList v) {
            allow = v;
            return this;
        }

        /** The options; a bad value throws {@link ConfigException} naming its variable. */
        public AudioSocketOptions build() {
            return new AudioSocketOptions(host, port, maxPayload, idleMs, allow);
        }
    }
}
