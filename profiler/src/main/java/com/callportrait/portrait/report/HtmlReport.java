package com.callportrait.portrait.report;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.Tag;
import com.callportrait.portrait.engine.BuildSummary;
import com.callportrait.portrait.engine.ModelBundle;
import com.callportrait.portrait.engine.ModelVersion;
import com.callportrait.portrait.insights.Insights;
import com.callportrait.portrait.segment.SegmentModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the managers' report as one self-contained HTML page (inline CSS and SVG, no script):
 * with insights, first demand heat, next week's call forecast, agent performance groups and
 * association rules ({@link InsightSections}); then segment sizes and centroids, tag distribution,
 * risk distribution, model metrics over versions, topics rising this week, per-agent outcomes.
 * Stateless and thread-safe.
 */
public final class HtmlReport {
    /**
     * Everything the report shows; {@code insights} may be null (no demand, forecast, agent group or
     * rule sections).
     */
    public record Input(Instant asOf, BuildSummary summary, ModelBundle models, Collection<CustomerProfile> portraits,
                        ReportStats stats, Map<String, List<ModelVersion>> versions, Insights insights) {
        /** Without insights. */
        public Input(Instant asOf, BuildSummary summary, ModelBundle models, Collection<CustomerProfile> portraits,
                     ReportStats stats, Map<String, List<ModelVersion>> versions) {
            this(asOf, summary, models, portraits, stats, versions, null);
        }
    }

    private HtmlReport() {
    }

    public static String render(Input in) {
        StringBuilder h = new StringBuilder(64_000);
        h.append("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>CallPortrait customer portrait report"
                + "</title><style>body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}"
                + "h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}"
                + "table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ddd;padding:3px 6px;"
                + "text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
                + ".note{color:#666;font-size:12px}.grid{display:flex;flex-wrap:wrap;gap:24px}</style></head><body>");
        h.append("<h1>Customer portrait report</h1><p class='note'>as of ").append(in.asOf()).append(" &middot; ")
                .append(String.format(Locale.ROOT, "%,d", in.summary().customers())).append(" customers &middot; ")
                .append(in.portraits().size() < in.summary().customers()
                        ? "tag and risk charts from a sample of " + in.portraits().size() + " portraits" : "all portraits")
                .append("</p>");
        if (in.insights() != null) {
            InsightSections.render(h, in.insights());
        }
        segments(h, in);
        tags(h, in);
        risk(h, in);
        OutlookSection.append(h, in);
        models(h, in);
        topics(h, in);
        agents(h, in);
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void segments(StringBuilder h, Input in) {
        h.append("<h2>Segments</h2>");
        List<Svg.Bar> bars = new ArrayList<>();
        in.summary().segments().forEach((k, v) -> bars.add(new Svg.Bar(k, v, pct(v, in.summary().customers()))));
        h.append(Svg.hbars(bars, 760, ""));
        SegmentModel s = in.models().segment();
        h.append(String.format(Locale.ROOT, "<p class='note'>Tribuo K-means, k=%d chosen by silhouette %s; centroids "
                + "below in the raw units of each input (z-score in brackets).</p>", s.k(), silhouettes(s)));
        h.append("<table><tr><th>input</th>");
        for (String n : s.names()) {
            h.append("<th>").append(Svg.esc(n)).append("</th>");
        }
        h.append("</tr>");
        for (int j = 0; j < s.inputs().size(); j++) {
            String input = s.inputs().get(j);
            int rawIndex = s.pre().names().indexOf(input);
            h.append("<tr><td>").append(Svg.esc(input)).append("</td>");
            for (int c = 0; c < s.k(); c++) {
                double z = s.centroids()[c][j];
                h.append(String.format(Locale.ROOT, "<td style='background:%s'>%s <span class='note'>(%+.1f)</span></td>",
                        heat(z), Svg.fmt(s.pre().unscale(rawIndex, z)), z));
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static String silhouettes(SegmentModel s) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(s.silhouettes()).forEach((k, v) -> b.append(b.length() == 0 ? "(" : ", ").append("k=").append(k)
                .append(": ").append(String.format(Locale.ROOT, "%.3f", v)));
        return b.append(b.length() == 0 ? "" : ")").toString();
    }

    private static String heat(double z) {
        double a = Math.min(1, Math.abs(z) / 2.5) * 0.45;
        return z >= 0 ? String.format(Locale.ROOT, "rgba(52,101,164,%.2f)", a)
                : String.format(Locale.ROOT, "rgba(245,121,0,%.2f)", a);
    }

    private static void tags(StringBuilder h, Input in) {
        h.append("<h2>Tag distribution</h2><div class='grid'>");
        Map<String, Map<String, Integer>> byFamily = new TreeMap<>();
        for (CustomerProfile p : in.portraits()) {
            for (Tag t : p.tags()) {
                byFamily.computeIfAbsent(t.family(), k -> new TreeMap<>()).merge(t.name(), 1, Integer::sum);
            }
        }
        int n = in.portraits().size();
        byFamily.forEach((family, counts) -> {
            List<Svg.Bar> bars = new ArrayList<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                    .forEach(e -> bars.add(new Svg.Bar(e.getKey(), e.getValue(), pct(e.getValue(), n))));
            h.append("<div><h3 style='font-size:14px'>").append(Svg.esc(family)).append("</h3>")
                    .append(Svg.hbars(bars, 520, "")).append("</div>");
        });
        h.append("</div>");
    }

    private static void risk(StringBuilder h, Input in) {
        h.append("<h2>Complaint risk distribution</h2>");
        int[] bins = new int[20];
        for (CustomerProfile p : in.portraits()) {
            bins[Math.min(19, (int) (p.complaintRisk() * 20))]++;
        }
        List<Svg.Bar> bars = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bars.add(new Svg.Bar(String.format(Locale.ROOT, "%.2f", i / 20.0), bins[i], null));
        }
        h.append(Svg.columns(bars, 760, 220));
        Map<String, Double> m = in.summary().riskMetrics();
        h.append(String.format(Locale.ROOT, "<p class='note'>Probability of a complaint within %d days (Tribuo logistic"
                + " regression, Platt-calibrated). Held-out window: AUC %.3f against %.3f for the baseline "
                + "&ldquo;complained before&rdquo;; Brier %.3f; %s customers, %.1f%% complained.</p>",
                in.models().risk().horizonDays(), m.getOrDefault("auc", Double.NaN),
                m.getOrDefault("auc_baseline", Double.NaN), m.getOrDefault("brier", Double.NaN),
                Svg.fmt(m.getOrDefault("n_heldout", Double.NaN)), 100 * m.getOrDefault("positive_rate_heldout", Double.NaN)));
    }

    private static void models(StringBuilder h, Input in) {
        h.append("<h2>Model metrics over versions</h2>");
        List<ModelVersion> risk = in.versions().getOrDefault("complaint_risk", List.of());
        List<ModelVersion> seg = in.versions().getOrDefault("segment", List.of());
        if (risk.isEmpty()) {
            h.append("<p class='note'>No registered versions yet.</p>");
            return;
        }
        List<String> x = new ArrayList<>();
        double[] auc = new double[risk.size()];
        double[] base = new double[risk.size()];
        double[] sil = new double[risk.size()];
        for (int i = 0; i < risk.size(); i++) {
            ModelVersion v = risk.get(i);
            x.add("v" + v.version() + (v.accepted() ? "" : " ✗"));
            auc[i] = v.candidate();
            base[i] = v.metrics().getOrDefault("auc_baseline", Double.NaN);
            sil[i] = i < seg.size() ? seg.get(i).candidate() : Double.NaN;
        }
        h.append(Svg.lines(x, List.of(new Svg.Series("risk AUC", "#3465a4", auc),
                new Svg.Series("baseline AUC", "#f57900", base), new Svg.Series("segment silhouette", "#73d216", sil)),
                760, 240, 0, 1));
        h.append("<table><tr><th>model</th><th>version</th><th>trained</th><th>status</th><th>gate metric</th>"
                + "<th>candidate</th><th>incumbent</th></tr>");
        List<ModelVersion> all = new ArrayList<>(risk);
        all.addAll(seg);
        all.sort(Comparator.comparing(ModelVersion::createdAt).thenComparing(ModelVersion::model));
        for (ModelVersion v : all) {
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td>"
                    + "<td>%.3f</td><td>%s</td></tr>", v.model(), v.version(), v.createdAt(), v.status(), v.gateMetric(),
                    v.candidate(), Double.isNaN(v.incumbent()) ? "–" : String.format(Locale.ROOT, "%.3f", v.incumbent())));
        }
        h.append("</table><p class='note'>✗ = refused by the evaluation gate (worse than the current model on the same"
                + " held-out customers).</p>");
    }

