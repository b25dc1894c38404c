package io.crmkit.examples.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The nightly dashboard as HTML: the body the desk's dashboard page embeds, and the same content as
 * one self-contained printable file — styles and SVG charts inline, no script, no external
 * reference — that the nightly job writes on request ({@code NightlyAnalytics --report=<file>}).
 *
 * <p>Stateless and thread-safe.
 */
public final class DashboardReport {
    /** At most this many at-risk customers are listed (the count shows them all). */
    public static final int AT_RISK_LISTED = 25;

    private static final String CSS = """
            body{font-family:sans-serif;color:#222;margin:24px;max-width:1000px}
            h1{font-size:22px;margin:0 0 4px} h2{font-size:16px;margin:18px 0 6px}
            .figures{display:flex;gap:24px;margin:12px 0} .figure{border:1px solid #ddd;padding:8px 14px;border-radius:4px}
            .figure b{display:block;font-size:22px} .charts{display:flex;flex-wrap:wrap;gap:18px}
            table{border-collapse:collapse} td,th{border-bottom:1px solid #e4e4e4;padding:4px 8px;text-align:left;font-size:13px}
            @media print{body{margin:8mm} .charts{break-inside:avoid}}
            """;

    private DashboardReport() {}

    /** The whole printable document. */
    public static String html(Dashboard d) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CRMKit nightly dashboard "
                + date(d) + "</title><style>" + CSS + "</style></head><body>\n" + body(d, id -> null) + "\n</body></html>\n";
    }

    /** Writes {@link #html} to {@code file} (UTF-8), creating its directory. */
    public static void write(Dashboard d, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, html(d), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report", e);
        }
    }

    /**
     * The dashboard's content; {@code customerLink} gives the link of an at-risk customer's page, or
     * {@code null} for plain text (the printable file has no pages to link to).
     */
    public static String body(Dashboard d, Function<String, String> customerLink) {
        StringBuilder out = new StringBuilder(32_768);
        out.append("<h1>Nightly dashboard</h1><p class=\"asof\">Night of ").append(date(d)).append(", ")
                .append(d.customers()).append(" customers, ").append(d.tierChangesWritten()).append(" tier changes written</p>");
        out.append("<div class=\"figures\">")
                .append(figure("top20", "Revenue from the top 20% of customers", d.top20SharePercent()))
                .append(figure("gini", "Gini coefficient of revenue", String.format(Locale.ROOT, "%.3f", d.gini())))
                .append(figure("atrisk-count", "Customers at high churn risk", String.valueOf(d.atRisk().size())))
                .append("</div><div class=\"charts\"><section><h2>Tier distribution</h2>")
                .append(Svg.bars("chart-tiers", "Customers per tier",
                        d.tiers().stream().map(Dashboard.TierCount::name).toList(),
                        d.tiers().stream().map(Dashboard.TierCount::count).toList()))
                .append("</section><section><h2>Revenue concentration</h2>")
                .append(Svg.pareto("chart-pareto", d.pareto(), d.top20Share()))
                .append("</section><section><h2>Segments: age by assets (customers · share of assets)</h2>")
                .append(Svg.heatMap("chart-segments", d.grid()))
                .append("</section></div>");
        out.append("<h2>At risk: the first ").append(Math.min(AT_RISK_LISTED, d.atRisk().size())).append(" of ")
                .append(d.atRisk().size()).append(", with the scorecard's reasons</h2>")
                .append("<table class=\"atrisk\"><thead><tr><th>Customer</th><th>Points</th><th>Reasons</th></tr></thead><tbody>");
        List<Dashboard.AtRisk> listed = d.atRisk().subList(0, Math.min(AT_RISK_LISTED, d.atRisk().size()));
        for (Dashboard.AtRisk r : listed) {
            String link = customerLink.apply(r.customerId());
            String name = Html.escape(r.name());
            out.append("<tr><td>").append(link == null ? name : "<a href=\"" + Html.escape(link) + "\">" + name + "</a>")
                    .append("</td><td>").append(r.points()).append("</td><td>")
                    .append(Html.escape(String.join("; ", r.reasons()))).append("</td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    private static String figure(String cssClass, String label, String value) {
        return "<div class=\"figure " + cssClass + "\"><b>" + Html.escape(value) + "</b>" + Html.escape(label) + "</div>";
    }

    private static String date(Dashboard d) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(d.asOf().atZone(ZoneOffset.UTC));
    }
}
