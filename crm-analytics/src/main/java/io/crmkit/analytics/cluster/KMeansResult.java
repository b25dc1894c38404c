package io.crmkit.analytics.cluster;

import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link KMeans} fit: each row's cluster, the centres, the objective and how the
 * iterations ended. The objective ({@link #inertia()}) is the sum of squared distances of the rows
 * to their centres in the space the algorithm worked in: z-scores when standardised.
 *
 * <p>Immutable and thread-safe; accessors return copies.
 */
public final class KMeansResult {

    /** A feature counts as setting a cluster apart from this many standard deviations on. */
    public static final double NOTABLE_SD = 0.5;

    private final List<String> features;
    private final double[] means;
    private final double[] sds;
    private final boolean standardized;
    private final int k;
    private final int d;
    private final double[] centres;
    private final int[] assign;
    private final long[] counts;
    private final double inertia;
    private final int iterations;
    private final boolean converged;
    private final long distanceComputations;

    KMeansResult(Points p, KMeansConfig config, double[] centres, int[] assign, long[] counts, double inertia,
                 int iterations, boolean converged, long distanceComputations) {
        this.features = p.names;
        this.means = p.means;
        this.sds = p.sds;
        this.standardized = config.standardize();
        this.k = config.k();
        this.d = p.d;
        this.centres = centres;
        this.assign = assign;
        this.counts = counts;
        this.inertia = inertia;
        this.iterations = iterations;
        this.converged = converged;
        this.distanceComputations = distanceComputations;
    }

    public int k() {
        return k;
    }

    public int rows() {
        return assign.length;
    }

    public List<String> features() {
        return features;
    }

    /** The cluster (0 to k-1) of row {@code row}. */
    public int cluster(int row) {
        return assign[Checks.between(row, 0, assign.length - 1, "row")];
    }

    /** Every row's cluster. */
    public int[] assignments() {
        return assign.clone();
    }

    /** Rows in cluster {@code j}. */
    public long size(int j) {
        return counts[checkCluster(j)];
    }

    /** Centre of cluster {@code j} in the features' own units. */
    public double[] centroid(int j) {
        checkCluster(j);
        double[] out = new double[d];
        for (int f = 0; f < d; f++) {
            double c = centres[j * d + f];
            out[f] = !standardized ? c : sds[f] > 0 ? means[f] + c * sds[f] : means[f];
        }
        return out;
    }

    /** Centre of cluster {@code j} in the space the algorithm worked in (z-scores when standardised). */
    public double[] workingCentroid(int j) {
        checkCluster(j);
        double[] out = new double[d];
        System.arraycopy(centres, j * d, out, 0, d);
        return out;
    }

    /** Sum of squared distances from the rows to their centres, in the working space. */
    public double inertia() {
        return inertia;
    }

    /** Iterations run (centre updates). */
    public int iterations() {
        return iterations;
    }

    /** False when the iteration bound stopped the run before no point changed cluster. */
    public boolean converged() {
        return converged;
    }

    /** Point-to-centre distances computed, k-means++ excluded: what Hamerly's bounds saved. */
    public long distanceComputations() {
        return distanceComputations;
    }

    /** Cluster {@code j} described by the features that set it apart. */
    public ClusterProfile profile(int j) {
        double[] c = centroid(j);
        List<FeatureDeviation> devs = new ArrayList<>(d);
        for (int f = 0; f < d; f++) {
            double z = sds[f] > 0 ? (c[f] - means[f]) / sds[f] : 0;
            devs.add(new FeatureDeviation(features.get(f), c[f], means[f], z));
        }
        List<FeatureDeviation> sorted = new ArrayList<>(devs);
        sorted.sort(Comparator.comparingDouble((FeatureDeviation x) -> -Math.abs(x.sdFromAverage())));
        List<String> words = new ArrayList<>();
        for (FeatureDeviation dev : sorted) {
            if (words.size() < 3 && Math.abs(dev.sdFromAverage()) >= NOTABLE_SD) {
                words.add(String.format(Locale.ROOT, "%s %+.1f sd %s average", dev.feature(), dev.sdFromAverage(),
                        dev.sdFromAverage() > 0 ? "above" : "below"));
            }
        }
        String text = words.isEmpty() ? "close to average on every feature" : String.join(", ", words);
        return new ClusterProfile(j, counts[j], (double) counts[j] / assign.length, sorted, text);
    }

    /** Every cluster's profile, by cluster number. */
    public List<ClusterProfile> profiles() {
        List<ClusterProfile> out = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            out.add(profile(j));
        }
        return out;
    }

    private int checkCluster(int j) {
        return Checks.between(j, 0, k - 1, "cluster");
    }

    @Override
    public String toString() {
        return "KMeansResult[k=" + k + ", rows=" + assign.length + ", inertia=" + inertia + ", iterations="
                + iterations + ", converged=" + converged + "]";
    }
}
