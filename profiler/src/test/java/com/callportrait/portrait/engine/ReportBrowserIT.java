package com.callportrait.portrait.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.portrait.insights.ContactLog;
import com.callportrait.portrait.insights.Insights;
import com.callportrait.portrait.report.HtmlReport;
import com.callportrait.portrait.report.ReportStats;
import com.callportrait.profile.memory.InMemoryProfileStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The manager report rendered by a real headless Chromium: the page and its screenshot are
 * written to {@code target/report/} and {@code target/screenshots/portrait-report.png} (look at it).
 * Skipped (never failed) without a Chromium ({@code CP_CHROMIUM} or the Debian paths).
 */
class ReportBrowserIT {
    @Test
    void chromiumRendersEverySection() throws Exception {
        Path chromium = find();
        Assumptions.assumeTrue(chromium != null, "SKIPPED: no headless Chromium (set CP_CHROMIUM)");
        ReportStats stats = new ReportStats(EngineFixture.AS_OF);
        ContactLog log = new ContactLog(PortraitConfig.load().emotions());
        BatchBuild.Result r = new BatchBuild(PortraitConfig.load(), InMemoryProfileStore.create(), 50_000, 2)
                .run(List.of(new SyntheticSource(EngineFixture.DATA)), EngineFixture.AS_OF, EngineFixture.build().models(),
                        BuildListener.NONE, stats.andThen(log));
        Insights insights = Insights.compute(log, Insights.items(r.histories().all()), EngineFixture.AS_OF);
        String html = HtmlReport.render(new HtmlReport.Input(EngineFixture.AS_OF, r.summary(), r.models(),
                r.sample().values(), stats, Map.of(), insights));
        Path dir = Files.createDirectories(Path.of("target", "report"));
        Path page = dir.resolve("portrait-report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Path png = shots.resolve("portrait-report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Path profile = Files.createTempDirectory("cp-chromium");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--no-first-run", "--disable-background-networking", "--user-data-dir=" + profile,
                "--window-size=1200,6200", "--screenshot=" + png, page.toAbsolutePath().toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(Files.exists(png)).as("screenshot written: " + png).isTrue();
        byte[] b = Files.readAllBytes(png);
        assertThat(b[1]).isEqualTo((byte) 'P'); // PNG signature
        // a page of charts compresses far worse than a blank one (a blank 1200x6200 PNG is a few KB)
        assertThat(b.length).isGreaterThan(150_000);
        // the DOM as Chromium parsed it: every chart is a real SVG element
        Process dom = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + profile, "--dump-dom", page.toAbsolutePath().toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String parsed = new String(dom.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        dom.waitFor(60, TimeUnit.SECONDS);
        assertThat(parsed).contains("<h2>Demand heat</h2>", "<h2>Agent performance groups</h2>", "<polygon");
        assertThat(parsed.split("<svg", -1).length - 1).isEqualTo(html.split("<svg", -1).length - 1);
    }

    private static Path find() {
        String env = System.getenv("CP_CHROMIUM");
        for (String c : new String[] {env, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (c != null && Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }
}
