package io.crmkit.analytics.clv.internal;

import java.util.Arrays;

/**
 * Customers grouped by identical (x, t_x, T), each group with its weight (the number of
 * customers in it). The likelihoods sum over groups, and they compute every term that depends on
 * x alone, T alone or t_x alone once per distinct value: that is what makes a fit over a million
 * customers cost little more than one over their few hundred thousand distinct histories.
 *
 * <p>Not part of the public API. Immutable after construction; arrays are never handed out for
 * writing.
 */
public final class Groups {

    /** Groups' x, and the index of x, t_x and T in the distinct-value tables. */
    final int[] x;
    final int[] xIndex;
    final int[] txIndex;
    final int[] tIndex;
    final double[] weight;
    /** Distinct values. */
    final int[] xValues;
    final double[] txValues;
    final double[] tValues;
    /** Total weight per distinct x. */
    final double[] weightByX;
    final double totalWeight;

    private Groups(int[] x, int[] xIndex, int[] txIndex, int[] tIndex, double[] weight, int[] xValues,
            double[] txValues, double[] tValues) {
        this.x = x;
        this.xIndex = xIndex;
        this.txIndex = txIndex;
        this.tIndex = tIndex;
        this.weight = weight;
        this.xValues = xValues;
        this.txValues = txValues;
        this.tValues = tValues;
        this.weightByX = new double[xValues.length];
        double total = 0;
        for (int g = 0; g < x.length; g++) {
            weightByX[xIndex[g]] += weight[g];
            total += weight[g];
        }
        this.totalWeight = total;
    }

