package com.callportrait.portrait.report;

import com.callportrait.portrait.insights.AgentFeatures;
import com.callportrait.portrait.insights.AgentGroups;
import com.callportrait.portrait.insights.AssociationRules;
import com.callportrait.portrait.insights.DemandHeat;
import com.callportrait.portrait.insights.HourlyForecast;
import com.callportrait.portrait.insights.Insights;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report sections of the {@link Insights}: demand heat (volume and change bars, topic x day
 * heat map), the call forecast for next week (line with band), agent performance groups (scatter,
 * centroid columns, table) and association rules (table with lift bars). Stateless, thread-safe.
 */
final class InsightSections {
    static final String[] GROUP_COLOURS = {"#4e9a06", "#3465a4", "#cc0000"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private InsightSections() {
    }

    static void render(StringBuilder h, Insights in) {
        demand(h, in);
        forecast(h, in);
        groups(h, in);
        rules(h, in);
    }

    private static void demand(StringBuilder h, Insights in) {
        DemandHeat.Heat heat = in.heat();
        h.append("<h2>Demand heat</h2><div class='grid'><div><p class='note'>Contacts per topic, last 7 days</p>");
        List<Svg.Bar> bars = new ArrayList<>();
        for (DemandHeat.TopicHeat t : heat.byVolume()) {
            bars.add(new Svg.Bar(t.topic(), t.lastWeek(), Double.isNaN(t.weekChange()) ? null
                    : String.format(Locale.ROOT, "(%+.0f%%)", 100 * t.weekChange())));
        }
        h.append(Svg.hbars(bars, 520, ""));
        h.append("</div><div><p class='note'>Change in %: last day vs the same weekday a week earlier, last 7 days vs"
                + " the 7 before</p>");
        List<String> topics = new ArrayList<>();
        double[][] change = new double[2][heat.byVolume().size()];
        for (int i = 0; i < heat.byVolume().size(); i++) {
            DemandHeat.TopicHeat t = heat.byVolume().get(i);
            topics.add(t.topic());
            change[0][i] = Double.isNaN(t.dayChange()) ? 0 : 100 * t.dayChange();
            change[1][i] = Double.isNaN(t.weekChange()) ? 0 : 100 * t.weekChange();
        }
        h.append(InsightCharts.groupedZero(topics, List.of("last day", "last 7 days"),
                new String[] {"#f57900", "#75507b"}, change, 520, 240));
        h.append("</div></div>");
        if (!heat.byChange().isEmpty()) {
            DemandHeat.TopicHeat top = heat.byChange().get(0);
            h.append(String.format(Locale.ROOT, "<p><b>Rising most:</b> %s, %,d contacts in the last 7 days (%+.0f%% on"
                    + " the week before).</p>", Svg.esc(top.topic()), top.lastWeek(), 100 * top.weekChange()));
        }
        List<String> days = new ArrayList<>();
        for (long d : heat.dayStarts()) {
            days.add(SHORT.format(Instant.ofEpochSecond(d)));
        }
        int[][] v = new int[topics.size()][];
        for (int i = 0; i < topics.size(); i++) {
            v[i] = heat.daily().get(topics.get(i));
        }
        h.append("<p class='note'>Contacts per topic and day, last ").append(DemandHeat.DAYS)
                .append(" days (UTC days; each row shaded against its own busiest day; total at the right)</p>")
                .append(InsightCharts.heatmap(topics, days, v, 24));
    }

    private static void forecast(StringBuilder h, Insights in) {
        HourlyForecast.Forecast f = in.forecast();
        h.append("<h2>Call forecast, next 7 days</h2>");
        List<String> labels = new ArrayList<>();
        List<Integer> ticks = new ArrayList<>();
        for (int k = 0; k < HourlyForecast.HOURS; k++) {
            long t = f.start() + k * 3600L;
            if (Math.floorMod(t, 86_400L) == 0 || k == 0) {
                ticks.add(k);
                labels.add(DAY.format(Instant.ofEpochSecond(t)));
            }
        }
        h.append(InsightCharts.band(f.mean(), f.low(), f.high(), ticks.stream().mapToInt(Integer::intValue).toArray(),
                labels, 1000, 260, "expected calls per hour"));
        h.append(String.format(Locale.ROOT, "<p class='note'>Hour-of-week mean of the last %d weeks (UTC); the band"
                + " is mean &plusmn; 1.28 sd across those weeks (at least Poisson). Checked on the last week: MAE %.2f"
                + " calls/hour, MAPE %s against %.2f and %s for the naive &ldquo;same hour last week&rdquo;.</p>",
                f.weeks(), in.lastWeekSeasonal().mae(), pct(in.lastWeekSeasonal().mape()), in.lastWeekNaive().mae(),
                pct(in.lastWeekNaive().mape())));
    }

    private static void groups(StringBuilder h, Insights in) {
        h.append("<h2>Agent performance groups</h2>");
        if (in.groups().isEmpty()) {
            h.append("<p class='note'>Not enough agents with ").append(AgentGroups.DEFAULT_MIN_CONTACTS)
                    .append(" answered contacts in the last ").append(Insights.AGENT_WEEKS).append(" weeks.</p>");
            return;
        }
        AgentGroups.Grouping g = in.groups().get();
        List<InsightCharts.Point> pts = new ArrayList<>();
        for (AgentFeatures a : g.agents()) {
            pts.add(new InsightCharts.Point(a.agent(), 100 * a.fcr(), a.survey(),
                    AgentGroups.NAMES.indexOf(g.groupOf().get(a.agent()))));
        }
        h.append("<div class='grid'><div>").append(InsightCharts.scatter(pts, AgentGroups.NAMES, GROUP_COLOURS,
                "first-contact resolution %", "survey mean (1-5)", 520, 300)).append("</div><div>");
        double[][] c = new double[AgentGroups.K][];
        for (int k = 0; k < AgentGroups.K; k++) {
            c[k] = g.centroids().get(AgentGroups.NAMES.get(k));
        }
        h.append(InsightCharts.groupedZero(List.of("handling", "FCR", "survey", "transfers", "escalations",
                "recovery"), AgentGroups.NAMES, GROUP_COLOURS, c, 520, 300)).append("</div></div>");
        h.append(String.format(Locale.ROOT, "<p class='note'>Tribuo K-means (k=3) over the z-scores of six figures"
                + " per agent, last %d weeks, agents with at least %d answered contacts. Named by the group score ="
                + " mean of z &times; direction (+ for FCR, survey, recovery; &minus; for handling time, transfers,"
                + " escalations). Routing: queue penalty high 0, middle 1, low 2.</p>", Insights.AGENT_WEEKS,
                AgentGroups.DEFAULT_MIN_CONTACTS));
        h.append("<table><tr><th>group</th><th>agents</th><th>score</th><th>handling (s)</th><th>FCR</th>"
                + "<th>survey</th><th>transfers</th><th>escalations</th><th>emotion recovery</th><th>members</th></tr>");
        for (int k = 0; k < AgentGroups.K; k++) {
            String n = AgentGroups.NAMES.get(k);
            List<AgentFeatures> m = g.agents().stream().filter(a -> n.equals(g.groupOf().get(a.agent()))).toList();
            double[] mean = new double[AgentFeatures.NAMES.size()];
            for (AgentFeatures a : m) {
                double[] v = a.vector();
                for (int j = 0; j < v.length; j++) {
                    mean[j] += v[j] / Math.max(1, m.size());
                }
            }
            h.append(String.format(Locale.ROOT, "<tr><td><b style='color:%s'>%s</b></td><td>%d</td><td>%+.2f</td>"
                    + "<td>%.0f</td><td>%.1f%%</td><td>%.2f</td><td>%.1f%%</td><td>%.1f%%</td><td>%.1f%%</td>"
                    + "<td style='text-align:left;font-size:11px'>%s</td></tr>", GROUP_COLOURS[k], n, m.size(),
                    g.scores().get(n), mean[0], 100 * mean[1], mean[2], 100 * mean[3], 100 * mean[4], 100 * mean[5],
                    Svg.esc(String.join(", ", m.stream().map(AgentFeatures::agent).toList()))));
        }
        h.append("</table>");
    }

    private static void rules(StringBuilder h, Insights in) {
        h.append("<h2>Association rules: what leads to which contact reason</h2>");
        if (in.rules().isEmpty()) {
            h.append("<p class='note'>No rule above the thresholds.</p>");
            return;
        }
        double maxLift = in.rules().stream().mapToDouble(AssociationRules.Rule::lift).max().orElse(1);
        h.append("<table><tr><th>customers with</th><th>contact about</th><th>customers</th><th>support</th>"
                + "<th>confidence</th><th>lift</th></tr>");
        for (AssociationRules.Rule r : in.rules().subList(0, Math.min(15, in.rules().size()))) {
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td style='text-align:left'>%s</td><td>%,d</td>"
                    + "<td>%.1f%%</td><td>%.1f%%</td><td style='text-align:left'>%s</td></tr>",
                    Svg.esc(String.join(" & ", r.antecedent())), Svg.esc(r.reason()), r.count(), 100 * r.support(),
                    100 * r.confidence(), InsightCharts.inlineBar(r.lift(), maxLift, r.lift() >= 2 ? "#cc0000"
                            : "#f57900", String.format(Locale.ROOT, "%.2f&times;", r.lift()).replace("&times;", "x"))));
        }
        h.append(String.format(Locale.ROOT, "</table><p class='note'>Apriori over %,d customers (contacts of the last %d"
                + " weeks); lift = how many times likelier than the average customer to contact about the reason."
                + " Rules feed the next-best action (tier and segment rules).</p>", in.baskets(), Insights.RULE_WEEKS));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
