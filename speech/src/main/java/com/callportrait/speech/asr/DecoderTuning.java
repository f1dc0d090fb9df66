package com.callportrait.speech.asr;

import com.callportrait.common.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Vosk reads its decoder limits ({@code --max-active}, {@code --beam}) only from the model's
 * {@code conf/model.conf}. To override them without touching the model (which may be read-only,
 * or inside the jar), this builds a sibling directory under {@code <dataDir>/models/} whose
 * {@code conf/} is a patched copy and whose other entries are symbolic links to the model's.
 * Stateless; the directory is rewritten at each start-up.
 */
final class DecoderTuning {
    private DecoderTuning() {
    }

    static Path apply(Path model, AsrOptions options) {
        if (options.maxActive() == 0 && options.beam() == 0) {
            return model;
        }
        String suffix = (options.maxActive() > 0 ? "-ma" + options.maxActive() : "")
                + (options.beam() > 0 ? "-b" + String.format(Locale.ROOT, "%.1f", options.beam()) : "");
        Path tuned = options.dataDir().resolve("models").resolve(model.toAbsolutePath().normalize().getFileName()
                + suffix);
        try {
            Files.createDirectories(tuned.resolve("conf"));
            try (Stream<Path> entries = Files.list(model)) {
                for (Path p : entries.toList()) {
                    String name = p.getFileName().toString();
                    Path link = tuned.resolve(name);
                    if (!name.equals("conf") && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, p.toAbsolutePath().normalize());
                    }
                }
            }
            try (Stream<Path> entries = Files.list(model.resolve("conf"))) {
                for (Path p : entries.toList()) {
                    Files.copy(p, tuned.resolve("conf").resolve(p.getFileName().toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path conf = tuned.resolve("conf/model.conf");
            String text = Files.isRegularFile(conf) ? Files.readString(conf) : "";
            if (options.maxActive() > 0) {
                text = set(text, "--max-active", Integer.toString(options.maxActive()));
            }
            if (options.beam() > 0) {
                text = set(text, "--beam", String.format(Locale.ROOT, "%.2f", options.beam()));
            }
            Files.writeString(conf, text);
            return tuned;
        } catch (IOException | UnsupportedOperationException e) {
            throw new ConfigException("cannot prepare the tuned model directory " + tuned
                    + " (CP_ASR_MAX_ACTIVE / CP_ASR_BEAM need symbolic links): " + e.getMessage(), e);
        }
    }

    private static String set(String conf, String key, String value) {
        String line = key + "=" + value;
        if (conf.matches("(?s).*(^|\\n)" + key + "=[^\\n]*.*")) {
            return conf.replaceAll("(?m)^" + key + "=.*$", line);
        }
        return conf + (conf.isEmpty() || conf.endsWith("\n") ? "" : "\n") + line + "\n";
    }
}
