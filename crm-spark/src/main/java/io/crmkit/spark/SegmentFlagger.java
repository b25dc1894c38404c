package io.crmkit.spark;

import io.crmkit.analytics.segment.Segment;
import io.crmkit.spark.internal.SparkChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Adds a boolean column: whether each row is in a segment written in crm-analytics' segment
 * language ({@code age between 28 and 60 and tier in (GOLD, SILVER)}), compiled by
 * {@link SegmentColumns} to a Spark expression, so Spark's optimiser evaluates it where the data
 * is. The labels of the string columns the condition reads are looked up with one small distinct
 * query (at most 1,000 labels per column) so that an unknown label fails as it does on a frame.
 * Output column: the segment's name. Thread-safe once configured.
 */
public final class SegmentFlagger extends Transformer implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_LABELS = 1000;
    private final String uid;
    private final Param<String> segmentName;
    private final Param<String> condition;

    public SegmentFlagger() {
        this(Stages.uid("crmSegment"));
    }

    public SegmentFlagger(String uid) {
        this.uid = uid;
        segmentName = new Param<>(this, "segmentName", "lower-case segment name; also the output column");
        condition = new Param<>(this, "condition", "the condition in the segment language");
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> segmentName() {
        return segmentName;
    }

    public Param<String> condition() {
        return condition;
    }

    /** Name and condition, validated by crm-analytics ({@link Segment#parse}). */
    public SegmentFlagger setSegment(String name, String text) {
        Segment.parse(name, text);
        set(segmentName, name);
        return (SegmentFlagger) set(condition, text);
    }

    private Segment segment() {
        if (!isDefined(segmentName) || !isDefined(condition)) {
            throw SparkChecks.invalid("segment", "NotNull", "name and condition must be set");
        }
        return Segment.parse(getOrDefault(segmentName), getOrDefault(condition));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Segment s = segment();
        StructType schema = dataset.schema();
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (String c : SegmentColumns.categoryColumns(s.condition(), schema)) {
            List<Row> distinct = dataset.toDF().select(functions.upper(functions.col("`" + c + "`")))
                    .where(functions.col("`" + c + "`").isNotNull()).distinct().limit(MAX_LABELS + 1).collectAsList();
            if (distinct.size() > MAX_LABELS) {
                continue; // too many to be categories: labels not checked
            }
            List<String> labels = new ArrayList<>();
            distinct.forEach(r -> labels.add(r.getString(0)));
            labels.sort(null);
            levels.put(c, labels);
        }
        return dataset.toDF().withColumn(s.name(), SegmentColumns.compile(s.condition(), schema, levels));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Segment s = segment();
        SegmentColumns.compile(s.condition(), schema, Map.of());
        SparkChecks.absent(schema, s.name(), "segmentName");
        return Stages.append(schema, Stages.field(s.name(), DataTypes.BooleanType, false));
    }

    @Override
    public SegmentFlagger copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<SegmentFlagger> read() {
        return new DefaultParamsReader<>();
    }

    public static SegmentFlagger load(String path) {
        return read().load(path);
    }
}
