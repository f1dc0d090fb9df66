package com.callportrait.cli;

import com.callportrait.portrait.engine.BatchBuild;
import com.callportrait.portrait.engine.ModelRegistry;
import com.callportrait.portrait.engine.ModelVersion;
import com.callportrait.portrait.insights.AssociationRules;
import com.callportrait.portrait.insights.ContactLog;
import com.callportrait.portrait.insights.Insights;
import com.callportrait.portrait.report.HtmlReport;
import com.callportrait.portrait.report.ReportStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code profile report}: a build (same sources as {@code profile build}) written as an HTML report
 * for managers. One instance per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Builds portraits from the same sources as 'profile build' and writes a self-contained HTML "
                + "report: demand heat, next week's call forecast, agent performance groups, association rules,"
                + " segments and centroids, tags, risk, model metrics over time, rising topics, agent outcomes.")
public final class ProfileReportCommand extends ProfileBuildCommand {
    @Option(names = "--out", defaultValue = "portrait-report.html", description = "HTML file (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--save", description = "also save the portraits to Redis")
    boolean save;

    @Override
    public Integer call() throws Exception {
        Instant at = effectiveAsOf();
        ReportStats stats = new ReportStats(at);
        ContactLog contacts = new ContactLog(settings().portrait().emotions());
        // the build streams: customers' attribute items are gathered as each one is finished
        Map<String, Set<String>> items = new ConcurrentHashMap<>();
        BatchBuild.Result r = runBuild(save, stats.andThen(contacts),
                batch -> batch.forEach(f -> items.put(f.history().customerId(),
                        AssociationRules.itemsOf(f.history().tier(), f.history().attributes()))));
        ModelRegistry registry = new ModelRegistry(models != null ? models : options().dataDir().resolve("models"), 0.0);
        Map<String, List<ModelVersion>> versions = new LinkedHashMap<>();
        for (String m : registry.models()) {
            versions.put(m, registry.versions(m));
        }
        String html = HtmlReport.render(new HtmlReport.Input(at, r.summary(),
                r.models(), r.sample().values(), stats, versions,
                Insights.compute(contacts, items, at)));
        Files.writeString(out, html, StandardCharsets.UTF_8);
        out().println("report written to " + out.toAbsolutePath());
        out().flush();
        return 0;
    }
}
