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
        out.append("</tbody></table>");
        clv(out, d.clv(), customerLink);
        crossSell(out, d.crossSell(), customerLink);
        clusters(out, d.clusters());
        nba(out, d.nba());
        staff(out, d.staff());
        return out.toString();
    }

    private static void clv(StringBuilder out, Dashboard.Clv c, Function<String, String> customerLink) {
        out.append("<section id=\"clv\"><h2>Lifetime value, next 12 months (BG/NBD and Gamma-Gamma on the trade ledger)</h2>")
                .append("<p class=\"models\">BG/NBD ").append(parameters(c.purchaseModel())).append("; Gamma-Gamma ")
                .append(parameters(c.spendModel())).append("</p><div class=\"figures\">")
                .append(figure("clv-total", "12-month CLV of " + c.customers() + " customers (CNY)", money(c.total())))
                .append("</div><table class=\"clv\"><thead><tr><th>Customer</th><th>Repeat trades</th><th>P(active)</th>")
                .append("<th>Commission per trade</th><th>CLV</th></tr></thead><tbody>");
        for (Dashboard.ClvEntry e : c.top()) {
            out.append("<tr><td>").append(customer(e.customerId(), e.name(), customerLink)).append("</td><td class=\"x\">")
                    .append(e.repeatPurchases()).append("</td><td class=\"alive\">")
                    .append(String.format(Locale.ROOT, "%.3f", e.probabilityAlive())).append("</td><td class=\"spend\">")
                    .append(String.format(Locale.ROOT, "%.2f", e.spendPerTrade())).append("</td><td class=\"value\">")
                    .append(money(e.value())).append("</td></tr>");
        }
        out.append("</tbody></table></section>");
    }

    private static void crossSell(StringBuilder out, Dashboard.CrossSell x, Function<String, String> customerLink) {
        out.append("<section id=\"cross-sell\"><h2>Cross-sell: ").append(x.ruleCount()).append(" rules over the product lines of ")
                .append(x.baskets()).append(" customers; ").append(x.customersWithSuggestion())
                .append(" customers with a partner product</h2><table class=\"rules\"><thead><tr><th>Holding</th><th>Also hold</th>")
                .append("<th>Customers</th><th>Confidence</th><th>Lift</th></tr></thead><tbody>");
        for (Dashboard.Rule r : x.rules()) {
            out.append("<tr><td class=\"antecedent\">").append(Html.escape(r.antecedent())).append("</td><td class=\"consequent\">")
                    .append(Html.escape(r.consequent())).append("</td><td class=\"count\">").append(r.count())
                    .append("</td><td class=\"confidence\">").append(String.format(Locale.ROOT, "%.1f%%", 100 * r.confidence()))
                    .append("</td><td class=\"lift\">").append(String.format(Locale.ROOT, "%.2f", r.lift())).append("</td></tr>");
        }
        out.append("</tbody></table><table class=\"suggestions\"><thead><tr><th>Customer</th><th>Offer</th><th>Why</th></tr>")
                .append("</thead><tbody>");
        for (Dashboard.Suggestion s : x.suggestions()) {
            out.append("<tr><td>").append(customer(s.customerId(), s.name(), customerLink)).append("</td><td class=\"offer\">")
                    .append(Html.escape(s.products())).append("</td><td>").append(Html.escape(s.reason())).append("</td></tr>");
        }
        out.append("</tbody></table></section>");
    }

    private static void clusters(StringBuilder out, List<Dashboard.Cluster> clusters) {
        out.append("<section id=\"clusters\"><h2>Clusters (k-means, k = ").append(clusters.size())
                .append(", on assets, activity, age and recency)</h2><table class=\"clusters\"><thead><tr><th>Cluster</th>")
                .append("<th>Customers</th><th>Mean assets</th><th>What sets it apart</th></tr></thead><tbody>");
        for (Dashboard.Cluster c : clusters) {
            out.append("<tr><td>").append(c.cluster() + 1).append("</td><td class=\"size\">").append(c.size())
                    .append("</td><td class=\"mean-aum\">").append(money(c.meanAum())).append("</td><td>")
                    .append(Html.escape(c.description())).append("</td></tr>");
        }
        out.append("</tbody></table></section>");
    }

    private static void nba(StringBuilder out, Dashboard.Nba n) {
        out.append("<section id=\"nba\"><h2>Next best actions this morning: ").append(n.recommended())
                .append(" recommended</h2><table class=\"nba\"><thead><tr><th>Action</th><th>Customers</th></tr></thead><tbody>");
        n.byProposition().forEach((id, count) -> out.append("<tr><td>").append(Html.escape(id)).append("</td><td class=\"count\">")
                .append(count).append("</td></tr>"));
        out.append("</tbody></table><p class=\"drops\">Not offered, by stage: ");
        List<String> drops = new java.util.ArrayList<>();
        n.dropsByStage().forEach((stage, count) -> drops.add(Html.escape(stage) + " " + count));
        out.append(String.join(", ", drops)).append("</p></section>");
    }

    private static void staff(StringBuilder out, List<Dashboard.Staff> staff) {
        out.append("<section id=\"staff\"><h2>Staff and broker figures, the quarter</h2><table class=\"staff\"><thead><tr>")
                .append("<th>Staff</th><th>Roles</th><th>Customers</th><th>Assets</th><th>Net new assets</th><th>Interactions</th>")
                .append("<th>Contribution</th></tr></thead><tbody>");
        for (Dashboard.Staff p : staff) {
            out.append("<tr><td class=\"id\">").append(Html.escape(p.id())).append("</td><td>").append(Html.escape(p.roles()))
                    .append("</td><td class=\"customers\">").append(p.customers()).append("</td><td>").append(money(p.assetsAtEnd()))
                    .append("</td><td>").append(money(p.netNewAssets())).append("</td><td class=\"interactions\">")
                    .append(p.interactions()).append("</td><td>").append(money(p.contribution())).append("</td></tr>");
        }
        out.append("</tbody></table></section>");
    }

    private static String customer(String id, String name, Function<String, String> customerLink) {
        String link = customerLink.apply(id);
        return link == null ? Html.escape(name) : "<a href=\"" + Html.escape(link) + "\">" + Html.escape(name) + "</a>";
    }

    private static String parameters(java.util.Map<String, Double> params) {
        List<String> parts = new java.util.ArrayList<>();
        params.forEach((k, v) -> parts.add(Html.escape(k) + " " + String.format(Locale.ROOT, "%.6f", v)));
        return String.join(", ", parts);
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String figure(String cssClass, String label, String value) {
        return "<div class=\"figure " + cssClass + "\"><b>" + Html.escape(value) + "</b>" + Html.escape(label) + "</div>";
    }

    private static String date(Dashboard d) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(d.asOf().atZone(ZoneOffset.UTC));
    }
}
