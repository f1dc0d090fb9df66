package com.callportrait.speech.audiosocket;

import static com.callportrait.speech.EnvValues.integer;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.net.SourceAllowList;
import java.util.Map;

/**
 * AudioSocket server settings, immutable, validated when built.
 *
 * @param host       address to bind ({@code CP_AUDIOSOCKET_HOST}, default {@code 0.0.0.0})
 * @param port       TCP port ({@code CP_AUDIOSOCKET_PORT}, default 9092; 0 picks a free port)
 * @param maxPayload largest frame payload accepted ({@code CP_AUDIOSOCKET_MAX_PAYLOAD}, default 8192
 *                   bytes: 20 ms at 192 kHz is 7680)
 * @param idleMs     a session with no frame for this long is ended ({@code CP_AUDIOSOCKET_IDLE_MS},
 *                   default 10000; Asterisk itself gives up after 2000 ms of silence both ways)
 * @param allow      source addresses allowed to connect ({@code CP_AUDIOSOCKET_ALLOW}, a comma list of
 *                   IPv4/IPv6 addresses and CIDR blocks; default any address, with a WARN at start-up)
 */
public record AudioSocketOptions(String host, int port, int maxPayload, int idleMs, SourceAllowList allow) {
    public static final int DEFAULT_PORT = 9092;

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

    public static AudioSocketOptions defaults() {
        return fromEnv(Map.of());
    }

    public static AudioSocketOptions fromEnv(Map<String, String> env) {
        return new AudioSocketOptions(env.getOrDefault("CP_AUDIOSOCKET_HOST", "0.0.0.0"),
                integer(env, "CP_AUDIOSOCKET_PORT", DEFAULT_PORT),
                integer(env, "CP_AUDIOSOCKET_MAX_PAYLOAD", 8192),
                integer(env, "CP_AUDIOSOCKET_IDLE_MS", 10_000),
                SourceAllowList.fromEnv(env, "CP_AUDIOSOCKET_ALLOW"));
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
}