    private static void topics(StringBuilder h, Input in) {
        h.append("<h2>Topics rising this week</h2>");
        List<Svg.Bar> bars = new ArrayList<>();
        in.stats().topicWeeks().forEach((topic, w) -> {
            double before = 0;
            for (int i = 1; i < ReportStats.WEEKS; i++) {
                before += w[i];
            }
            before /= ReportStats.WEEKS - 1;
            double change = before == 0 ? (w[0] > 0 ? 100 : 0) : 100.0 * (w[0] - before) / before;
            bars.add(new Svg.Bar(topic, Math.max(0, change), String.format(Locale.ROOT,
                    "(%d this week vs %.0f/week before%s)", w[0], before, change < 0 ? ", falling" : "")));
        });
        bars.sort(Comparator.comparingDouble(Svg.Bar::value).reversed());
        h.append(Svg.hbars(bars, 900, "%"));
        h.append("<p class='note'>Change of the last 7 days against the mean of the 7 weeks before; topics from the"
                + " rules in topics.yaml.</p>");
    }

    private static void agents(StringBuilder h, Input in) {
        h.append("<h2>Agent outcomes</h2>");
        List<Map.Entry<String, ReportStats.Agent>> list = new ArrayList<>(in.stats().agents().entrySet());
        list.sort(Comparator.comparingDouble(e -> -e.getValue().resolutionRate()));
        List<Svg.Bar> bars = new ArrayList<>();
        for (var e : list.subList(0, Math.min(15, list.size()))) {
            bars.add(new Svg.Bar(e.getKey(), 100 * e.getValue().resolutionRate(), null));
        }
        h.append("<p class='note'>Resolution rate, best 15 agents:</p>").append(Svg.hbars(bars, 760, "%"));
        h.append("<table><tr><th>agent</th><th>contacts</th><th>resolution rate</th><th>satisfaction (1-5)</th>"
                + "<th>handling time (s)</th></tr>");
        for (var e : list) {
            ReportStats.Agent a = e.getValue();
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%,d</td><td>%.1f%%</td><td>%s</td><td>%s</td></tr>",
                    Svg.esc(e.getKey()), a.contacts(), 100 * a.resolutionRate(), Svg.fmt(a.satisfaction()),
                    Svg.fmt(a.handlingSec())));
        }
        h.append("</table>");
    }

    private static String pct(long v, long total) {
        return total == 0 ? "" : String.format(Locale.ROOT, "(%.1f%%)", 100.0 * v / total);
    }
}
