package com.callportrait.route;

import com.callportrait.common.config.ReloadingFile;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads routing rules from YAML (snake_case keys; unknown keys are errors, so a typo is caught
 * instead of silently ignored). Stateless and thread-safe.
 */
public final class RulesLoader {
    /** Classpath location of the bundled default rules. */
    public static final String BUNDLED = "/routing-rules.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private RulesLoader() {
    }

    /**
     * The rules in force: from {@code file} (validated now: an invalid file fails start-up; the
     * caller polls it with {@link ReloadingFile#pollEvery}), else the bundled rules.
     */
    public static ReloadingFile<RoutingRules> source(Optional<Path> file) {
        return file.map(f -> ReloadingFile.load("routing rules", f, RulesLoader::load))
                .orElseGet(() -> ReloadingFile.fixed("routing rules", bundled()));
    }

    /** The rules shipped in the jar. */
    public static RoutingRules bundled() {
        try (InputStream in = RulesLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new RulesException("bundled routing rules " + BUNDLED + " missing from the classpath");
            }
            return parse(in.readAllBytes(), "bundled " + BUNDLED);
        } catch (IOException e) {
            throw new RulesException("cannot read bundled routing rules: " + e.getMessage(), e);
        }
    }

    /** Rules from a file. */
    public static RoutingRules load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RulesException("cannot read routing rules " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes, file.toString());
    }

    /** Rules from YAML text; {@code origin} names the source in error messages. */
    public static RoutingRules parse(byte[] yaml, String origin) {
        try {
            RoutingRules rules = YAML.readValue(yaml, RoutingRules.class);
            if (rules == null) {
                throw new RulesException("routing rules " + origin + " are empty");
            }
            return rules;
        } catch (JsonMappingException e) {
            Throwable c = e.getCause();
            String why = c instanceof IllegalArgumentException || c instanceof NullPointerException
                    ? c.getMessage() : e.getOriginalMessage();
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new RulesException("invalid routing rules " + origin + where + ": " + why, e);
        } catch (IOException e) {
            throw new RulesException("invalid routing rules " + origin + ": " + e.getMessage(), e);
        }
    }
}
