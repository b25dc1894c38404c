package io.crmkit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.crmkit.analytics.cluster.ClusterProfile;
import io.crmkit.analytics.cluster.KMeans;
import io.crmkit.analytics.cluster.KMeansConfig;
import io.crmkit.analytics.cluster.KMeansResult;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm-cli kmeans --input FILE.csv --k K --seed S}: k-means (seeded k-means++, Hamerly's
 * exact iterations) over the numeric columns of a CSV with a header (an {@code id} column is kept
 * as the row's key, not clustered). Prints, as JSON, the inertia and for each cluster its size,
 * its centre in the columns' own units and its description in words; {@code --assignments FILE}
 * also writes {@code id,cluster} per row.
 */
@Command(name = "kmeans", mixinStandardHelpOptions = true, description = "Cluster the rows of a numeric CSV with k-means.")
public final class KMeansCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "CSV with a header; numbers only, besides id")
    Path input;

    @Option(names = "--k", required = true, paramLabel = "K", description = "the number of clusters")
    int k;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "the k-means++ seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--columns", split = ",", paramLabel = "NAME", description = "the columns to cluster on (default: all but id)")
    List<String> columns = new ArrayList<>();

    @Option(names = "--raw", description = "cluster the raw values instead of z-scores")
    boolean raw;

    @Option(names = "--assignments", paramLabel = "FILE", description = "write id,cluster per row to this CSV")
    @Nullable Path assignments;

    @Override
    public Integer call() {
        NumericTable table = NumericTable.read(input, "--input");
        List<String> names = columns.isEmpty() ? table.columns() : List.copyOf(columns);
        if (names.isEmpty()) {
            throw ValidationException.of("--input", "Columns", "the file has no numeric column to cluster on");
        }
        double[][] data = new double[names.size()][];
        for (int f = 0; f < names.size(); f++) {
            data[f] = table.column(names.get(f), columns.isEmpty() ? "--input" : "--columns");
        }
        if (k < 1 || k > Math.min(KMeansConfig.MAX_K, table.rows())) {
            throw ValidationException.of("--k", "Range", "must be from 1 to the number of rows (" + table.rows()
                    + ") and at most " + KMeansConfig.MAX_K);
        }
        KMeansResult result = KMeans.of(KMeansConfig.custom().k(k).seed(seed).standardize(!raw).parallelism(1).build())
                .fit(data, names);
        if (assignments != null) {
            writeAssignments(result, table.ids(), assignments);
        }
        spec.commandLine().getOut().print(Json.of(g -> write(g, result)));
        return CrmCli.OK;
    }

    private static void write(JsonGenerator g, KMeansResult result) throws IOException {
        g.writeStartObject();
        g.writeNumberField("k", result.k());
        g.writeNumberField("rows", result.rows());
        g.writeNumberField("inertia", result.inertia());
        g.writeNumberField("iterations", result.iterations());
        g.writeBooleanField("converged", result.converged());
        g.writeArrayFieldStart("clusters");
        List<String> features = result.features();
        for (ClusterProfile p : result.profiles()) {
            g.writeStartObject();
            g.writeNumberField("cluster", p.cluster());
            g.writeNumberField("size", p.size());
            g.writeNumberField("share", p.share());
            g.writeObjectFieldStart("centre");
            double[] centre = result.centroid(p.cluster());
            for (int f = 0; f < features.size(); f++) {
                g.writeNumberField(features.get(f), centre[f]);
            }
            g.writeEndObject();
            g.writeStringField("description", p.description());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeAssignments(KMeansResult result, String @Nullable [] ids, Path file) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,cluster\n");
            for (int r = 0; r < result.rows(); r++) {
                w.write(ids == null ? Integer.toString(r + 1) : io.crmkit.quality.export.FormulaGuard.neutralise(ids[r]));
                w.write(',');
                w.write(Integer.toString(result.cluster(r)));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new StoreException("the file given by --assignments cannot be written", false);
        }
    }
}
