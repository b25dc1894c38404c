package io.crmkit.spark;

import io.crmkit.analytics.score.Reason;
import java.util.List;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Reasons as Spark array values (codes, texts). Stateless and thread-safe. */
final class Reasons {

    private Reasons() {
    }

    static Seq<String> codes(List<Reason> reasons) {
        String[] out = new String[reasons.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = reasons.get(i).code();
        }
        return seq(out);
    }

    static Seq<String> texts(List<Reason> reasons) {
        String[] out = new String[reasons.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = reasons.get(i).text();
        }
        return seq(out);
    }

    static Seq<String> seq(String[] values) {
        return CollectionConverters.asScala(java.util.Arrays.asList(values)).toList();
    }
}
