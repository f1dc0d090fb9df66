package com.callportrait.cli;

import com.callportrait.portrait.engine.ModelRegistry;
import com.callportrait.portrait.engine.ModelVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code profile models}: every model version with its gate decision, metrics and date. One
 * instance per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists every model version in the registry: date, source, gate decision, metrics, provenance.")
public final class ProfileModelsCommand extends AppCommand {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    @Option(names = "--models", paramLabel = "DIR", description = "model registry (default <CP_DATA_DIR>/models)")
    Path models;

    @Option(names = "--provenance", description = "also print each version's Tribuo provenance")
    boolean provenance;

    @Option(names = "--json", description = "print every version as JSON: source (live-records or batch), data window,"
            + " counts, metrics, gate decision and Tribuo's JSON provenance")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ModelRegistry registry = new ModelRegistry(models != null ? models : options().dataDir().resolve("models"), 0.0);
        if (json) {
            // {"registry": dir, "models": {name: [version, ...]}}, oldest version first
            Map<String, List<ModelVersion>> all = new LinkedHashMap<>();
            for (String name : registry.models()) {
                all.put(name, registry.versions(name));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("registry", registry.dir().toAbsolutePath().toString());
            doc.put("models", all);
            out().println(JSON.writeValueAsString(doc));
            out().flush();
            return 0;
        }
        if (registry.models().isEmpty()) {
            out().println("no models in " + registry.dir() + " (run 'profile build' first)");
            out().flush();
            return 0;
        }
        for (String name : registry.models()) {
            out().println(name + ":");
            out().printf(Locale.ROOT, "  %-4s %-22s %-12s %-9s %-10s %9s %9s  %s%n", "ver", "trained", "source", "status",
                    "gate", "candidate", "incumbent", "metrics");
            for (ModelVersion v : registry.versions(name)) {
                StringBuilder m = new StringBuilder();
                new TreeMap<>(v.metrics()).forEach((k, x) -> m.append(k).append('=')
                        .append(String.format(Locale.ROOT, x == Math.rint(x) ? "%.0f" : "%.4f", x)).append(' '));
                out().printf(Locale.ROOT, "  v%-3d %-22s %-12s %-9s %-10s %9.4f %9s  %s%n", v.version(), v.createdAt(),
                        v.source(), v.status(),
                        v.gateMetric(), v.candidate(), Double.isNaN(v.incumbent()) ? "-"
                                : String.format(Locale.ROOT, "%.4f", v.incumbent()), m.toString().trim());
                if (provenance) {
                    out().println("      " + v.provenance().replace("\n", "\n      "));
                }
            }
        }
        out().flush();
        return 0;
    }
}
