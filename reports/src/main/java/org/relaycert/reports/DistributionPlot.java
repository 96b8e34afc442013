package org.relaycert.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG of a figure's samples sorted ascending (x: share of samples, y: value), with the p50, p90
 * and p99 ranks marked. Sorted samples show the whole distribution, tail included, without choosing bins.
 */
final class DistributionPlot {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 220;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 28;
    private static final int BOTTOM = 34;
    private static final int MAX_DOTS = 300;

    private DistributionPlot() {
    }

    /** The SVG element; {@code samples} must not be empty. */
    static String render(String figureName, List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int n = sorted.size();
        Percentiles p = Percentiles.of(sorted);
        double yMax = niceCeiling(p.max());
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        String name = Html.escape(figureName);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"plot\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\">");
        svg.append("<title>").append(name).append(": ").append(n).append(" samples sorted, p50 ")
                .append(Html.escape(Formats.withUnit(figureName, p.p50()))).append(", p90 ")
                .append(Html.escape(Formats.withUnit(figureName, p.p90()))).append(", p99 ")
                .append(Html.escape(Formats.withUnit(figureName, p.p99()))).append("</title>");
        svg.append(rect(LEFT, TOP, plotW, plotH, "frame"));
        for (double fraction : new double[] {0, 0.5, 1}) {
            double y = TOP + plotH - fraction * plotH;
            svg.append(line(LEFT - 4, y, LEFT + plotW, y, "grid"));
            svg.append(text(LEFT - 8, y + 4, "end", Formats.number(fraction * yMax)));
        }
        for (int pct : new int[] {0, 50, 100}) {
            double x = LEFT + pct / 100.0 * plotW;
            svg.append(text(x, TOP + plotH + 16, "middle", pct + "%"));
        }
        svg.append(text(LEFT + plotW / 2.0, HEIGHT - 4, "middle", "share of samples (sorted)"));
        svg.append(text(LEFT, TOP - 10, "start", figureName));

        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            points.append(coord(x(i, n, plotW))).append(',').append(coord(y(sorted.get(i), yMax, plotH))).append(' ');
        }
        svg.append("<polyline class=\"curve\" fill=\"none\" points=\"").append(points.toString().trim()).append("\"/>");
        if (n <= MAX_DOTS) {
            for (int i = 0; i < n; i++) {
                svg.append("<circle class=\"dot\" r=\"2.5\" cx=\"").append(coord(x(i, n, plotW))).append("\" cy=\"")
                        .append(coord(y(sorted.get(i), yMax, plotH))).append("\"/>");
            }
        }
        int labelRow = 0;
        for (int pct : new int[] {50, 90, 99}) {
            int index = Percentiles.rankIndex(n, pct) - 1;
            double value = sorted.get(index);
            double x = x(index, n, plotW);
            svg.append(line(x, TOP, x, TOP + plotH, "marker"));
            // Stagger labels vertically: p90 and p99 are often a few pixels apart.
            double labelY = TOP + 12 + 13 * labelRow++;
            String anchor = x > LEFT + plotW * 0.7 ? "end" : "start";
            double labelX = anchor.equals("end") ? x - 4 : x + 4;
            svg.append(text(labelX, labelY, anchor, "p" + pct + " " + Formats.withUnit(figureName, value))
                    .replace("<text ", "<text class=\"mark\" "));
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static double x(int index, int n, int plotW) {
        return n == 1 ? LEFT + plotW / 2.0 : LEFT + (double) index / (n - 1) * plotW;
    }

    private static double y(double value, double yMax, int plotH) {
        double clamped = Math.max(0, Math.min(value, yMax));
        return TOP + plotH - clamped / yMax * plotH;
    }

    /** 1, 2 or 5 times a power of ten, at or above the value; 1 for non-positive values. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String rect(double x, double y, double w, double h, String cls) {
        return "<rect class=\"" + cls + "\" x=\"" + coord(x) + "\" y=\"" + coord(y) + "\" width=\"" + coord(w)
                + "\" height=\"" + coord(h) + "\"/>";
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return "<line class=\"" + cls + "\" x1=\"" + coord(x1) + "\" y1=\"" + coord(y1) + "\" x2=\"" + coord(x2)
                + "\" y2=\"" + coord(y2) + "\"/>";
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + coord(x) + "\" y=\"" + coord(y) + "\" text-anchor=\"" + anchor + "\">"
                + Html.escape(content) + "</text>";
    }

    private static String coord(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
