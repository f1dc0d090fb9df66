package com.callportrait.cli;

import com.callportrait.portrait.engine.ModelRegistry;
import com.callportrait.portrait.engine.ModelVersion;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code profile models}: every model version with its gate decision, metrics and date. One
 * instance per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists every model version in the registry: date, gate decision, metrics, provenance.")
public final class ProfileModelsCommand extends AppCommand {
    @Option(names = "--models", paramLabel = "DIR", description = "model registry (default <CP_DATA_DIR>/models)")
    Path models;

    @Option(names = "--provenance", description = "also print each version's Tribuo provenance")
    boolean provenance;

    @Override
    public Integer call() {
        ModelRegistry registry = new ModelRegistry(models != null ? models : options().dataDir().resolve("models"), 0.0);
        if (registry.models().isEmpty()) {
            out().println("no models in " + registry.dir() + " (run 'profile build' first)");
            out().flush();
            return 0;
        }
        for (String name : registry.models()) {
            out().println(name + ":");
            out().printf(Locale.ROOT, "  %-4s %-22s %-9s %-10s %9s %9s  %s%n", "ver", "trained", "status", "gate",
                    "candidate", "incumbent", "metrics");
            for (ModelVersion v : registry.versions(name)) {
                StringBuilder m = new StringBuilder();
                new TreeMap<>(v.metrics()).forEach((k, x) -> m.append(k).append('=')
                        .append(String.format(Locale.ROOT, x == Math.rint(x) ? "%.0f" : "%.4f", x)).append(' '));
                out().printf(Locale.ROOT, "  v%-3d %-22s %-9s %-10s %9.4f %9s  %s%n", v.version(), v.createdAt(), v.status(),
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
