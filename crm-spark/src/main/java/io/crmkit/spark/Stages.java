package io.crmkit.spark;

import java.util.Arrays;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Small helpers shared by the stages. Stateless and thread-safe. */
final class Stages {

    private Stages() {
    }

    static String uid(String prefix) {
        return Identifiable$.MODULE$.randomUID(prefix);
    }

    static StructType append(StructType schema, StructField... fields) {
        StructField[] all = Arrays.copyOf(schema.fields(), schema.fields().length + fields.length);
        System.arraycopy(fields, 0, all, schema.fields().length, fields.length);
        return new StructType(all);
    }

    static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    static org.apache.spark.sql.types.DataType strings() {
        return DataTypes.createArrayType(DataTypes.StringType, false);
    }
}
