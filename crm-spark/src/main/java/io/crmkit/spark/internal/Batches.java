package io.crmkit.spark.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Runs a crm-analytics engine inside {@code mapPartitions}: each partition is cut into batches of
 * rows, each batch becomes a small feature frame that the engine scores in one call, and the
 * engine's per-row results are appended to the input rows. Only per-row work happens here; the
 * global steps (thresholds, minimums) are computed before and travel inside the kernel.
 *
 * <p>Not part of the public API. Stateless and thread-safe.
 */
public final class Batches {

    /** Rows per engine call: large enough to amortise the call, small enough for any executor. */
    public static final int DEFAULT_BATCH = 1 << 16;

    private Batches() {
    }

    /** The per-batch work: given a batch of input rows, the values to append to each, in row order. */
    @FunctionalInterface
    public interface Kernel extends Serializable {
        Object[][] apply(List<Row> rows);
    }

    /**
     * Appends the kernel's columns to every row.
     *
     * @param out the input schema followed by the appended fields
     */
    public static Dataset<Row> append(Dataset<?> input, StructType out, int batch, Kernel kernel) {
        Dataset<Row> df = input.toDF();
        int width = df.schema().length();
        MapPartitionsFunction<Row, Row> f = rows -> new BatchIterator(rows, width, batch, kernel);
        return df.mapPartitions(f, Encoders.row(out));
    }

    /**
     * Reads a numeric column of a batch as doubles, as a feature frame holds them: {@code -0.0}
     * becomes {@code 0.0}; a null, NaN or infinite value is refused naming the column only.
     */
    public static double[] doubles(List<Row> rows, int index, String column) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = rows.get(i).get(index);
            if (!(o instanceof Number)) {
                throw SparkChecks.invalid("column '" + column + "'", "NotNull", "must hold a number in every row (found a null)");
            }
            double v = ((Number) o).doubleValue();
            if (!Double.isFinite(v)) {
                throw SparkChecks.invalid("column '" + column + "'", "Finite", "must hold finite numbers (found NaN or an infinity)");
            }
            out[i] = v + 0.0;
        }
        return out;
    }

    private static final class BatchIterator implements Iterator<Row> {
        private final Iterator<Row> in;
        private final int width;
        private final int batch;
        private final Kernel kernel;
        private List<Row> rows = List.of();
        private Object[][] added;
        private int next;

        BatchIterator(Iterator<Row> in, int width, int batch, Kernel kernel) {
            this.in = in;
            this.width = width;
            this.batch = batch;
            this.kernel = kernel;
        }

        @Override
        public boolean hasNext() {
            if (next < rows.size()) {
                return true;
            }
            if (!in.hasNext()) {
                return false;
            }
            List<Row> buf = new ArrayList<>(batch);
            while (buf.size() < batch && in.hasNext()) {
                buf.add(in.next());
            }
            rows = buf;
            added = kernel.apply(buf);
            next = 0;
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = rows.get(next);
            Object[] extra = added[next];
            next++;
            Object[] values = new Object[width + extra.length];
            for (int i = 0; i < width; i++) {
                values[i] = r.get(i);
            }
            System.arraycopy(extra, 0, values, width, extra.length);
            return RowFactory.create(values);
        }
    }
}
