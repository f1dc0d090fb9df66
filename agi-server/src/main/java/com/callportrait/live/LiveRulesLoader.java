package com.callportrait.live;

import com.callportrait.common.config.ReloadingFile;
import com.callportrait.route.RulesException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads the live rules like the routing rules: YAML with snake_case keys, unknown keys are errors.
 * {@link #source} gives the rules in force ({@code CP_LIVE_RULES}, else the bundled ones), reloaded
 * on change by the one {@link ReloadingFile}. Stateless and thread-safe.
 */
public final class LiveRulesLoader {
    /** Classpath location of the bundled default live rules. */
    public static final String BUNDLED = "/live-rules.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LiveRulesLoader() {
    }

    /**
     * The live rules in force: from {@code file} (validated now: an invalid file fails start-up; the
     * caller polls it with {@link ReloadingFile#pollEvery}), else the bundled rules.
     */
    public static ReloadingFile<LiveRules> source(Optional<Path> file) {
        return file.map(f -> ReloadingFile.load("live rules", f, LiveRulesLoader::load))
                .orElseGet(() -> ReloadingFile.fixed("live rules", bundled()));
    }

    /**
     * As {@link #source(Optional)}, and every {@code intent} a rule names must be one of
     * {@code topics} (the live intent's taxonomy): a file naming another is invalid like any bad value.
     */
    public static ReloadingFile<LiveRules> source(Optional<Path> file, Collection<String> topics) {
        List<String> known = List.copyOf(topics);
        return file.map(f -> ReloadingFile.load("live rules", f, p -> checked(load(p), p.toString(), known)))
                .orElseGet(() -> ReloadingFile.fixed("live rules", checked(bundled(), "bundled " + BUNDLED, known)));
    }

    private static LiveRules checked(LiveRules rules, String origin, Collection<String> topics) {
        try {
            return rules.checkIntents(topics);
        } catch (IllegalArgumentException e) {
            throw new RulesException("invalid live rules " + origin + ": " + e.getMessage()
                    + " (add the topic to topics.yaml, CP_PORTRAIT_TOPICS, or change the rule)");
        }
    }

    /** The rules shipped in the jar. */
    public static LiveRules bundled() {
        try (InputStream in = LiveRulesLoader.class.getResourceAsStream(BUNDLED)) {
            return parse(in.readAllBytes(), "bundled " + BUNDLED);
        } catch (IOException | NullPointerException e) {
            throw new RulesException("cannot read bundled live rules " + BUNDLED + ": " + e);
        }
    }

    /** Rules from a file. */
    public static LiveRules load(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new RulesException("cannot read live rules " + file + ": " + e.getMessage(), e);
        }
    }

    static LiveRules parse(byte[] yaml, String origin) {
        try {
            LiveRules r = YAML.readValue(yaml, LiveRules.class);
            if (r == null) {
                throw new RulesException("live rules " + origin + " are empty");
            }
            return r;
        } catch (IOException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new RulesException("invalid live rules " + origin + ": " + c.getMessage(), e);
        }
    }
}
