package com.callportrait.portrait.semantic;

import com.callportrait.common.config.Env;
import com.callportrait.portrait.PortraitException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which analyst-editable YAML files the engine reads: each one is the file named by its variable
 * when set, else the copy bundled under {@code /portrait/}. A {@code null} path means "bundled".
 * Immutable and thread-safe; {@link #load(String, Path)} reads one file, and a broken file fails
 * loudly at start-up.
 *
 * <table>
 * <caption>Environment</caption>
 * <tr><th>variable</th><th>file it replaces</th></tr>
 * <tr><td>{@code CP_PORTRAIT_TOPICS}</td><td>{@code topics.yaml}</td></tr>
 * <tr><td>{@code CP_PORTRAIT_EMOTIONS}</td><td>{@code emotion-lexicon.yaml}</td></tr>
 * <tr><td>{@code CP_PORTRAIT_FEATURES}</td><td>{@code features.yaml}</td></tr>
 * <tr><td>{@code CP_PORTRAIT_SEGMENTS}</td><td>{@code segments.yaml}</td></tr>
 * </table>
 *
 * @param topics   topic rules, or null for the bundled {@code topics.yaml}
 * @param emotions fallback emotion lexicon, or null for the bundled {@code emotion-lexicon.yaml}
 * @param features feature rules, or null for the bundled {@code features.yaml}
 * @param segments segment naming, or null for the bundled {@code segments.yaml}
 */
public record ConfigFiles(Path topics, Path emotions, Path features, Path segments) {
    /** Every file bundled. */
    public static final ConfigFiles DEFAULT = new ConfigFiles(null, null, null, null);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A builder starting from {@link #DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The files named by {@code CP_PORTRAIT_TOPICS}, {@code CP_PORTRAIT_EMOTIONS},
     * {@code CP_PORTRAIT_FEATURES} and {@code CP_PORTRAIT_SEGMENTS}.
     *
     * @throws com.callportrait.common.config.ConfigException naming the variable when it names no file
     */
    public static ConfigFiles from(Env env) {
        return builder()
                .topics(env.existingFile("CP_PORTRAIT_TOPICS").orElse(null))
                .emotions(env.existingFile("CP_PORTRAIT_EMOTIONS").orElse(null))
                .features(env.existingFile("CP_PORTRAIT_FEATURES").orElse(null))
                .segments(env.existingFile("CP_PORTRAIT_SEGMENTS").orElse(null))
                .build();
    }

    /** Reads {@code override} when not null, else the bundled resource {@code /portrait/<name>}. */
    public static JsonNode load(String name, Path override) {
        try {
            if (override != null) {
                try (InputStream in = Files.newInputStream(override)) {
                    return YAML.readTree(in);
                }
            }
            try (InputStream in = ConfigFiles.class.getResourceAsStream("/portrait/" + name)) {
                if (in == null) {
                    throw new PortraitException("bundled config /portrait/" + name + " is missing");
                }
                return YAML.readTree(in);
            }
        } catch (IOException e) {
            throw new PortraitException("cannot read " + (override != null ? override : name) + ": " + e.getMessage(), e);
        }
    }

    /** Builds {@link ConfigFiles}; a file left unset is bundled. Not thread-safe. */
    public static final class Builder {
        private Path topics;
        private Path emotions;
        private Path features;
        private Path segments;

        private Builder() {
        }

        public Builder topics(Path file) {
            this.topics = file;
            return this;
        }

        public Builder emotions(Path file) {
            this.emotions = file;
            return this;
        }

        public Builder features(Path file) {
            this.features = file;
            return this;
        }

        public Builder segments(Path file) {
            this.segments = file;
            return this;
        }

        public ConfigFiles build() {
            return new ConfigFiles(topics, emotions, features, segments);
        }
    }
}
