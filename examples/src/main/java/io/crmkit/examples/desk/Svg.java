package io.crmkit.examples.desk;

import io.crmkit.analytics.concentration.ParetoPoint;
import io.crmkit.analytics.segment.SegmentStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small server-side SVG charts for the desk's pages and the printable report: a bar chart, the
 * Pareto curve, a heat map and a 100% stacked bar. Each returns one {@code <svg>} element as a
 * string with every label escaped, so a page can inline it and a report needs no external file.
 *
 * <p>Stateless and thread-safe.
 */
public final class Svg {
    private static final String[] PALETTE = {"#1f5f8b", "#e08a1e", "#3a9d5d", "#b23a48", "#7b5ea7", "#5b6770"};

    private Svg() {}

    /** A bar chart: one bar per label with its value written above it. */
    public static String bars(String cssClass, String title, List<String> labels, List<Integer> values) {
        int w = 420;
        int h = 220;
        int top = 24;
        int bottom = 30;
        int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(1));
        double slot = (double) (w - 20) / Math.max(1, labels.size());
        StringBuilder out = open(cssClass, title, w, h);
        for (int i = 0; i < labels.size(); i++) {
            double bh = (h - top - bottom) * (values.get(i) / (double) max);
            double x = 10 + i * slot + slot * 0.15;
            double y = h - bottom - bh;
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                    x, y, slot * 0.7, bh, PALETTE[i % PALETTE.length]));
            text(out, x + slot * 0.35, y - 6, "middle", String.valueOf(values.get(i)), "value");
            text(out, x + slot * 0.35, h - bottom + 18, "middle", labels.get(i), "label");
        }
        return out.append("</svg>").toString();
    }

    /**
     * The Pareto (concentration) curve: customers by revenue, largest first, against the share of
     * revenue they bring; the diagonal is an even spread, and the marker shows the top 20%.
     */
    public static String pareto(String cssClass, List<ParetoPoint> curve, double top20Share) {
        int w = 420;
        int h = 260;
        int pad = 36;
        double pw = w - 2 * pad;
        double ph = h - 2 * pad;
        StringBuilder out = open(cssClass, "Pareto curve of revenue", w, h);
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#bbb\"/>",
                pad, pad, pw, ph));
        out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%d\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>",
                pad, pad + ph, pad + pw, pad));
        StringBuilder points = new StringBuilder();
        for (ParetoPoint p : curve) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", pad + pw * p.customerShare(), pad + ph * (1 - p.revenueShare())));
        }
        out.append("<polyline fill=\"none\" stroke=\"").append(PALETTE[0]).append("\" stroke-width=\"2.5\" points=\"")
                .append(points.toString().trim()).append("\"/>");
        double mx = pad + pw * 0.2;
        double my = pad + ph * (1 - top20Share);
        out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"3 3\"/>",
                mx, pad + ph, mx, my, PALETTE[1]));
        out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\"/>", mx, my, PALETTE[1]));
        text(out, mx + 8, my + 16, "start", String.format(Locale.ROOT, "top 20%% bring %.1f%%", 100 * top20Share), "marker");
        text(out, pad + pw / 2, h - 8, "middle", "share of customers (largest first)", "label");
        text(out, 12, pad - 12, "start", "share of revenue", "label");
        for (int k = 0; k <= 4; k++) {
            text(out, pad + pw * k / 4, pad + ph + 14, "middle", (25 * k) + "%", "tick");
            text(out, pad - 4, pad + ph * (1 - k / 4.0) + 4, "end", (25 * k) + "%", "tick");
        }
        return out.append("</svg>").toString();
    }

    /** The segment grid as a heat map: the colour is the cell's share of assets, the text its customers. */
    public static String heatMap(String cssClass, Dashboard.Grid grid) {
        int cw = 124;
        int ch = 44;
        int left = 90;
        int top = 28;
        int w = left + cw * grid.columnBands().size() + 10;
        int h = top + ch * grid.rowBands().size() + 10;
        double max = grid.cells().stream().mapToDouble(SegmentStatistics::assetShare).max().orElse(0);
        StringBuilder out = open(cssClass, "Segments: age band by assets", w, h);
        for (int c = 0; c < grid.columnBands().size(); c++) {
            text(out, left + cw * c + cw / 2.0, top - 10, "middle", grid.columnBands().get(c), "label");
        }
        for (int r = 0; r < grid.rowBands().size(); r++) {
            text(out, left - 6, top + ch * r + ch / 2.0 + 4, "end", grid.rowBands().get(r), "label");
            for (int c = 0; c < grid.columnBands().size(); c++) {
                SegmentStatistics s = grid.cell(r, c);
                double t = max <= 0 ? 0 : s.assetShare() / max;
                out.append(String.format(Locale.ROOT,
                        "<rect class=\"cell\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\"><title>%s</title></rect>",
                        left + cw * c, top + ch * r, cw, ch, heat(t), Html.escape(s.segment() + ": " + s.count()
                                + " customers, " + percent(s.assetShare()) + " of assets")));
                String ink = t > 0.55 ? "#fff" : "#222";
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\" font-size=\"12\">%d · %s</text>",
                        left + cw * c + cw / 2.0, top + ch * r + ch / 2.0 + 4, ink, s.count(), Html.escape(percent(s.assetShare()))));
            }
        }
        return out.append("</svg>").toString();
    }

    /** A 100% stacked bar with a legend, e.g. an account's asset mix. */
    public static String stackedBar(String cssClass, String title, Map<String, Double> parts) {
        int w = 360;
        int h = 40 + 18 * parts.size();
        double total = parts.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder out = open(cssClass, title, w, h);
        double x = 0;
        int i = 0;
        for (Map.Entry<String, Double> e : parts.entrySet()) {
            double pw = total <= 0 ? 0 : w * e.getValue() / total;
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"4\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>",
                    x, pw, PALETTE[i % PALETTE.length]));
            int ly = 44 + 18 * i;
            out.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", ly - 10,
                    PALETTE[i % PALETTE.length]));
            text(out, 18, ly, "start", e.getKey() + " " + percent(total <= 0 ? 0 : e.getValue() / total), "legend");
            x += pw;
            i++;
        }
        return out.append("</svg>").toString();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static StringBuilder open(String cssClass, String title, int w, int h) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(Html.escape(cssClass))
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title))
                .append(String.format(Locale.ROOT, "\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\">", w, h, w, h))
                .append("<title>").append(Html.escape(title)).append("</title>");
        return out;
    }

    private static void text(StringBuilder out, double x, double y, String anchor, String value, String cssClass) {
        out.append(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"12\" fill=\"#222\">",
                cssClass, x, y, anchor)).append(Html.escape(value)).append("</text>");
    }

    /** White through to the desk's dark blue. */
    private static String heat(double t) {
        int r = (int) Math.round(255 + (31 - 255) * t);
        int g = (int) Math.round(255 + (95 - 255) * t);
        int b = (int) Math.round(255 + (139 - 255) * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
