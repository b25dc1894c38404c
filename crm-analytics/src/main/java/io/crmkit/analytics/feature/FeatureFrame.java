package io.crmkit.analytics.feature;

import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.internal.LongIntIndex;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToDoubleFunction;

/**
 * Customer features in columns: one primitive array per feature, one row per customer, and a
 * {@code long} customer id per row.
 *
 * <p>Columns are {@code double[]}, {@code int[]}, {@code long[]} or categories (int codes into a
 * list of labels). Double columns never hold NaN, infinities or negative zero: the builder rejects
 * the first two and turns {@code -0.0} into {@code 0.0}, so every engine can compare values with
 * plain {@code <} and sort them by bit pattern.
 *
 * <p>A frame is immutable by contract: the builder takes ownership of the arrays it is given (do
 * not modify them afterwards) and the accessors return the backing arrays without copying, so that
 * a nightly run over ten million rows reads memory once; callers must treat them as read-only.
 * Adding a feature ({@link #withDoubles}, {@link #derive}) returns a new frame sharing the existing
 * columns. Instances are thread-safe; the lazily built id index and double views of integer
 * columns are created at most once per frame under concurrent access.
 */
public final class FeatureFrame {

    private final long[] ids;
    private final String[] keys;
    private final Map<String, Column> columns;
    private final Map<String, double[]> numericViews = new ConcurrentHashMap<>();
    private volatile LongIntIndex index;
    private volatile Map<String, Integer> keyIndex;

    private FeatureFrame(long[] ids, String[] keys, Map<String, Column> columns) {
        this.ids = ids;
        this.keys = keys;
        this.columns = columns;
    }

    /** Starts a frame of {@code rows} customers. */
    public static Builder builder(int rows) {
        return new Builder(rows);
    }

    /** Number of customers (rows). */
    public int size() {
        return ids.length;
    }

    /** Customer ids by row (backing array, read-only by contract). */
    public long[] ids() {
        return ids;
    }

    /**
     * The customer's key in the CRM (its {@code CustomerId} text) for a row, when the frame was read
     * from the store or given keys; otherwise the decimal text of the row's id.
     */
    public String customerKey(int row) {
        return keys == null ? Long.toString(ids[row]) : keys[row];
    }

    /** The row of a customer key, or -1 when the frame does not hold it (or carries no keys). */
    public int rowOfKey(String customerKey) {
        if (keys == null || customerKey == null) {
            return -1;
        }
        Map<String, Integer> m = keyIndex;
        if (m == null) {
            m = new java.util.HashMap<>(keys.length * 2);
            for (int r = 0; r < keys.length; r++) {
                m.put(keys[r], r);
            }
            keyIndex = m;
        }
        return m.getOrDefault(customerKey, -1);
    }

    /** Whether rows carry CRM customer keys besides their numeric ids. */
    public boolean hasCustomerKeys() {
        return keys != null;
    }

    /** Feature names in the order they were added. */
    public Set<String> featureNames() {
        return Collections.unmodifiableSet(columns.keySet());
    }

    public boolean has(String feature) {
        return columns.containsKey(feature);
    }

    /** @throws RuntimeException naming the feature when it is absent */
    public ColumnType type(String feature) {
        return column(feature).type;
    }

    /** The double column (backing array). @throws RuntimeException when absent or not DOUBLE */
    public double[] doubles(String feature) {
        return (double[]) typed(feature, ColumnType.DOUBLE).data;
    }

    /** The int column (backing array). @throws RuntimeException when absent or not INT */
    public int[] ints(String feature) {
        return (int[]) typed(feature, ColumnType.INT).data;
    }

    /** The long column (backing array). @throws RuntimeException when absent or not LONG */
    public long[] longs(String feature) {
        return (long[]) typed(feature, ColumnType.LONG).data;
    }

    /** The codes of a category column (backing array); {@code -1} means no label. */
    public int[] categoryCodes(String feature) {
        return (int[]) typed(feature, ColumnType.CATEGORY).data;
    }

    /** The labels of a category column, indexed by code. */
    public List<String> categoryLevels(String feature) {
        return typed(feature, ColumnType.CATEGORY).levels;
    }

    /**
     * Any numeric column as doubles: the backing array for DOUBLE, a converted copy (made once and
     * cached) for INT and LONG.
     *
     * @throws RuntimeException when the feature is absent or a category
     */
    public double[] numeric(String feature) {
        Column c = column(feature);
        switch (c.type) {
            case DOUBLE:
                return (double[]) c.data;
            case INT:
                return numericViews.computeIfAbsent(feature, f -> {
                    int[] src = (int[]) c.data;
                    double[] out = new double[src.length];
                    for (int i = 0; i < src.length; i++) {
                        out[i] = src[i];
                    }
                    return out;
                });
            case LONG:
                return numericViews.computeIfAbsent(feature, f -> {
                    long[] src = (long[]) c.data;
                    double[] out = new double[src.length];
                    for (int i = 0; i < src.length; i++) {
                        out[i] = src[i];
                    }
                    return out;
                });
            default:
                throw Checks.invalid("feature '" + feature + "'", "is a category, a number was expected");
        }
    }

