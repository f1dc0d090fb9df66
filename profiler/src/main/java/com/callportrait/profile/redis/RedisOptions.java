package com.callportrait.profile.redis;

import io.lettuce.core.RedisURI;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Redis: immutable, validated on construction, built from the environment at
 * start-up. A bad value fails with an {@link IllegalArgumentException} naming the variable.
 *
 * <table>
 * <caption>Environment</caption>
 * <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@code CP_REDIS_URI}</td><td>{@code redis://[user:password@]host[:port][/db]},
 *     {@code rediss://...} for TLS, or a comma-separated list of cluster seed nodes
 *     ({@code redis://u:p@h1:7000,h2:7001,h3:7002}; entries without a scheme inherit the first
 *     one's scheme and credentials)</td><td>unset: start an embedded Redis</td></tr>
 * <tr><td>{@code CP_REDIS_CLUSTER}</td><td>{@code true} to use the cluster client with a single
 *     seed</td><td>{@code true} when the list has several nodes</td></tr>
 * <tr><td>{@code CP_REDIS_PASSWORD_FILE}</td><td>file whose first line is the password (overrides
 *     the URI's), so no secret appears in the environment</td><td>none</td></tr>
 * <tr><td>{@code CP_REDIS_TIMEOUT_MS}</td><td>command timeout</td><td>500</td></tr>
 * <tr><td>{@code CP_REDIS_CONNECT_TIMEOUT_MS}</td><td>TCP/TLS connect timeout</td><td>2000</td></tr>
 * <tr><td>{@code CP_REDIS_REQUEST_QUEUE}</td><td>commands buffered per connection before new ones
 *     are rejected</td><td>10000</td></tr>
 * <tr><td>{@code CP_REDIS_CONNECTIONS}</td><td>multiplexed connections used round-robin
 *     (standalone only)</td><td>1</td></tr>
 * <tr><td>{@code CP_REDIS_TLS_CA}</td><td>PEM file of CA certificates to trust for
 *     {@code rediss://}</td><td>the JVM trust store</td></tr>
 * </table>
 *
 * @param nodes            one (standalone) or more (cluster seed) node URIs, each with scheme
 * @param cluster          use the Redis Cluster client
 * @param password         password override read from {@code CP_REDIS_PASSWORD_FILE}, or null
 * @param commandTimeout   how long one command may take before its stage fails
 * @param connectTimeout   how long a connect may take
 * @param requestQueueSize commands buffered per connection (while writing or reconnecting)
 * @param connections      multiplexed connections (standalone)
 * @param tlsCa            CA bundle for TLS, or null
 */
public record RedisOptions(List<String> nodes, boolean cluster, String password, Duration commandTimeout,
                           Duration connectTimeout, int requestQueueSize, int connections, Path tlsCa) {

    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_REQUEST_QUEUE = 10_000;

    public RedisOptions {
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("CP_REDIS_URI names no Redis node");
        }
        for (String node : nodes) {
            parseNode(node);
        }
        if (!cluster && nodes.size() > 1) {
            throw new IllegalArgumentException("several Redis nodes given but cluster mode is off: " + nodes.size() + " nodes");
        }
        requirePositive("CP_REDIS_TIMEOUT_MS", commandTimeout);
        requirePositive("CP_REDIS_CONNECT_TIMEOUT_MS", connectTimeout);
        if (requestQueueSize < 1 || requestQueueSize > 1_000_000) {
            throw new IllegalArgumentException("CP_REDIS_REQUEST_QUEUE must be 1..1000000, was " + requestQueueSize);
        }
        if (connections < 1 || connections > 64) {
            throw new IllegalArgumentException("CP_REDIS_CONNECTIONS must be 1..64, was " + connections);
        }
        if (tlsCa != null && !Files.isReadable(tlsCa)) {
            throw new IllegalArgumentException("CP_REDIS_TLS_CA is not a readable file: " + tlsCa);
        }
    }

    /** Options for one URI (or a comma-separated cluster list) with every other value at its default. */
    public static RedisOptions of(String uri) {
        return fromEnv(Map.of("CP_REDIS_URI", uri)).orElseThrow();
    }

    /**
     * Reads the {@code CP_REDIS_*} variables.
     *
     * @return empty when {@code CP_REDIS_URI} is unset or blank: the caller starts an embedded Redis
     * @throws IllegalArgumentException naming the variable when a value is invalid
     */
    public static Optional<RedisOptions> fromEnv(Map<String, String> env) {
        String spec = env.get("CP_REDIS_URI");
        if (spec == null || spec.isBlank()) {
            return Optional.empty();
        }
        List<String> nodes = splitNodes(spec);
        boolean cluster = nodes.size() > 1 || parseBoolean("CP_REDIS_CLUSTER", env.get("CP_REDIS_CLUSTER"));
        String password = null;
        String passwordFile = env.get("CP_REDIS_PASSWORD_FILE");
        if (passwordFile != null && !passwordFile.isBlank()) {
            password = readPassword(Path.of(passwordFile.trim()));
        }
        String ca = env.get("CP_REDIS_TLS_CA");
        return Optional.of(new RedisOptions(nodes, cluster, password,
                Duration.ofMillis(parseInt("CP_REDIS_TIMEOUT_MS", env, (int) DEFAULT_COMMAND_TIMEOUT.toMillis())),
                Duration.ofMillis(parseInt("CP_REDIS_CONNECT_TIMEOUT_MS", env, (int) DEFAULT_CONNECT_TIMEOUT.toMillis())),
                parseInt("CP_REDIS_REQUEST_QUEUE", env, DEFAULT_REQUEST_QUEUE),
                parseInt("CP_REDIS_CONNECTIONS", env, 1),
                ca == null || ca.isBlank() ? null : Path.of(ca.trim())));
    }

    /** A copy with another command timeout (tests and benchmarks). */
    public RedisOptions withCommandTimeout(Duration timeout) {
        return new RedisOptions(nodes, cluster, password, timeout, connectTimeout, requestQueueSize, connections, tlsCa);
    }

    /** A copy with another number of multiplexed connections. */
    public RedisOptions withConnections(int n) {
        return new RedisOptions(nodes, cluster, password, commandTimeout, connectTimeout, requestQueueSize, n, tlsCa);
    }

    /** Fresh Lettuce URIs (RedisURI is mutable, so every call builds new ones) with handshake timeout and password applied. */
    public List<RedisURI> redisUris() {
        List<RedisURI> uris = new ArrayList<>(nodes.size());
        for (String node : nodes) {
            RedisURI uri = parseNode(node);
            // Lettuce uses the URI timeout for the connection handshake (AUTH, HELLO); commands get
            // commandTimeout from the client's TimeoutOptions (RedisConnector). A handshake on a busy
            // host may need more than a routing lookup is allowed, so it gets the connect timeout.
            uri.setTimeout(commandTimeout.compareTo(connectTimeout) > 0 ? commandTimeout : connectTimeout);
            if (password != null) {
                // "rediss://callportrait@host" with CP_REDIS_PASSWORD_FILE: the user info names the ACL
                // user. Lettuce alone would read a lone user info as a password (the pre-ACL form) and
                // authenticate as "default".
                String userInfo = userInfo(node);
                if (userInfo != null && !userInfo.isEmpty() && !userInfo.contains(":")) {
                    uri.setUsername(userInfo);
                    uri.setPassword(password.toCharArray());
                } else {
                    uri.setPassword(password.toCharArray());
                }
            }
            uris.add(uri);
        }
        return uris;
    }

    /** Whether a node URI itself carries a password ({@code redis://user:secret@host}). */
    public boolean passwordInUri() {
        return nodes.stream().anyMatch(n -> n.matches("^[a-z]+://[^@/]*:[^@/]*@.*"));
    }

    /** Whether the connection uses TLS ({@code rediss://}). */
    public boolean tls() {
        return nodes.get(0).startsWith("rediss://");
    }

    /** The nodes with passwords masked, for logs. */
    public String describe() {
        List<String> masked = new ArrayList<>();
        for (String node : nodes) {
            masked.add(node.replaceFirst("://([^:@/]*):[^@/]*@", "://$1:***@"));
        }
        return String.join(",", masked) + (cluster ? " (cluster)" : "");
    }

    @Override
    public String toString() {
        return "RedisOptions[" + describe() + ", commandTimeout=" + commandTimeout + ", connectTimeout=" + connectTimeout
                + ", requestQueueSize=" + requestQueueSize + ", connections=" + connections
                + (password != null ? ", password=***" : "") + (tlsCa != null ? ", tlsCa=" + tlsCa : "") + "]";
    }

    /** The user info of {@code scheme://userinfo@host...}, or null. */
    private static String userInfo(String node) {
        int from = node.indexOf("://") + 3;
        int slash = node.indexOf('/', from);
        String authority = slash < 0 ? node.substring(from) : node.substring(from, slash);
        int at = authority.lastIndexOf('@');
        return at < 0 ? null : authority.substring(0, at);
    }

    private static List<String> splitNodes(String spec) {
        List<String> nodes = new ArrayList<>();
        String scheme = null;
        String credentials = "";
        for (String part : spec.split(",")) {
            String node = part.trim();
            if (node.isEmpty()) {
                throw new IllegalArgumentException("CP_REDIS_URI has an empty entry: '" + spec.replaceAll(":[^:@/]*@", ":***@") + "'");
            }
            if (!node.contains("://")) {
                if (scheme == null) {
                    throw new IllegalArgumentException("CP_REDIS_URI must start with redis:// or rediss://");
                }
                node = scheme + "://" + credentials + node;
            } else if (scheme == null) {
                scheme = node.substring(0, node.indexOf("://"));
                int at = node.lastIndexOf('@');
                credentials = at >= 0 ? node.substring(node.indexOf("://") + 3, at + 1) : "";
            }
            nodes.add(node);
        }
        return nodes;
    }

    private static RedisURI parseNode(String node) {
        if (!node.startsWith("redis://") && !node.startsWith("rediss://")) {
            throw new IllegalArgumentException("CP_REDIS_URI entries must start with redis:// or rediss://, got '"
                    + node.replaceFirst("://.*", "://...") + "'");
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(node);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("CP_REDIS_URI entry is not a valid Redis URI: " + e.getMessage(), e);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("CP_REDIS_URI entry has no host");
        }
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("CP_REDIS_URI entry has an invalid port: " + uri.getPort());
        }
        return uri;
    }

    private static String readPassword(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                throw new IllegalArgumentException("CP_REDIS_PASSWORD_FILE is empty: " + file);
            }
            return lines.get(0).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("CP_REDIS_PASSWORD_FILE cannot be read: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static int parseInt(String name, Map<String, String> env, int dflt) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'", e);
        }
    }

    private static boolean parseBoolean(String name, String v) {
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + v + "'");
        };
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + d);
        }
    }
}
