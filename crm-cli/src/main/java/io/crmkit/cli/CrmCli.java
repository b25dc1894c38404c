package io.crmkit.cli;

import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar crm-cli.jar <command> ...}: the operations staff's tool. Each subcommand is one
 * class registered here; a new one is a class with
 * {@code @Command} implementing {@code Callable<Integer>}, added to {@code subcommands}.
 *
 * <p>Exit codes: 0 success, 1 done but some rows were rejected, 2 bad usage, 3 refused input
 * (a library validation error), 4 the store or a file failed. Errors print the library's
 * messages, which name fields and rules, never personal data.
 */
@Command(name = "crm-cli", mixinStandardHelpOptions = true, version = "crm-cli 0.1.0",
        description = "CRMKit operations: import, export, find duplicate customers, merge and unmerge them;"
                + " lifetime value, association rules, k-means and the nightly scoring.",
        subcommands = {ImportCommand.class, ExportCommand.class, DedupCommand.class, MergeCommand.class, UnmergeCommand.class,
                ClvCommand.class, RulesCommand.class, KMeansCommand.class, NightlyCommand.class})
public final class CrmCli implements Runnable {
    public static final int OK = 0;
    public static final int REJECTED_ROWS = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int FAILED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new CrmCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ValidationException v) {
                for (Violation x : v.violations()) {
                    line.getErr().println("error: " + x);
                }
                return REFUSED;
            }
            if (e instanceof CrmException c) {
                line.getErr().println("error: " + c.getMessage());
                return FAILED;
            }
            // Not ours: report the type only, since a foreign message may quote data.
            line.getErr().println("error: unexpected " + e.getClass().getName());
            return FAILED;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
