package com.callportrait.portrait.report;

import java.util.List;
import java.util.Locale;

/**
 * The inline SVG charts of the insight sections: a heat map, a line with a band, a scatter of
 * coloured groups, grouped columns around zero and a single inline bar. Stateless and thread-safe.
 */
final class InsightCharts {
    /** One dot of a scatter. */
    record Point(String label, double x, double y, int group) { }

    private InsightCharts() {
    }

    private static String svg(int w, int h) {
        return String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img'"
                + " font-family='system-ui,sans-serif'>", w, h);
    }

    /** Rows x columns of counts, darker = more; each row scaled to its own maximum so small topics show. */
    static String heatmap(List<String> rows, List<String> cols, int[][] v, int cell) {
        int left = 110;
        int top = 34;
        int w = left + cols.size() * cell + 60;
        int h = top + rows.size() * (cell - 4) + 10;
        StringBuilder s = new StringBuilder(svg(w, h));
        for (int c = 0; c < cols.size(); c++) {
            if (c % 7 == 0 || c == cols.size() - 1) {
                s.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' font-size='10' text-anchor='middle'>%s</text>",
                        left + c * cell + cell / 2.0, top - 8, Svg.esc(cols.get(c))));
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            int max = 1;
            long total = 0;
            for (int x : v[r]) {
                max = Math.max(max, x);
                total += x;
            }
            int y = top + r * (cell - 4);
            s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='12' text-anchor='end'>%s</text>",
                    left - 6, y + cell / 2, Svg.esc(rows.get(r))));
            for (int c = 0; c < cols.size(); c++) {
                double a = 0.06 + 0.94 * v[r][c] / (double) max;
                s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='rgba(204,0,0,%.2f)'>"
                        + "<title>%s %s: %d</title></rect>", left + c * cell, y, cell - 1, cell - 5, a,
                        Svg.esc(rows.get(r)), Svg.esc(cols.get(c)), v[r][c]));
            }
            s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='11' fill='#555'>%,d</text>",
                    left + cols.size() * cell + 6, y + cell / 2, total));
        }
        return s.append("</svg>").toString();
    }

    /**
     * A line with a shaded band and optional dots of actuals; {@code ticks} x labels at the given
     * indices.
     */
    static String band(double[] mean, double[] low, double[] high, int[] ticks, List<String> tickLabels, int width,
                       int height, String name) {
        int left = 50;
        int bottom = 30;
        int top = 22;
        int plotH = height - bottom - top;
        double max = 1;
        for (double v : high) {
            max = Math.max(max, v);
        }
        max = niceCeil(max);
        double step = (width - left - 10.0) / Math.max(1, mean.length - 1);
        StringBuilder s = new StringBuilder(svg(width, height));
        for (int t = 0; t <= 4; t++) {
            double y = top + plotH - plotH * t / 4.0;
            s.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#e4e4e4'/>"
                    + "<text x='%d' y='%.1f' font-size='10' text-anchor='end'>%s</text>", left, width - 10, y, y, left - 4,
                    y + 3, Svg.fmt(max * t / 4)));
        }
        for (int k = 0; k < ticks.length; k++) {
            double x = left + ticks[k] * step;
            s.append(String.format(Locale.ROOT, "<line x1='%.1f' x2='%.1f' y1='%d' y2='%d' stroke='#ccc'/>"
                    + "<text x='%.1f' y='%d' font-size='10' text-anchor='start'>%s</text>", x, x, top, top + plotH,
                    x + 3, height - bottom + 14, Svg.esc(tickLabels.get(k))));
        }
        StringBuilder poly = new StringBuilder();
        for (int i = 0; i < high.length; i++) {
            poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + i * step, top + plotH - plotH * high[i] / max));
        }
        for (int i = low.length - 1; i >= 0; i--) {
            poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + i * step, top + plotH - plotH * low[i] / max));
        }
        s.append("<polygon points='").append(poly).append("' fill='rgba(52,101,164,0.22)' stroke='none'/>");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < mean.length; i++) {
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + i * step, top + plotH - plotH * mean[i] / max));
        }
        s.append("<polyline points='").append(line).append("' fill='none' stroke='#3465a4' stroke-width='1.8'/>");
        s.append(String.format(Locale.ROOT, "<rect x='%d' y='4' width='10' height='10' fill='#3465a4'/><text x='%d' y='13'"
                + " font-size='11'>%s</text><rect x='%d' y='4' width='10' height='10' fill='rgba(52,101,164,0.22)'/>"
                + "<text x='%d' y='13' font-size='11'>80%% band</text>", left, left + 14, Svg.esc(name),
                left + 40 + 7 * name.length(), left + 54 + 7 * name.length()));
        return s.append("</svg>").toString();
    }

    /** Dots coloured by group with a legend; axes labelled. */
    static String scatter(List<Point> pts, List<String> groups, String[] colours, String xName, String yName,
                          int width, int height) {
        int left = 56;
        int bottom = 40;
        int top = 24;
        double x0 = pts.stream().mapToDouble(Point::x).min().orElse(0);
        double x1 = pts.stream().mapToDouble(Point::x).max().orElse(1);
        double y0 = pts.stream().mapToDouble(Point::y).min().orElse(0);
        double y1 = pts.stream().mapToDouble(Point::y).max().orElse(1);
        double padX = Math.max(1e-6, (x1 - x0) * 0.08);
        double padY = Math.max(1e-6, (y1 - y0) * 0.08);
        x0 -= padX;
        x1 += padX;
        y0 -= padY;
        y1 += padY;
        int pw = width - left - 12;
        int ph = height - top - bottom;
        StringBuilder s = new StringBuilder(svg(width, height));
        for (int t = 0; t <= 4; t++) {
            double gx = left + pw * t / 4.0;
            double gy = top + ph - ph * t / 4.0;
            s.append(String.format(Locale.ROOT, "<line x1='%.1f' x2='%.1f' y1='%d' y2='%d' stroke='#eee'/>"
                    + "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#eee'/>"
                    + "<text x='%.1f' y='%d' font-size='10' text-anchor='middle'>%s</text>"
                    + "<text x='%d' y='%.1f' font-size='10' text-anchor='end'>%s</text>", gx, gx, top, top + ph, left,
                    left + pw, gy, gy, gx, top + ph + 13, Svg.fmt(x0 + (x1 - x0) * t / 4), left - 4, gy + 3,
                    Svg.fmt(y0 + (y1 - y0) * t / 4)));
        }
        s.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' font-size='11' text-anchor='middle'>%s</text>"
                + "<text x='12' y='%.1f' font-size='11' text-anchor='middle' transform='rotate(-90 12 %.1f)'>%s</text>",
                left + pw / 2.0, height - 6, Svg.esc(xName), top + ph / 2.0, top + ph / 2.0, Svg.esc(yName)));
        for (Point p : pts) {
            double cx = left + pw * (p.x() - x0) / (x1 - x0);
            double cy = top + ph - ph * (p.y() - y0) / (y1 - y0);
            s.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='5' fill='%s' fill-opacity='0.8'"
                    + " stroke='#fff'><title>%s (%s): %s, %s</title></circle>", cx, cy, colours[p.group()],
                    Svg.esc(p.label()), Svg.esc(groups.get(p.group())), Svg.fmt(p.x()), Svg.fmt(p.y())));
        }
        int lx = left;
        for (int g = 0; g < groups.size(); g++) {
            s.append(String.format(Locale.ROOT, "<circle cx='%d' cy='10' r='5' fill='%s'/><text x='%d' y='14'"
                    + " font-size='11'>%s</text>", lx + 5, colours[g], lx + 14, Svg.esc(groups.get(g))));
            lx += 30 + 7 * groups.get(g).length();
        }
        return s.append("</svg>").toString();
    }

    /** Columns around zero: one cluster per category, one column per series (z-scores of centroids). */
    static String groupedZero(List<String> categories, List<String> series, String[] colours, double[][] v,
                              int width, int height) {
        int left = 40;
        int bottom = 34;
        int top = 22;
        double max = 0.5;
        for (double[] r : v) {
            for (double x : r) {
                max = Math.max(max, Math.abs(x));
            }
        }
        max = niceCeil(max);
        int ph = height - top - bottom;
        double zero = top + ph / 2.0;
        double cw = (width - left - 10.0) / categories.size();
        double bw = (cw - 12) / series.size();
        StringBuilder s = new StringBuilder(svg(width, height));
        for (int t = -2; t <= 2; t++) {
            double y = zero - ph / 2.0 * t / 2.0;
            s.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='%s'/>"
                    + "<text x='%d' y='%.1f' font-size='10' text-anchor='end'>%s</text>", left, width - 10, y, y,
                    t == 0 ? "#888" : "#eee", left - 4, y + 3, Svg.fmt(max * t / 2)));
        }
        for (int c = 0; c < categories.size(); c++) {
            double x = left + c * cw + 6;
            for (int k = 0; k < series.size(); k++) {
                double h = ph / 2.0 * Math.abs(v[k][c]) / max;
                double y = v[k][c] >= 0 ? zero - h : zero;
                s.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'>"
                        + "<title>%s %s: %+.2f</title></rect>", x + k * bw, y, bw - 1, Math.max(0.5, h), colours[k],
                        Svg.esc(series.get(k)), Svg.esc(categories.get(c)), v[k][c]));
            }
            // long names in narrow columns alternate between two lines so they never overlap
            boolean crowded = cw < 8 * categories.stream().mapToInt(String::length).max().orElse(0);
            s.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' font-size='11' text-anchor='middle'>%s</text>",
                    left + c * cw + cw / 2, height - bottom + 14 + (crowded && c % 2 == 1 ? 13 : 0),
                    Svg.esc(categories.get(c))));
        }
        int lx = left;
        for (int k = 0; k < series.size(); k++) {
            s.append(String.format(Locale.ROOT, "<rect x='%d' y='4' width='10' height='10' fill='%s'/><text x='%d' y='13'"
                    + " font-size='11'>%s</text>", lx, colours[k], lx + 14, Svg.esc(series.get(k))));
            lx += 30 + 7 * series.get(k).length();
        }
        return s.append("</svg>").toString();
    }

    /** A small horizontal bar for a table cell, {@code value} of {@code max}, with the value printed. */
    static String inlineBar(double value, double max, String colour, String text) {
        int w = 140;
        double bw = max <= 0 ? 0 : Math.min(w - 40, (w - 40) * value / max);
        return String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='14'><rect x='0'"
                + " y='2' width='%.1f' height='10' fill='%s'/><text x='%.1f' y='11' font-size='11'>%s</text></svg>", w,
                Math.max(0.5, bw), colour, bw + 4, Svg.esc(text));
    }

    private static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        // maxima whose quarters and halves are round numbers
        for (double m : new double[] {1, 1.2, 1.6, 2, 2.4, 3.2, 4, 6, 8, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
