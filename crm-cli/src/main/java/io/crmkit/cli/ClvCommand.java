package io.crmkit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.crmkit.analytics.clv.BgNbdModel;
import io.crmkit.analytics.clv.CustomerSummaries;
import io.crmkit.analytics.clv.FitSummary;
import io.crmkit.analytics.clv.GammaGammaModel;
import io.crmkit.analytics.clv.MbgNbdModel;
import io.crmkit.analytics.clv.ParetoNbdModel;
import io.crmkit.analytics.clv.PeriodUnit;
import io.crmkit.core.error.ValidationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm-cli clv fit --model bgnbd|pareto-nbd|mbg-nbd|gamma-gamma --input FILE}: fits a
 * lifetime-value model by maximum likelihood to a CSV of customer summaries with the header
 * {@code id,x,t_x,T} (and {@code m}, the mean repeat spend, for Gamma-Gamma; {@code id} is
 * optional) and prints the parameters, their standard errors and the log-likelihood as JSON.
 */
@Command(name = "clv", mixinStandardHelpOptions = true, description = "Customer lifetime value models.",
        subcommands = ClvCommand.Fit.class)
public final class ClvCommand implements Runnable {
    @Spec CommandSpec spec;

    static final List<String> MODELS = List.of("bgnbd", "pareto-nbd", "mbg-nbd", "gamma-gamma");

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = "Fit a model to id,x,t_x,T (and m for gamma-gamma) and print it as JSON.")
    public static final class Fit implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "MODEL",
                description = "bgnbd, pareto-nbd, mbg-nbd or gamma-gamma")
        String model;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV with header id,x,t_x,T[,m]")
        Path input;

        @Option(names = "--unit", defaultValue = "weeks", paramLabel = "days|weeks",
                description = "the period unit of t_x and T (default ${DEFAULT-VALUE})")
        String unit;

        @Override
        public Integer call() {
            String name = model.strip().toLowerCase(Locale.ROOT);
            if (!MODELS.contains(name)) {
                throw ValidationException.of("--model", "OneOf", "must be one of " + String.join(", ", MODELS));
            }
            PeriodUnit period = switch (unit.strip().toLowerCase(Locale.ROOT)) {
                case "days" -> PeriodUnit.DAYS;
                case "weeks" -> PeriodUnit.WEEKS;
                default -> throw ValidationException.of("--unit", "OneOf", "must be days or weeks");
            };
            NumericTable table = NumericTable.read(input, "--input");
            boolean spend = name.equals("gamma-gamma");
            CustomerSummaries data = CustomerSummaries.ofArrays(period, table.ids(), table.column("x", "--input"),
                    table.column("t_x", "--input"), table.column("T", "--input"),
                    spend ? table.column("m", "--input") : null);
            Map<String, Double> parameters;
            FitSummary fit;
            switch (name) {
                case "bgnbd" -> {
                    BgNbdModel m = BgNbdModel.fit(data);
                    parameters = m.parameters();
                    fit = m.fitSummary().orElseThrow();
                }
                case "pareto-nbd" -> {
                    ParetoNbdModel m = ParetoNbdModel.fit(data);
                    parameters = m.parameters();
                    fit = m.fitSummary().orElseThrow();
                }
                case "mbg-nbd" -> {
                    MbgNbdModel m = MbgNbdModel.fit(data);
                    parameters = m.parameters();
                    fit = m.fitSummary().orElseThrow();
                }
                default -> {
                    GammaGammaModel m = GammaGammaModel.fit(data);
                    parameters = m.parameters();
                    fit = m.fitSummary().orElseThrow();
                }
            }
            spec.commandLine().getOut().print(Json.of(g -> write(g, name, period, parameters, fit)));
            return CrmCli.OK;
        }

        private static void write(JsonGenerator g, String model, PeriodUnit unit, Map<String, Double> parameters,
                                  FitSummary fit) throws IOException {
            g.writeStartObject();
            g.writeStringField("model", model);
            g.writeStringField("unit", unit.name().toLowerCase(Locale.ROOT));
            g.writeNumberField("customers", fit.customers());
            g.writeNumberField("distinctHistories", fit.distinctHistories());
            g.writeObjectFieldStart("parameters");
            for (Map.Entry<String, Double> p : parameters.entrySet()) {
                Json.number(g, p.getKey(), p.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("standardErrors");
            for (Map.Entry<String, Double> p : fit.standardErrors().entrySet()) {
                Json.number(g, p.getKey(), p.getValue());
            }
            g.writeEndObject();
            Json.number(g, "logLikelihood", fit.logLikelihood());
            g.writeNumberField("startsTried", fit.startsTried());
            g.writeNumberField("iterations", fit.iterations());
            g.writeBooleanField("fallbackUsed", fit.fallbackUsed());
            g.writeEndObject();
        }
    }
}
