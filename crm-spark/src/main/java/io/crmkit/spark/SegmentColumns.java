package io.crmkit.spark;

import io.crmkit.analytics.segment.Condition;
import io.crmkit.analytics.segment.SegmentSyntaxException;
import io.crmkit.spark.internal.SparkChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * Compiles the segment language of crm-analytics to a Spark {@link Column}: the text is parsed by
 * crm-analytics ({@link Condition#parse}), so syntax errors are the same {@link SegmentSyntaxException}
 * at the same column; names and labels are then checked against the DataFrame's schema with the
 * same messages and positions as against a feature frame ({@code unknown feature 'agee'},
 * {@code 'PLATNUM' is not a value of 'tier'; known values: [...]}).
 *
 * <p>Numeric columns play a frame's numeric features, string columns its categories (labels are
 * compared upper-case, as the language reads them). A null label is outside {@code tier in (...)}
 * and inside {@code not tier in (...)} and {@code tier != GOLD}, as a row without a label is in a
 * frame: every leaf is made two-valued with {@code coalesce(..., false)}. Stateless and thread-safe.
 */
public final class SegmentColumns {

    private SegmentColumns() {
    }

    /**
     * @param text   segment text, e.g. {@code age between 28 and 60 and tier in (GOLD, SILVER)}
     * @param schema the DataFrame's schema
     * @param levels known labels of each string column (from the data or reference data); a column
     *               absent from the map has its labels not checked
     * @throws SegmentSyntaxException with the 1-based column of the first problem
     */
    public static Column compile(String text, StructType schema, Map<String, List<String>> levels) {
        return compile(Condition.parse(text), schema, levels);
    }

    public static Column compile(Condition condition, StructType schema, Map<String, List<String>> levels) {
        if (condition == null || schema == null || levels == null) {
            throw SparkChecks.invalid("segment", "NotNull", "condition, schema and levels must not be null");
        }
        return new Compiler(schema, levels).compile(condition);
    }

    /** The string columns a condition reads, for looking up their labels. */
    public static List<String> categoryColumns(Condition condition, StructType schema) {
        List<String> out = new ArrayList<>();
        collect(condition, schema, out);
        return out;
    }

    private static void collect(Condition c, StructType schema, List<String> out) {
        if (c instanceof Condition.And a) {
            collect(a.left(), schema, out);
            collect(a.right(), schema, out);
        } else if (c instanceof Condition.Or o) {
            collect(o.left(), schema, out);
            collect(o.right(), schema, out);
        } else if (c instanceof Condition.Not n) {
            collect(n.inner(), schema, out);
        } else {
            String f = c instanceof Condition.Compare cmp ? cmp.feature()
                    : c instanceof Condition.Between b ? b.feature() : ((Condition.In) c).feature();
            if (Arrays.asList(schema.fieldNames()).contains(f) && schema.apply(f).dataType() instanceof StringType
                    && !out.contains(f)) {
                out.add(f);
            }
        }
    }

    private static final class Compiler {
        private final StructType schema;
        private final Map<String, List<String>> levels;
        private int depth;

        Compiler(StructType schema, Map<String, List<String>> levels) {
            this.schema = schema;
            this.levels = levels;
        }

        Column compile(Condition c) {
            if (++depth > 256) {
                throw new SegmentSyntaxException(0, "conditions may nest at most 256 levels deep");
            }
            try {
                if (c instanceof Condition.And a) {
                    return compile(a.left()).and(compile(a.right()));
                }
                if (c instanceof Condition.Or o) {
                    return compile(o.left()).or(compile(o.right()));
                }
                if (c instanceof Condition.Not n) {
                    return functions.not(compile(n.inner()));
                }
                if (c instanceof Condition.Compare cmp) {
                    return compare(cmp);
                }
                if (c instanceof Condition.Between b) {
                    Column col = numeric(b.feature(), b.position());
                    double lo = number(b.low(), b.feature());
                    double hi = number(b.high(), b.feature());
                    if (lo > hi) {
                        throw new SegmentSyntaxException(b.low().position(),
                                "the lower bound of 'between' must not exceed the upper bound");
                    }
                    return two(col.geq(lo).and(col.leq(hi)));
                }
                return in((Condition.In) c);
            } finally {
                depth--;
            }
        }

        private Column compare(Condition.Compare c) {
            require(c.feature(), c.position());
            if (isCategory(c.feature())) {
                if (c.op() != Condition.Op.EQ && c.op() != Condition.Op.NE) {
                    throw new SegmentSyntaxException(c.position(), "'" + c.feature()
                            + "' is a category: use =, !=, or in, not " + c.op().symbol());
                }
                Column hit = two(label(c.feature()).isin(labels(c.feature(), List.of(c.value()))));
                return c.op() == Condition.Op.EQ ? hit : functions.not(hit);
            }
            Column col = numeric(c.feature(), c.position());
            double x = number(c.value(), c.feature());
            switch (c.op()) {
                case EQ:
                    return two(col.equalTo(x));
                case NE:
                    return two(col.notEqual(x));
                case LT:
                    return two(col.lt(x));
                case LE:
                    return two(col.leq(x));
                case GT:
                    return two(col.gt(x));
                default:
                    return two(col.geq(x));
            }
        }

        private Column in(Condition.In c) {
            require(c.feature(), c.position());
            if (isCategory(c.feature())) {
                return two(label(c.feature()).isin(labels(c.feature(), c.values())));
            }
            Column col = numeric(c.feature(), c.position());
            Object[] xs = new Object[c.values().size()];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = number(c.values().get(k), c.feature());
            }
            return two(col.isin(xs));
        }

        private Object[] labels(String feature, List<Condition.Value> values) {
            List<String> known = levels.get(feature);
            Object[] out = new Object[values.size()];
            for (int k = 0; k < out.length; k++) {
                Condition.Value v = values.get(k);
                if (v.numeric() || known != null && !known.contains(v.text())) {
                    throw new SegmentSyntaxException(v.position(), "'" + shorten(v.text()) + "' is not a value of '"
                            + feature + "'; known values: " + shortList(known == null ? List.of() : known));
                }
                out[k] = v.text();
            }
            return out;
        }

        private Column label(String feature) {
            return functions.upper(functions.col(quote(feature)));
        }

        private Column numeric(String feature, int position) {
            require(feature, position);
            if (isCategory(feature)) {
                throw new SegmentSyntaxException(position, "'" + feature + "' is a category, a number range does not apply");
            }
            if (!(schema.apply(feature).dataType() instanceof NumericType)) {
                throw new SegmentSyntaxException(position, "'" + feature + "' is neither a number nor a category");
            }
            return functions.col(quote(feature)).cast("double");
        }

        private boolean isCategory(String feature) {
            return schema.apply(feature).dataType() instanceof StringType;
        }

        private void require(String feature, int position) {
            if (!Arrays.asList(schema.fieldNames()).contains(feature)) {
                throw new SegmentSyntaxException(position, "unknown feature '" + shorten(feature) + "'");
            }
        }

        private static double number(Condition.Value v, String feature) {
            if (!v.numeric()) {
                throw new SegmentSyntaxException(v.position(), "'" + feature + "' is a number: expected a number, found '"
                        + shorten(v.text()) + "'");
            }
            return Double.parseDouble(v.text());
        }
    }

    /** Null (a missing value) counts as "does not hold", as a row without a label in a frame. */
    private static Column two(Column c) {
        return functions.coalesce(c, functions.lit(false));
    }

    private static String quote(String name) {
        return "`" + name + "`";
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }

    private static String shortList(List<String> levels) {
        return levels.size() > 10 ? levels.subList(0, 10) + " and " + (levels.size() - 10) + " more" : levels.toString();
    }
}
