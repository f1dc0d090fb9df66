package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped monitoring files ({@code monitoring/}): the alert rules pass {@code promtool check
 * rules} and their unit tests ({@code promtool test rules}), every alert says how bad and what it
 * means, and the Grafana dashboard reads only aggregatable latency (histogram buckets summed by
 * {@code le} over instances). Without promtool (Debian package {@code prometheus}) the promtool
 * checks are skipped with a message; the rest always runs.
 */
class MonitoringFilesTest {
    static final Path DIR = Path.of("..", "monitoring");
    static final Path RULES = DIR.resolve("callportrait-alerts.yml");
    static final Path RULE_TESTS = DIR.resolve("callportrait-alerts.test.yml");
    static final Path DASHBOARD = DIR.resolve("grafana-dashboard.json");

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        assumeTrue(onPath("promtool"), "promtool not installed (apt-get install prometheus): rule checks skipped");
        Result check = run("promtool", "check", "rules", RULES.getFileName().toString());
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 15 rules found");
        Result test = run("promtool", "test", "rules", RULE_TESTS.getFileName().toString());
        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertHasASeverityASummaryAndAnExpressionOnOurMetrics() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
        List<String> names = new ArrayList<>();
        for (JsonNode rule : rules.path("groups").get(0).path("rules")) {
            String name = rule.path("alert").asText();
            names.add(name);
            assertThat(rule.path("labels").path("severity").asText()).as(name).isIn("critical", "warning", "info");
            assertThat(rule.path("annotations").path("summary").asText()).as(name).isNotBlank();
            assertThat(metrics(rule.path("expr").asText())).as(name).isNotEmpty();
        }
        assertThat(names).doesNotHaveDuplicates().contains("CallPortraitDown", "CallPortraitFastAgiDown",
                "CallPortraitDependencyDown", "CallPortraitRoutedOnDefaults", "CallPortraitRecordsLost");
    }

    @Test
    void theDashboardReadsLatencyFromHistogramsSummedOverInstances() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("callportrait");
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asText());
            }
        }
        assertThat(exprs).hasSizeGreaterThan(20).allSatisfy(e -> assertThat(e).isNotBlank());
        List<String> quantiles = exprs.stream().filter(e -> e.contains("histogram_quantile")).toList();
        assertThat(quantiles).hasSizeGreaterThanOrEqualTo(6).allSatisfy(e -> assertThat(e)
                .containsPattern("histogram_quantile\\(0\\.\\d+, sum by \\(le\\) \\(rate\\(cp_[a-z_]+_seconds_bucket"));
        assertThat(String.join("\n", exprs)).contains("cp_health_status", "callportrait_build_info",
                "cp_route_lookup_duration_seconds_bucket", "cp_events_queued", "cp_ami_connected");
        assertThat(exprs).noneMatch(e -> e.contains("quantile=\""));
    }

    /** The CallPortrait metrics (and {@code up}) a PromQL expression reads. */
    static List<String> metrics(String expr) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\b(cp_[a-z0-9_]+|callportrait_[a-z0-9_]+|up)\\b").matcher(expr);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private record Result(int exit, String output) { }

    private static Result run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static boolean onPath(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