    /**
     * Groups already validated rows; {@code x[i]}, {@code tx[i]}, {@code age[i]} describe customer i.
     * The distinct x, t_x and T values get dense indexes from small hash tables; the three indexes
     * are packed into one long per customer and radix-sorted, and each run of equal keys is a group
     * (sequential passes instead of a million probes into a large table). Keys wider than 62 bits
     * fall back to hashing.
     */
    public static Groups of(int[] xs, double[] tx, double[] age) {
        int n = xs.length;
        Interner xi = new Interner(64);
        Interner txi = new Interner(1024);
        Interner ti = new Interner(1024);
        int[] xSeen = new int[64];
        double[] txSeen = new double[1024];
        double[] tSeen = new double[1024];
        int[] ax = new int[n];
        int[] atx = new int[n];
        int[] at = new int[n];
        for (int i = 0; i < n; i++) {
            int before = xi.size();
            int a = xi.intern(xs[i]);
            if (a == before) {
                xSeen = a < xSeen.length ? xSeen : Arrays.copyOf(xSeen, xSeen.length * 2);
                xSeen[a] = xs[i];
            }
            before = txi.size();
            int b = txi.intern(bits(tx[i]));
            if (b == before) {
                txSeen = put(txSeen, b, tx[i]);
            }
            before = ti.size();
            int c = ti.intern(bits(age[i]));
            if (c == before) {
                tSeen = put(tSeen, c, age[i]);
            }
            ax[i] = a;
            atx[i] = b;
            at[i] = c;
        }
        int bt = width(ti.size());
        int btx = width(txi.size());
        int bx = width(xi.size());
        if (bx + btx + bt > 62) {
            return hashed(xs, tx, age);
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) ax[i] << (btx + bt)) | ((long) atx[i] << bt) | at[i];
        }
        radixSort(keys, bx + btx + bt);
        int groups = 0;
        for (int i = 0; i < n; i++) {
            groups += i == 0 || keys[i] != keys[i - 1] ? 1 : 0;
        }
        int[] gx = new int[groups];
        int[] gxIndex = new int[groups];
        int[] gtx = new int[groups];
        int[] gt = new int[groups];
        double[] w = new double[groups];
        long maskT = (1L << bt) - 1;
        long maskTx = (1L << btx) - 1;
        int g = -1;
        for (int i = 0; i < n; i++) {
            long k = keys[i];
            if (i == 0 || k != keys[i - 1]) {
                g++;
                gt[g] = (int) (k & maskT);
                gtx[g] = (int) ((k >>> bt) & maskTx);
                gxIndex[g] = (int) (k >>> (btx + bt));
                gx[g] = xSeen[gxIndex[g]];
            }
            w[g]++;
        }
        return new Groups(gx, gxIndex, gtx, gt, w, Arrays.copyOf(xSeen, xi.size()), Arrays.copyOf(txSeen, txi.size()),
                Arrays.copyOf(tSeen, ti.size()));
    }

    /** Bits needed for indexes 0 .. count - 1 (at least 1). */
    private static int width(int count) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, count - 1)));
    }

    /** LSD radix sort of non-negative keys of {@code bits} bits, 11 bits a pass. */
    private static void radixSort(long[] a, int bits) {
        long[] src = a;
        long[] dst = new long[a.length];
        for (int shift = 0; shift < bits; shift += 11) {
            int[] count = new int[2049];
            for (long v : src) {
                count[(int) ((v >>> shift) & 2047) + 1]++;
            }
            for (int i = 0; i < 2048; i++) {
                count[i + 1] += count[i];
            }
            for (long v : src) {
                dst[count[(int) ((v >>> shift) & 2047)]++] = v;
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, a.length);
        }
    }

    /** Stores v (with -0.0 as 0.0) at index i, growing the array when needed. */
    private static double[] put(double[] values, int i, double v) {
        double[] out = i < values.length ? values : Arrays.copyOf(values, values.length * 2);
        out[i] = v == 0 ? 0.0 : v;
        return out;
    }

    /** The hash grouping, for keys too wide to pack into 62 bits. */
    private static Groups hashed(int[] xs, double[] tx, double[] age) {
        int n = xs.length;
        Interner xi = new Interner(64);
        Interner txi = new Interner(1024);
        Interner ti = new Interner(1024);
        // below 2^21 rows each index fits 21 bits and one packed key suffices; above, pair then triple
        boolean packed = n < (1 << 21);
        Interner pairs = packed ? null : new Interner(1 << 16);
        Interner triples = new Interner(Math.min(n / 4 + 16, 1 << 18));
        int[] groupOf = new int[n];
        for (int i = 0; i < n; i++) {
            long a = xi.intern(xs[i]);
            long b = txi.intern(bits(tx[i]));
            long c = ti.intern(bits(age[i]));
            groupOf[i] = packed ? triples.intern((a << 42) | (b << 21) | c)
                    : triples.intern(((long) pairs.intern((a << 32) | b) << 32) | c);
        }
        int groups = triples.size();
        int[] gx = new int[groups];
        int[] gxIndex = new int[groups];
        int[] gtx = new int[groups];
        int[] gt = new int[groups];
        double[] w = new double[groups];
        int[] xValues = new int[xi.size()];
        double[] txValues = new double[txi.size()];
        double[] tValues = new double[ti.size()];
        boolean[] seen = new boolean[groups];
        for (int i = 0; i < n; i++) {
            int g = groupOf[i];
            w[g]++;
            if (!seen[g]) {
                seen[g] = true;
                gx[g] = xs[i];
                // the interners hand out indexes in first-seen order, so re-interning is a lookup
                gxIndex[g] = xi.intern(xs[i]);
                gtx[g] = txi.intern(bits(tx[i]));
                gt[g] = ti.intern(bits(age[i]));
                xValues[gxIndex[g]] = xs[i];
                txValues[gtx[g]] = tx[i] == 0 ? 0.0 : tx[i];
                tValues[gt[g]] = age[i] == 0 ? 0.0 : age[i];
            }
        }
        return new Groups(gx, gxIndex, gtx, gt, w, xValues, txValues, tValues);
    }

    /**
     * A random thinning to about {@code fraction} of the customers: each group keeps
     * floor(w f + u) customers, u uniform (unbiased), and groups left empty are dropped. The value
     * tables are shared, so indexes stay valid.
     */
    public Groups thin(double fraction, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int n = x.length;
        int[] keep = new int[n];
        double[] w = new double[n];
        int m = 0;
        for (int g = 0; g < n; g++) {
            double kept = Math.floor(weight[g] * fraction + rnd.nextDouble());
            if (kept > 0) {
                keep[m] = g;
                w[m++] = kept;
            }
        }
        int[] gx = new int[m];
        int[] gxi = new int[m];
        int[] gtx = new int[m];
        int[] gt = new int[m];
        for (int k = 0; k < m; k++) {
            int g = keep[k];
            gx[k] = x[g];
            gxi[k] = xIndex[g];
            gtx[k] = txIndex[g];
            gt[k] = tIndex[g];
        }
        return new Groups(gx, gxi, gtx, gt, java.util.Arrays.copyOf(w, m), xValues, txValues, tValues);
    }

    private static long bits(double v) {
        return Double.doubleToLongBits(v == 0 ? 0.0 : v); // -0.0 and 0.0 are one group
    }

    /** Number of groups. */
    public int size() {
        return x.length;
    }

    /** Number of customers (the sum of the weights). */
    public double totalWeight() {
        return totalWeight;
    }

    /** Mean age T, the natural time scale for starting points. */
    public double meanAge() {
        double acc = 0;
        for (int g = 0; g < x.length; g++) {
            acc += weight[g] * tValues[tIndex[g]];
        }
        return acc / totalWeight;
    }

    /** Mean x. */
    public double meanFrequency() {
        double acc = 0;
        for (int g = 0; g < x.length; g++) {
            acc += weight[g] * x[g];
        }
        return acc / totalWeight;
    }
}
