package com.callportrait.portrait.semantic;

import com.callportrait.portrait.PortraitException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads an analyst-editable YAML file: the path in an environment variable when set, else the copy
 * bundled under {@code /portrait/}. A broken file fails loudly at start-up.
 */
public final class ConfigFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigFiles() {
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

    /** The override path named by an environment variable, or {@code null}. */
    public static Path fromEnv(String variable) {
        String v = System.getenv(variable);
        return v == null || v.isBlank() ? null : Path.of(v);
    }
}
