package com.callportrait.common.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one reader of CallPortrait's settings. Every options type is built from an {@code Env} at
 * start-up; nothing else reads {@link System#getenv()}. Each read is typed and validated: an unset
 * or blank variable gives the stated default, a value that does not parse or is out of range
 * throws a {@link ConfigException} naming the variable, what it accepts and what it got. No read
 * ever falls back silently on a bad value.
 *
 * <p>Immutable and thread-safe (the variables are copied once at construction).
 */
public final class Env {
    /** The variable naming the directory of all local state (embedded Redis, spool, models, extracted speech model). */
    public static final String DATA_DIR = "CP_DATA_DIR";
    /** Where local state lives when {@value #DATA_DIR} is unset: {@code ./data} (relative to the working directory). */
    public static final Path DEFAULT_DATA_DIR = Path.of("./data");

    private static final Env EMPTY = new Env(Map.of());

    private final Map<String, String> vars;

    private Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    /** The process environment, copied once. The only call of {@link System#getenv()} in CallPortrait. */
    public static Env system() {
        return new Env(System.getenv());
    }

    /** The given variables (tests, embedded use). */
    public static Env of(Map<String, String> vars) {
        return new Env(Objects.requireNonNull(vars, "vars"));
    }

    /** No variables at all: every read gives its default. */
    public static Env empty() {
        return EMPTY;
    }

    /** A copy with {@code name} set to {@code value} (tests, or a command line option that wins over the environment). */
    public Env with(String name, String value) {
        java.util.HashMap<String, String> copy = new java.util.HashMap<>(vars);
        copy.put(name, value);
        return new Env(copy);
    }

    /** The variables as a map (read-only), for code that still takes a map. */
    public Map<String, String> asMap() {
        return vars;
    }

    /** The trimmed value, or empty when unset or blank. */
    public Optional<String> string(String name) {
        String v = vars.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** The trimmed value, or {@code def} when unset or blank. */
    public String string(String name, String def) {
        return string(name).orElse(def);
    }

    /** Whether the variable is set to something not blank. */
    public boolean isSet(String name) {
        return string(name).isPresent();
    }

    /** A whole number in [{@code min}, {@code max}]; {@code def} when unset. */
    public long longIn(String name, long def, long min, long max) {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return def;
        }
        long n;
        try {
            n = Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a whole number in [" + min + ", " + max + "], got '" + v.get() + "'");
        }
        if (n < min || n > max) {
            throw new ConfigException(name, "must be in [" + min + ", " + max + "], got " + n);
        }
        return n;
    }

    /** A whole number in [{@code min}, {@code max}]; {@code def} when unset. */
    public int intIn(String name, int def, int min, int max) {
        return (int) longIn(name, def, min, max);
    }

    /** A TCP port, 0 (any free port) to 65535. */
    public int port(String name, int def) {
        return intIn(name, def, 0, 65_535);
    }

    /** A decimal number in [{@code min}, {@code max}]; {@code def} when unset. */
    public double doubleIn(String name, double def, double min, double max) {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return def;
        }
        double d;
        try {
            d = Double.parseDouble(v.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a number in [" + min + ", " + max + "], got '" + v.get() + "'");
        }
        if (!(d >= min && d <= max)) {
            throw new ConfigException(name, "must be in [" + min + ", " + max + "], got " + v.get());
        }
        return d;
    }

    /** {@code true/false}, {@code yes/no}, {@code on/off} or {@code 1/0}; {@code def} when unset. */
    public boolean bool(String name, boolean def) {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return def;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(name, "must be true or false, got '" + v.get() + "'");
        };
    }

    /** A duration in whole milliseconds in [{@code minMs}, {@code maxMs}] (variables named {@code *_MS}). */
    public Duration millis(String name, Duration def, long minMs, long maxMs) {
        return Duration.ofMillis(longIn(name, def.toMillis(), minMs, maxMs));
    }

    /** A duration in whole seconds in [{@code minS}, {@code maxS}] (variables named {@code *_SECONDS}). */
    public Duration seconds(String name, Duration def, long minS, long maxS) {
        return Duration.ofSeconds(longIn(name, def.toSeconds(), minS, maxS));
    }

    /**
     * A duration as {@link Durations#parse} reads it ({@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h},
     * {@code 7d}, {@code PT10M}); at least {@code min}. {@code def} when unset.
     */
    public Duration duration(String name, Duration def, Duration min) {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return def;
        }
        Duration d = Durations.parse(v.get()).orElseThrow(() -> new ConfigException(name,
                "must be a duration such as 500ms, 30s, 10m, 2h or 7d, got '" + v.get() + "'"));
        if (d.compareTo(min) < 0) {
            throw new ConfigException(name, "must be at least " + min + ", got " + v.get());
        }
        return d;
    }

    /** One of the constants of {@code type}, case-insensitive; {@code def} when unset. */
    public <E extends Enum<E>> E oneOf(String name, E def, Class<E> type) {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return def;
        }
        try {
            return Enum.valueOf(type, v.get().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining("|"));
            throw new ConfigException(name, "must be one of " + allowed + ", got '" + v.get() + "'");
        }
    }

    /** A file system path; empty when unset. */
    public Optional<Path> path(String name) {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(v.get()));
        } catch (InvalidPathException e) {
            throw new ConfigException(name, "is not a usable path: '" + v.get() + "'");
        }
    }

    /** A file system path; {@code def} when unset. */
    public Path path(String name, Path def) {
        return path(name).orElse(def);
    }

    /**
     * The data directory ({@value #DATA_DIR}, default {@link #DEFAULT_DATA_DIR}). Every options type that keeps
     * local state reads it here, so there is one default and every path below it derives from one value.
     */
    public Path dataDir() {
        return path(DATA_DIR, DEFAULT_DATA_DIR);
    }

    /** A path that must name an existing regular file; empty when unset. */
    public Optional<Path> existingFile(String name) {
        Optional<Path> p = path(name);
        if (p.isPresent() && !Files.isRegularFile(p.get())) {
            throw new ConfigException(name, "names no readable file: " + p.get());
        }
        return p;
    }

    /** A URI whose scheme is one of {@code schemes}; empty when unset. */
    public Optional<URI> uri(String name, String... schemes) {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        URI u;
        try {
            u = new URI(v.get());
        } catch (URISyntaxException e) {
            // the input may carry a secret (user:password@): name the fault and its index, never the text
            throw new ConfigException(name, "is not a URI: " + e.getReason() + " at index " + e.getIndex());
        }
        if (schemes.length > 0 && (u.getScheme() == null
                || Arrays.stream(schemes).noneMatch(s -> s.equalsIgnoreCase(u.getScheme())))) {
            throw new ConfigException(name, "must start with " + String.join("://, ", schemes) + "://, got '"
                    + redactUserInfo(v.get()) + "'");
        }
        return Optional.of(u);
    }

    /** A comma-separated list, items trimmed, blanks dropped; empty when unset. */
    public List<String> list(String name) {
        return string(name).map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .toList()).orElse(List.of());
    }

    /** An IP address literal or {@code localhost} to bind a server to. */
    public String bindAddress(String name, String def) {
        String v = string(name, def);
        if (!(v.equals("localhost") || io.netty.util.NetUtil.isValidIpV4Address(v)
                || io.netty.util.NetUtil.isValidIpV6Address(v))) {
            throw new ConfigException(name, "must be an IP address or localhost, got '" + v + "'");
        }
        return v;
    }

    /**
     * A secret: the first line of the file named by {@code name} (a {@code *_FILE} variable), so secrets
     * never sit in the environment or in logs. Empty when unset; a missing or empty file stops start-up.
     */
    public Optional<String> secretFile(String name) {
        Optional<Path> p = path(name);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        try {
            String s = Files.readString(p.get(), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (s.isEmpty()) {
                throw new ConfigException(name, "names an empty file: " + p.get());
            }
            return Optional.of(s);
        } catch (IOException e) {
            throw new ConfigException(name, "names a file that cannot be read: " + p.get() + " (" + e.getMessage() + ")");
        }
    }


    private static String redactUserInfo(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }
}
