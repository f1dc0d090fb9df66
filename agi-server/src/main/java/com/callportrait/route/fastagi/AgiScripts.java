package com.callportrait.route.fastagi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scripts a server answers, by name ({@code route}, later {@code survey}, ...). Immutable;
 * build with {@link #builder()}.
 */
public final class AgiScripts {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

    private final Map<String, AgiScript> scripts;

    private AgiScripts(Map<String, AgiScript> scripts) {
        this.scripts = Map.copyOf(scripts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The script registered under {@code name}. */
    public Optional<AgiScript> find(String name) {
        return Optional.ofNullable(scripts.get(name));
    }

    /** Names of the registered scripts. */
    public java.util.Set<String> names() {
        return scripts.keySet();
    }

    /** Collects scripts; not thread-safe. */
    public static final class Builder {
        private final Map<String, AgiScript> scripts = new LinkedHashMap<>();

        private Builder() {
        }

        /** Registers {@code script} for {@code agi://host/name}. */
        public Builder add(String name, AgiScript script) {
            if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
                throw new IllegalArgumentException("bad AGI script name: " + name);
            }
            if (scripts.putIfAbsent(name, Objects.requireNonNull(script, "script")) != null) {
                throw new IllegalArgumentException("AGI script registered twice: " + name);
            }
            return this;
        }

        public AgiScripts build() {
            return new AgiScripts(scripts);
        }
    }
}
