package io.crmkit.spark.internal;

import io.crmkit.core.error.ValidationException;
import java.util.Arrays;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The one place where crm-spark builds its validation errors: the core's {@link ValidationException}
 * naming the field (a stage parameter or a column) and the rule. Messages quote column names and
 * configuration, never a customer's values.
 *
 * <p>Not part of the public API. Stateless and thread-safe.
 */
public final class SparkChecks {

    private SparkChecks() {
    }

    public static ValidationException invalid(String field, String rule, String message) {
        return ValidationException.of(field, rule, message);
    }

    /** The index of a column that must exist and hold numbers. */
    public static int numericColumn(StructType schema, String column, String param) {
        return typedColumn(schema, column, param, "a numeric", t -> t instanceof NumericType);
    }

    public static int stringColumn(StructType schema, String column, String param) {
        return typedColumn(schema, column, param, "a string", t -> t instanceof StringType);
    }

    public static int booleanColumn(StructType schema, String column, String param) {
        return typedColumn(schema, column, param, "a boolean", t -> t instanceof BooleanType);
    }

    public static int timestampColumn(StructType schema, String column, String param) {
        return typedColumn(schema, column, param, "a timestamp", t -> t instanceof TimestampType);
    }

    private static int typedColumn(StructType schema, String column, String param, String kind,
                                   java.util.function.Predicate<DataType> ok) {
        if (column == null || column.isEmpty()) {
            throw invalid(param, "NotEmpty", "must name a column");
        }
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw invalid(param, "Column", "column '" + shorten(column) + "' is not in the input");
        }
        StructField f = schema.apply(column);
        if (!ok.test(f.dataType())) {
            throw invalid(param, "ColumnType", "column '" + shorten(column) + "' must be " + kind + " column (is "
                    + f.dataType().simpleString() + ")");
        }
        return schema.fieldIndex(column);
    }

    /** Checks that an output column does not exist yet. */
    public static void absent(StructType schema, String column, String param) {
        if (column == null || column.isEmpty()) {
            throw invalid(param, "NotEmpty", "must name a column");
        }
        if (Arrays.asList(schema.fieldNames()).contains(column)) {
            throw invalid(param, "Column", "output column '" + shorten(column) + "' is already in the input");
        }
    }

    public static void sameLength(int expected, int actual, String param) {
        if (expected != actual) {
            throw invalid(param, "Size", "must hold " + expected + " entries (had " + actual + ")");
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
