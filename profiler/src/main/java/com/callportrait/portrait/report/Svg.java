package com.callportrait.portrait.report;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts: horizontal bars, vertical histogram bars, lines. Stateless. */
public final class Svg {
    /** One labelled value. */
    public record Bar(String label, double value, String note) { }

    /** One named series over x labels. */
    public record Series(String name, String colour, double[] y) { }

    private static final String[] COLOURS = {"#3465a4", "#f57900", "#73d216", "#cc0000", "#75507b", "#c17d11",
        "#555753", "#06989a"};

    private Svg() {
    }

    public static String colour(int i) {
        return COLOURS[Math.floorMod(i, COLOURS.length)];
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Horizontal bars, one per row, value printed at the end. */
    public static String hbars(List<Bar> bars, int width, String unit) {
        int row = 22;
        int labelW = 190;
        int h = bars.size() * row + 10;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        // room for the printed value and its note after the longest bar
        int text = 20 + 7 * bars.stream().mapToInt(b -> fmt(b.value()).length() + unit.length()
                + (b.note() == null ? 0 : b.note().length() + 1)).max().orElse(6);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img'>", width, h));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double w = max <= 0 ? 0 : Math.max(40, width - labelW - text) * b.value() / max;
            int y = 5 + i * row;
            s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='12' text-anchor='end'>%s</text>",
                    labelW - 6, y + 14, esc(b.label())));
            s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%.1f' height='16' fill='%s'/>", labelW, y,
                    Math.max(0.5, w), colour(i)));
            s.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' font-size='12'>%s%s%s</text>",
                    labelW + w + 5, y + 14, esc(fmt(b.value())), unit, b.note() == null ? "" : " " + esc(b.note())));
        }
        return s.append("</svg>").toString();
    }

    /** Vertical bars over x labels (a histogram). */
    public static String columns(List<Bar> bars, int width, int height) {
        int left = 50;
        int bottom = 40;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        double bw = (width - left - 10.0) / Math.max(1, bars.size());
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img'>", width, height));
        axis(s, left, height - bottom, width, max, height - bottom - 10);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = max <= 0 ? 0 : (height - bottom - 10) * b.value() / max;
            double x = left + i * bw;
            s.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='#3465a4'>"
                    + "<title>%s: %s</title></rect>", x + 1, height - bottom - h, bw - 2, h, esc(b.label()), fmt(b.value())));
            if (bars.size() <= 12 || i % 2 == 0) {
                s.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' font-size='10' text-anchor='middle'>%s</text>",
                        x + bw / 2, height - bottom + 14, esc(b.label())));
            }
        }
        return s.append("</svg>").toString();
    }

    /** Lines over x labels with a legend; y range [lo, hi]. */
    public static String lines(List<String> x, List<Series> series, int width, int height, double lo, double hi) {
        int left = 50;
        int bottom = 40;
        int plotH = height - bottom - 30;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img'>", width, height));
        for (int t = 0; t <= 4; t++) {
            double v = lo + (hi - lo) * t / 4;
            double y = 20 + plotH - plotH * t / 4.0;
            s.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#ddd'/>"
                    + "<text x='%d' y='%.1f' font-size='10' text-anchor='end'>%s</text>", left, width - 10, y, y, left - 4,
                    y + 3, fmt(v)));
        }
        double step = (width - left - 20.0) / Math.max(1, x.size() - 1);
        for (int i = 0; i < x.size(); i++) {
            s.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' font-size='10' text-anchor='middle'>%s</text>",
                    left + i * step, height - bottom + 14, esc(x.get(i))));
        }
        int legendX = left;
        for (Series se : series) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < se.y().length; i++) {
                if (Double.isNaN(se.y()[i])) {
                    continue;
                }
                double px = left + i * step;
                double py = 20 + plotH - plotH * (se.y()[i] - lo) / (hi - lo);
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                s.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='3' fill='%s'><title>%s %s</title>"
                        + "</circle>", px, py, se.colour(), esc(se.name()), fmt(se.y()[i])));
            }
            s.append(String.format(Locale.ROOT, "<polyline points='%s' fill='none' stroke='%s' stroke-width='2'/>",
                    pts, se.colour()));
            s.append(String.format(Locale.ROOT, "<rect x='%d' y='4' width='10' height='10' fill='%s'/>"
                    + "<text x='%d' y='13' font-size='11'>%s</text>", legendX, se.colour(), legendX + 14, esc(se.name())));
            legendX += 20 + 8 * se.name().length();
        }
        return s.append("</svg>").toString();
    }

    private static void axis(StringBuilder s, int left, int base, int width, double max, int h) {
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            double y = base - h * t / 4.0;
            s.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#ddd'/>"
                    + "<text x='%d' y='%.1f' font-size='10' text-anchor='end'>%s</text>", left, width - 10, y, y,
                    left - 4, y + 3, fmt(v)));
        }
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Math.abs(v) >= 1000 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.2f" : "%.1f", v);
    }
}
