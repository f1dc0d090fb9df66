package com.callportrait.profile.redis;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import io.lettuce.core.RedisURI;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Redis: immutable and thread-safe, validated on construction, built once at start-up
 * by {@link #from(Env)} (or {@link #builder()} in code). Every field is a setting, so a bad value
 * fails with a {@link ConfigException} naming its variable.
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
 * <tr><td>{@code CP_REDIS_CONNECTIONS}</td><td>at least this many multiplexed connections (standalone
 *     only); there is always one per call-path event loop, see {@link RedisConnector}</td><td>1</td></tr>
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

    /** How long one command may take: a routing lookup must answer well inside the caller's ring. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);
    /** How long a TCP/TLS connect (and handshake) may take. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Commands buffered per connection while writing or reconnecting, before new ones are rejected. */
    public static final int DEFAULT_REQUEST_QUEUE = 10_000;
    /** One multiplexed connection: Lettuce pipelines every command over it. */
    public static final int DEFAULT_CONNECTIONS = 1;
    /** Cluster mode is off for a single node unless asked for. */
    public static final boolean DEFAULT_CLUSTER = false;

    /** The largest request queue accepted. */
    public static final int MAX_REQUEST_QUEUE = 1_000_000;
    /** The most multiplexed connections accepted. */
    public static final int MAX_CONNECTIONS = 64;
    /** The longest command or connect timeout accepted from the environment (ten minutes). */
    private static final long MAX_TIMEOUT_MS = 600_000;

    public RedisOptions {
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        if (nodes.isEmpty()) {
            throw new ConfigException("CP_REDIS_URI", "names no Redis node");
        }
        for (String node : nodes) {
            parseNode(node);
        }
        if (!cluster && nodes.size() > 1) {
            throw new ConfigException("CP_REDIS_CLUSTER", "is off but CP_REDIS_URI names " + nodes.size() + " nodes");
        }
        requirePositive("CP_REDIS_TIMEOUT_MS", commandTimeout);
        requirePositive("CP_REDIS_CONNECT_TIMEOUT_MS", connectTimeout);
        if (requestQueueSize < 1 || requestQueueSize > MAX_REQUEST_QUEUE) {
            throw new ConfigException("CP_REDIS_REQUEST_QUEUE", "must be 1.." + MAX_REQUEST_QUEUE + ", was " + requestQueueSize);
        }
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw new ConfigException("CP_REDIS_CONNECTIONS", "must be 1.." + MAX_CONNECTIONS + ", was " + connections);
        }
        if (tlsCa != null && !Files.isReadable(tlsCa)) {
            throw new ConfigException("CP_REDIS_TLS_CA", "is not a readable file: " + tlsCa);
        }
    }

    /** Options for one URI (or a comma-separated cluster list) with every other value at its default. */
    public static RedisOptions of(String uri) {
        return builder(uri).build();
    }

    /**
     * A builder for {@code uri}: one {@code redis://} or {@code rediss://} URI, or a comma-separated
     * list of cluster seed nodes (entries without a scheme inherit the first one's scheme and
     * credentials; several nodes turn cluster mode on).
     */
    public static Builder builder(String uri) {
        return new Builder(splitNodes(Objects.requireNonNull(uri, "uri")));
    }

    /**
     * Reads the {@code CP_REDIS_*} variables.
     *
     * @return empty when {@code CP_REDIS_URI} is unset or blank: the caller starts an embedded Redis
     * @throws ConfigException naming the variable when a value is invalid
     */
    public static Optional<RedisOptions> from(Env env) {
        Optional<String> spec = env.string("CP_REDIS_URI");
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        Builder b = builder(spec.get());
        b.cluster(b.nodes.size() > 1 || env.bool("CP_REDIS_CLUSTER", DEFAULT_CLUSTER));
        env.secretFile("CP_REDIS_PASSWORD_FILE").ifPresent(b::password);
        env.existingFile("CP_REDIS_TLS_CA").ifPresent(b::tlsCa);
        return Optional.of(b
                .commandTimeout(env.millis("CP_REDIS_TIMEOUT_MS", DEFAULT_COMMAND_TIMEOUT, 1, MAX_TIMEOUT_MS))
                .connectTimeout(env.millis("CP_REDIS_CONNECT_TIMEOUT_MS", DEFAULT_CONNECT_TIMEOUT, 1, MAX_TIMEOUT_MS))
                .requestQueueSize(env.intIn("CP_REDIS_REQUEST_QUEUE", DEFAULT_REQUEST_QUEUE, 1, MAX_REQUEST_QUEUE))
                .connections(env.intIn("CP_REDIS_CONNECTIONS", DEFAULT_CONNECTIONS, 1, MAX_CONNECTIONS))
                .build());
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
                throw new ConfigException("CP_REDIS_URI", "has an empty entry: '" + spec.replaceAll(":[^:@/]*@", ":***@") + "'");
            }
            if (!node.contains("://")) {
                if (scheme == null) {
                    throw new ConfigException("CP_REDIS_URI", "must start with redis:// or rediss://");
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
            throw new ConfigException("CP_REDIS_URI", "entries must start with redis:// or rediss://, got '"
                    + node.replaceFirst("://.*", "://...") + "'");
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(node);
        } catch (RuntimeException e) {
            throw new ConfigException("CP_REDIS_URI", "entry is not a valid Redis URI: " + e.getMessage());
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ConfigException("CP_REDIS_URI", "entry has no host");
        }
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            throw new ConfigException("CP_REDIS_URI", "entry has an invalid port: " + uri.getPort());
        }
        return uri;
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(name, "must be > 0, was " + d);
        }
    }

    /** Builds {@link RedisOptions}; every value not set keeps its default. Not thread-safe. */
    public static final class Builder {
        private final List<String> nodes;
        private boolean cluster;
        private String password;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int requestQueueSize = DEFAULT_REQUEST_QUEUE;
        private int connections = DEFAULT_CONNECTIONS;
        private Path tlsCa;

        private Builder(List<String> nodes) {
            this.nodes = nodes;
            this.cluster = nodes.size() > 1 || DEFAULT_CLUSTER;
        }

        /** Use the Redis Cluster client (on by itself for several nodes). */
        public Builder cluster(boolean cluster) {
            this.cluster = cluster;
            return this;
        }

        /** A password that overrides the URI's (read from a file, never from the environment). */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder requestQueueSize(int requestQueueSize) {
            this.requestQueueSize = requestQueueSize;
            return this;
        }

        public Builder connections(int connections) {
            this.connections = connections;
            return this;
        }

        /** A PEM file of CA certificates to trust for {@code rediss://}. */
        public Builder tlsCa(Path tlsCa) {
            this.tlsCa = tlsCa;
            return this;
        }

        /** @throws ConfigException naming the variable of a bad value */
        public RedisOptions build() {
            return new RedisOptions(nodes, cluster, password, commandTimeout, connectTimeout, requestQueueSize,
                    connections, tlsCa);
        }
    }
}
