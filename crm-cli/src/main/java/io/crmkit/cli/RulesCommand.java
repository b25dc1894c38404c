package io.crmkit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.crmkit.analytics.basket.AssociationRule;
import io.crmkit.analytics.basket.AssociationRules;
import io.crmkit.analytics.basket.Baskets;
import io.crmkit.analytics.basket.FrequentItemsetMiner;
import io.crmkit.analytics.basket.FrequentItemsets;
import io.crmkit.analytics.basket.Itemset;
import io.crmkit.analytics.basket.MiningConfig;
import io.crmkit.analytics.basket.RuleConfig;
import io.crmkit.analytics.basket.RuleSemantics;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm-cli rules --input FILE --min-support-count N [--min-confidence C]}: the frequent
 * itemsets of the baskets in FILE (one basket per line, items separated by spaces; an empty line
 * is an empty basket) with their counts and support as JSON, and with {@code --min-confidence}
 * the association rules (the cross-sell "customers holding A also hold B") with support,
 * confidence, lift, leverage and conviction.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Frequent itemsets and association rules over baskets (one per line, items separated by spaces).")
public final class RulesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "one basket per line")
    Path input;

    @Option(names = "--min-support-count", required = true, paramLabel = "N",
            description = "the least number of baskets an itemset must appear in")
    long minSupportCount;

    @Option(names = "--min-confidence", paramLabel = "C", description = "print the rules of at least this confidence (0-1)")
    @Nullable Double minConfidence;

    @Option(names = "--max-length", defaultValue = "0", paramLabel = "L",
            description = "the longest itemset (default: no limit)")
    int maxLength;

    @Option(names = "--semantics", defaultValue = "single", paramLabel = "single|all",
            description = "single-item consequents as in Spark, or every split as in Smile (default ${DEFAULT-VALUE})")
    String semantics;

    @Override
    public Integer call() {
        if (minSupportCount < 1) {
            throw ValidationException.of("--min-support-count", "Range", "must be at least 1");
        }
        if (minConfidence != null && !(minConfidence > 0 && minConfidence <= 1)) {
            throw ValidationException.of("--min-confidence", "Range", "must be above 0 and at most 1");
        }
        if (maxLength < 0) {
            throw ValidationException.of("--max-length", "Range", "must be 0 (no limit) or more");
        }
        RuleSemantics ruleSemantics = switch (semantics.strip().toLowerCase(Locale.ROOT)) {
            case "single" -> RuleSemantics.SINGLE_CONSEQUENT;
            case "all" -> RuleSemantics.ALL_SPLITS;
            default -> throw ValidationException.of("--semantics", "OneOf", "must be single or all");
        };
        Baskets baskets = Baskets.of(read(input));
        MiningConfig.Builder config = MiningConfig.custom().minCount(minSupportCount);
        if (maxLength > 0) {
            config.maxLength(maxLength);
        }
        FrequentItemsets itemsets = FrequentItemsetMiner.of(config.build()).mine(baskets);
        AssociationRules rules = minConfidence == null ? null
                : itemsets.rules(RuleConfig.custom().semantics(ruleSemantics).minConfidence(minConfidence).build());
        spec.commandLine().getOut().print(Json.of(g -> write(g, itemsets, rules)));
        return CrmCli.OK;
    }

    private static List<Set<String>> read(Path file) {
        List<Set<String>> baskets = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                Set<String> basket = new LinkedHashSet<>();
                for (String item : line.strip().split("\\s+")) {
                    if (!item.isEmpty()) {
                        basket.add(item);
                    }
                }
                baskets.add(basket);
            }
        } catch (NoSuchFileException e) {
            throw ValidationException.of("--input", "Exists", "the file does not exist");
        } catch (IOException e) {
            throw new StoreException("the file given by --input cannot be read", false);
        }
        if (baskets.isEmpty()) {
            throw ValidationException.of("--input", "Rows", "the file holds no basket");
        }
        return baskets;
    }

    private static void write(JsonGenerator g, FrequentItemsets itemsets, @Nullable AssociationRules rules)
            throws IOException {
        g.writeStartObject();
        g.writeNumberField("baskets", itemsets.baskets());
        g.writeNumberField("minSupportCount", itemsets.minCount());
        g.writeArrayFieldStart("itemsets");
        for (Itemset s : itemsets.itemsets()) {
            g.writeStartObject();
            items(g, "items", s.items());
            g.writeNumberField("count", s.count());
            g.writeNumberField("support", s.support());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (rules != null) {
            g.writeStringField("semantics", rules.semantics().name());
            g.writeArrayFieldStart("rules");
            for (AssociationRule r : rules.rules()) {
                g.writeStartObject();
                items(g, "antecedent", r.antecedent());
                items(g, "consequent", r.consequent());
                g.writeNumberField("count", r.count());
                g.writeNumberField("support", r.support());
                g.writeNumberField("confidence", r.confidence());
                g.writeNumberField("lift", r.lift());
                g.writeNumberField("leverage", r.leverage());
                Json.number(g, "conviction", r.conviction());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void items(JsonGenerator g, String field, List<String> items) throws IOException {
        g.writeArrayFieldStart(field);
        for (String item : items) {
            g.writeString(item);
        }
        g.writeEndArray();
    }
}
