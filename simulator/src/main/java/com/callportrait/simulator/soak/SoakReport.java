package com.callportrait.simulator.soak;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What a soak run measured, its verdicts, and how it is written: the time series as CSV and the
 * whole report as markdown (tables ready for RELIABILITY.md). Immutable.
 *
 * @param totals         whole-run figures, in print order (name → value)
 * @param records        the exact-once check of the interaction records
 * @param duplicateActions AMI live actions received more than once for the same call (action and
 *                       channel), listed
 * @param threadsBaseline live threads before the calls started
 * @param threadsAfter   live threads after the calls ended and the simulator stopped
 */
public record SoakReport(SoakOptions options, List<SoakSample> samples, Map<String, String> totals,
                         SoakRecords.Check records, List<String> duplicateActions, int threadsBaseline,
                         int threadsAfter, long failed) {

    /** A named pass/fail with the figure it was judged on. */
    public record Verdict(String name, boolean pass, String detail) {
    }

    public SoakReport {
        samples = List.copyOf(samples);
        totals = new LinkedHashMap<>(totals);
        duplicateActions = List.copyOf(duplicateActions);
    }

    /** Least-squares slope of the post-GC heap over the second half of the samples, in MB per minute. */
    public double heapSlopeMbPerMin() {
        List<SoakSample> half = secondHalf();
        List<double[]> pts = new ArrayList<>();
        half.stream().filter(s -> s.liveHeapMb() >= 0).forEach(s -> pts.add(new double[] {s.seconds(), s.liveHeapMb()}));
        if (pts.size() < 3) {
            pts.clear();
            half.forEach(s -> pts.add(new double[] {s.seconds(), s.heapAfterGcMb()}));
        }
        if (pts.size() < 2) {
            return Double.NaN;
        }
        double mx = pts.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = pts.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double num = 0;
        double den = 0;
        for (double[] p : pts) {
            num += (p[0] - mx) * (p[1] - my);
            den += (p[0] - mx) * (p[0] - mx);
        }
        return den == 0 ? 0 : num / den * 60;
    }

    /** Live threads max - min over the second half of the samples. */
    public int threadSpread() {
        List<SoakSample> half = secondHalf();
        return half.isEmpty() ? 0 : half.stream().mapToInt(SoakSample::threads).max().orElse(0)
                - half.stream().mapToInt(SoakSample::threads).min().orElse(0);
    }

    private List<SoakSample> secondHalf() {
        return samples.subList(samples.size() / 2, samples.size());
    }

    public List<Verdict> verdicts() {
        double slope = heapSlopeMbPerMin();
        return List.of(
                new Verdict("no failed calls", failed == 0, failed + " failed"),
                new Verdict("every completed call's record stored exactly once", records.exactlyOnce(),
                        records.expected() + " expected, " + records.missingCount() + " missing, "
                                + records.doubledCount() + " doubled"),
                new Verdict("no AMI action sent twice for a call", duplicateActions.isEmpty(),
                        duplicateActions.size() + " duplicated"),
                new Verdict("heap flat (post-GC slope, second half)", !(slope >= options.maxHeapSlopeMbPerMin()),
                        String.format(Locale.ROOT, "%.2f MB/min (bound %.1f)", slope, options.maxHeapSlopeMbPerMin())),
                new Verdict("threads flat (max - min, second half)", threadSpread() <= options.maxThreadSpread(),
                        threadSpread() + " (bound " + options.maxThreadSpread() + ")"),
                new Verdict("threads back to baseline after the run", threadsAfter <= threadsBaseline
                        + options.maxThreadSpread(), threadsAfter + " after, " + threadsBaseline + " before"));
    }

    public boolean passed() {
        return verdicts().stream().allMatch(Verdict::pass);
    }

    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(SoakSample.HEADER).get())) {
            for (SoakSample s : samples) {
                csv.printRecord(s.values());
            }
        }
    }

    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append("| figure | value |\n| --- | --- |\n");
        totals.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        b.append("\n| verdict | result | on |\n| --- | --- | --- |\n");
        for (Verdict v : verdicts()) {
            b.append("| ").append(v.name()).append(" | ").append(v.pass() ? "PASS" : "**FAIL**").append(" | ")
                    .append(v.detail()).append(" |\n");
        }
        if (!records.missing().isEmpty() || !records.doubled().isEmpty() || !duplicateActions.isEmpty()) {
            b.append("\nmissing: ").append(records.missing()).append("; doubled: ").append(records.doubled())
                    .append("; duplicate actions: ").append(duplicateActions).append('\n');
        }
        b.append("\n| s | started | completed | failed | up | AGI p50 / p99 ms | pop p50 / p99 ms | lag n | lag p50 / p95 ms"
                + " | heap after GC MB | live heap MB | committed MB | threads | FDs | Redis MB | AMI |\n");
        b.append("| ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (SoakSample s : samples) {
            b.append(String.format(Locale.ROOT, "| %.0f | %d | %d | %d | %d | %s / %s | %s / %s | %d | %s / %s | %.0f | %s | %.0f"
                            + " | %d | %d | %.1f | %s |%n", s.seconds(), s.started(), s.completed(), s.failed(),
                    s.concurrent(), f(s.agiP50Ms()), f(s.agiP99Ms()), f(s.popP50Ms()), f(s.popP99Ms()), s.lagN(),
                    f(s.lagP50Ms()), f(s.lagP95Ms()), s.heapAfterGcMb(), s.liveHeapMb() < 0 ? "" : f(s.liveHeapMb()),
                    s.heapCommittedMb(), s.threads(), s.openFds(), s.redisMb(), s.amiUp() == 1 ? "up" : "down"));
        }
        return b.toString();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, v < 10 ? "%.1f" : "%.0f", v);
    }
}
