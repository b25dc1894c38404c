package io.crmkit.cli;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.merge.MergeField;
import io.crmkit.core.merge.MergePreview;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.core.merge.Survivorship;
import io.crmkit.core.merge.SurvivorshipRule;
import io.crmkit.jpa.JpaCrmStore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crm-cli merge SURVIVOR DUPLICATE}: merges a duplicate customer into the survivor through
 * {@code crm.as(actor).merges()} (scope, audit), or with {@code --preview} shows what would move.
 * Prints the merge id, which {@code unmerge} takes, and the child records moved by kind.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, description = "Merge a duplicate customer into a survivor.")
public final class MergeCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin ActorOption actor;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SURVIVOR", description = "the id of the customer that stays")
    String survivor;

    @Parameters(index = "1", paramLabel = "DUPLICATE", description = "the id of the customer merged into it")
    String duplicate;

    @Option(names = "--rule", paramLabel = "FIELD=RULE",
            description = "survivorship of one field, e.g. LEGAL_NAME=DUPLICATE (rules: MOST_RECENT, MOST_COMPLETE,"
                    + " SOURCE_PRIORITY, SURVIVOR, DUPLICATE; default MOST_COMPLETE); repeatable")
    List<String> rules = new ArrayList<>();

    @Option(names = "--source-priority", paramLabel = "SYSTEM,...", split = ",",
            description = "external systems, most trusted first, for SOURCE_PRIORITY")
    List<String> sources = new ArrayList<>();

    @Option(names = "--preview", description = "show what the merge would do, write nothing")
    boolean preview;

    @Override
    public Integer call() {
        Survivorship s = survivorship(rules, sources);
        CustomerId sv = CustomerId.of(survivor);
        CustomerId dup = CustomerId.of(duplicate);
        try (JpaCrmStore st = store.open()) {
            CrmSession session = Crm.builder().store(st).build().as(actor.actor());
            if (preview) {
                MergePreview p = session.merges().preview(sv, dup, s);
                spec.commandLine().getOut().println("preview: would move " + counts(p.moves()));
            } else {
                MergeRecord m = session.merges().merge(sv, dup, s);
                Map<io.crmkit.core.merge.ChildMove.Kind, Integer> moved = new EnumMap<>(io.crmkit.core.merge.ChildMove.Kind.class);
                m.moves().forEach(mv -> moved.merge(mv.kind(), 1, Integer::sum));
                spec.commandLine().getOut().println("merged " + m.duplicate() + " into " + m.survivor() + " as " + m.id()
                        + "; moved " + counts(moved));
            }
            return CrmCli.OK;
        }
    }

    private static String counts(Map<io.crmkit.core.merge.ChildMove.Kind, Integer> moves) {
        StringBuilder b = new StringBuilder();
        moves.forEach((k, n) -> {
            if (n > 0) {
                b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(k.name().toLowerCase(Locale.ROOT));
            }
        });
        return b.length() == 0 ? "nothing" : b.toString();
    }

    /** Parses {@code FIELD=RULE} options; every bad one is reported at once. */
    static Survivorship survivorship(List<String> rules, List<String> sources) {
        Survivorship s = Survivorship.defaults().withSourcePriority(sources);
        List<io.crmkit.core.error.Violation> bad = new ArrayList<>();
        for (String r : rules) {
            int eq = r.indexOf('=');
            @Nullable MergeField field = eq < 0 ? null : parse(MergeField.class, r.substring(0, eq));
            @Nullable SurvivorshipRule rule = eq < 0 ? null : parse(SurvivorshipRule.class, r.substring(eq + 1));
            if (field == null || rule == null) {
                bad.add(io.crmkit.core.error.Violation.of("--rule", "FieldRule", "must be FIELD=RULE with a known field and rule"));
            } else {
                s = s.with(field, rule);
            }
        }
        if (!bad.isEmpty()) {
            throw new ValidationException(bad);
        }
        return s;
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
