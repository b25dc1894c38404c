package io.crmkit.cli;

import io.crmkit.core.Crm;
import io.crmkit.core.merge.MergeId;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.jpa.JpaCrmStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crm-cli unmerge MERGE_ID}: undoes a merge (both customers and every moved child back). */
@Command(name = "unmerge", mixinStandardHelpOptions = true, description = "Undo a merge by its id.")
public final class UnmergeCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin ActorOption actor;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MERGE_ID", description = "the id the merge command printed")
    String mergeId;

    @Override
    public Integer call() {
        try (JpaCrmStore st = store.open()) {
            MergeRecord m = Crm.builder().store(st).build().as(actor.actor()).merges().unmerge(MergeId.of(mergeId));
            spec.commandLine().getOut().println("unmerged " + m.id() + ": " + m.duplicate() + " and " + m.survivor()
                    + " are apart again; " + m.moves().size() + " records moved back");
            return CrmCli.OK;
        }
    }
}
