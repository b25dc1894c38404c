package io.crmkit.analytics.cluster;

import io.crmkit.analytics.internal.Checks;
import java.util.List;

/**
 * What {@link KChooser} found: for each k tried, the fit, its inertia and its sampled mean
 * silhouette; the elbow's k and the best silhouette's k.
 *
 * <p>Immutable and thread-safe; arrays are returned as copies.
 */
public final class KChoice {

    private final int kMin;
    private final List<KMeansResult> fits;
    private final double[] inertia;
    private final double[] silhouette;
    private final int elbowK;
    private final int silhouetteK;

    KChoice(int kMin, List<KMeansResult> fits, double[] inertia, double[] silhouette, int elbowK, int silhouetteK) {
        this.kMin = kMin;
        this.fits = fits;
        this.inertia = inertia;
        this.silhouette = silhouette;
        this.elbowK = elbowK;
        this.silhouetteK = silhouetteK;
    }

    public int kMin() {
        return kMin;
    }

    public int kMax() {
        return kMin + fits.size() - 1;
    }

    /** The k at the elbow of the inertia curve. */
    public int elbowK() {
        return elbowK;
    }

    /** The k with the highest mean silhouette on the sample. */
    public int silhouetteK() {
        return silhouetteK;
    }

    /** Inertia for k = kMin, kMin+1, ... */
    public double[] inertias() {
        return inertia.clone();
    }

    /** Mean sampled silhouette for k = kMin, kMin+1, ... */
    public double[] silhouettes() {
        return silhouette.clone();
    }

    /** The fit for {@code k}. */
    public KMeansResult fit(int k) {
        return fits.get(Checks.between(k, kMin, kMax(), "k") - kMin);
    }

    @Override
    public String toString() {
        return "KChoice[k=" + kMin + ".." + kMax() + ", elbowK=" + elbowK + ", silhouetteK=" + silhouetteK + "]";
    }
}