    /** The row of a customer id, or -1 when the frame does not hold it. */
    public int rowOf(long customerId) {
        LongIntIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = new LongIntIndex(ids, "ids");
                    index = i;
                }
            }
        }
        return i.rowOf(customerId);
    }

    /** A new frame with one more double column (host-defined feature). */
    public FeatureFrame withDoubles(String feature, double[] values) {
        Map<String, Column> copy = new LinkedHashMap<>(columns);
        Builder.put(copy, feature, Builder.doubleColumn(feature, values, ids.length));
        return new FeatureFrame(ids, keys, copy);
    }

    /** A new frame with a host-defined feature computed per row, e.g. {@code r -> aum[r] / age[r]}. */
    public FeatureFrame derive(String feature, IntToDoubleFunction perRow) {
        Checks.notNull(perRow, "perRow");
        double[] values = new double[ids.length];
        for (int r = 0; r < values.length; r++) {
            values[r] = perRow.applyAsDouble(r);
        }
        return withDoubles(feature, values);
    }

    private Column column(String feature) {
        Column c = columns.get(feature);
        if (c == null) {
            throw Checks.invalid("feature '" + feature + "'", "is not in the frame");
        }
        return c;
    }

    private Column typed(String feature, ColumnType type) {
        Column c = column(feature);
        if (c.type != type) {
            throw Checks.invalid("feature '" + feature + "'", "is " + c.type + ", not " + type);
        }
        return c;
    }

    @Override
    public String toString() {
        return "FeatureFrame[rows=" + ids.length + ", features=" + columns.keySet() + "]";
    }

    private static final class Column {
        final ColumnType type;
        final Object data;
        final List<String> levels;

        Column(ColumnType type, Object data, List<String> levels) {
            this.type = type;
            this.data = data;
            this.levels = levels;
        }
    }

    /**
     * Collects whole columns for a {@link FeatureFrame}. Every method validates at once and names
     * the feature; the builder takes ownership of the arrays. Not thread-safe.
     */
    public static final class Builder {
        private final int rows;
        private long[] ids;
        private String[] keys;
        private final Map<String, Column> columns = new LinkedHashMap<>();

        private Builder(int rows) {
            if (rows < 0) {
                throw Checks.invalid("rows", "must be at least 0 (was " + rows + ")");
            }
            this.rows = rows;
        }

        /** Customer ids, distinct. Defaults to the row numbers 0..rows-1. */
        public Builder ids(long[] customerIds) {
            Checks.notNull(customerIds, "ids");
            Checks.sameLength(rows, customerIds.length, "ids");
            new LongIntIndex(customerIds, "ids");
            this.ids = customerIds;
            return this;
        }

        /**
         * The CRM customer keys by row (e.g. {@code CustomerId} values), distinct. Optional; engines
         * work on the numeric ids, the keys map results back to the CRM.
         */
        public Builder customerKeys(String[] customerKeys) {
            Checks.notNull(customerKeys, "customerKeys");
            Checks.sameLength(rows, customerKeys.length, "customerKeys");
            java.util.Set<String> seen = new java.util.HashSet<>(customerKeys.length * 2);
            for (int r = 0; r < customerKeys.length; r++) {
                if (customerKeys[r] == null || !seen.add(customerKeys[r])) {
                    throw Checks.invalid("customerKeys row " + r, "Distinct", "must be present and distinct");
                }
            }
            this.keys = customerKeys;
            return this;
        }

        public Builder doubles(String feature, double[] values) {
            put(columns, feature, doubleColumn(feature, values, rows));
            return this;
        }

        public Builder ints(String feature, int[] values) {
            check(feature, values == null ? -1 : values.length);
            put(columns, feature, new Column(ColumnType.INT, values, List.of()));
            return this;
        }

        public Builder longs(String feature, long[] values) {
            check(feature, values == null ? -1 : values.length);
            put(columns, feature, new Column(ColumnType.LONG, values, List.of()));
            return this;
        }

        /**
         * A category column: {@code codes[r]} indexes {@code levels}, or is -1 for "no label".
         * Levels are distinct codes such as {@code GOLD}.
         */
        public Builder categories(String feature, int[] codes, List<String> levels) {
            check(feature, codes == null ? -1 : codes.length);
            Checks.notNull(levels, "feature '" + feature + "' levels");
            List<String> copy = List.copyOf(levels);
            if (copy.size() != Set.copyOf(copy).size()) {
                throw Checks.invalid("feature '" + feature + "' levels", "must be distinct");
            }
            for (String level : copy) {
                Checks.code(level, "feature '" + feature + "' level");
            }
            for (int r = 0; r < codes.length; r++) {
                if (codes[r] < -1 || codes[r] >= copy.size()) {
                    throw Checks.invalid("feature '" + feature + "' row " + r,
                            "code must be -1 or an index into the " + copy.size() + " levels");
                }
            }
            put(columns, feature, new Column(ColumnType.CATEGORY, codes, copy));
            return this;
        }

        public FeatureFrame build() {
            long[] rowIds = ids;
            if (rowIds == null) {
                rowIds = new long[rows];
                for (int r = 0; r < rows; r++) {
                    rowIds[r] = r;
                }
            }
            return new FeatureFrame(rowIds, keys, new LinkedHashMap<>(columns));
        }

        private void check(String feature, int length) {
            Checks.featureName(feature, "feature");
            if (length < 0) {
                throw Checks.invalid("feature '" + feature + "'", "must not be null");
            }
            Checks.sameLength(rows, length, "feature '" + feature + "'");
        }

        static Column doubleColumn(String feature, double[] values, int rows) {
            Checks.featureName(feature, "feature");
            Checks.notNull(values, "feature '" + feature + "'");
            Checks.sameLength(rows, values.length, "feature '" + feature + "'");
            for (int r = 0; r < values.length; r++) {
                double v = values[r];
                if (!Double.isFinite(v)) {
                    throw Checks.invalid("feature '" + feature + "' row " + r, "must be a finite number");
                }
                values[r] = v + 0.0; // turns -0.0 into 0.0
            }
            return new Column(ColumnType.DOUBLE, values, List.of());
        }

        static void put(Map<String, Column> target, String feature, Column column) {
            if (target.putIfAbsent(feature, column) != null) {
                throw Checks.invalid("feature '" + feature + "'", "is already in the frame");
            }
        }
    }

}
