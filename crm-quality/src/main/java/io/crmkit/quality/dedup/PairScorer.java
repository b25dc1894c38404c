package io.crmkit.quality.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Compares two {@link MatchFeatures} field by field and sums the Fellegi-Sunter weights.
 * Name: the sorted Latin tokens AGREE when equal and are CLOSE at a Jaro-Winkler similarity of at
 * least {@value #CLOSE_NAME}; local-script names AGREE when equal and are CLOSE one edit apart; a
 * disagreement of either is DISAGREE, otherwise the better of the two. Birth date: CLOSE when day and month are swapped.
 * Thread-safe (the Commons Text similarity objects are stateless).
 */
final class PairScorer {
    static final double CLOSE_NAME = 0.92;
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEV = new LevenshteinDistance(2);
    private static final MatchField[] FIELDS = MatchField.values();

    private PairScorer() {}

    static MatchLevel[] compare(MatchFeatures a, MatchFeatures b) {
        MatchLevel[] l = new MatchLevel[FIELDS.length];
        l[MatchField.NAME.ordinal()] = name(a, b);
        l[MatchField.BIRTH_DATE.ordinal()] = birth(a, b);
        l[MatchField.PHONE.ordinal()] = shared(a.phones, b.phones);
        l[MatchField.EMAIL.ordinal()] = shared(a.emails, b.emails);
        l[MatchField.IDENTIFIER.ordinal()] = identifiers(a, b);
        l[MatchField.CITY.ordinal()] = a.city == null || b.city == null ? MatchLevel.MISSING
                : a.city.equals(b.city) ? MatchLevel.AGREE : MatchLevel.DISAGREE;
        return l;
    }

    static double score(MatchLevel[] levels, MatchWeights w) {
        double s = 0;
        for (MatchField f : FIELDS) {
            s += w.weight(f, levels[f.ordinal()]);
        }
        return s;
    }

    static List<Reason> reasons(MatchLevel[] levels, MatchWeights w) {
        List<Reason> out = new ArrayList<>(FIELDS.length);
        double total = 0;
        for (MatchField f : FIELDS) {
            double weight = w.weight(f, levels[f.ordinal()]);
            total += weight;
            out.add(new Reason(f, levels[f.ordinal()], weight, total));
        }
        return out;
    }

    /** Latin and local-script names are compared each; a disagreement on either wins, else the better level. */
    private static MatchLevel name(MatchFeatures a, MatchFeatures b) {
        MatchLevel latin = a.name == null || b.name == null ? MatchLevel.MISSING
                : a.name.equals(b.name) ? MatchLevel.AGREE
                : JW.apply(a.name, b.name) >= CLOSE_NAME ? MatchLevel.CLOSE : MatchLevel.DISAGREE;
        MatchLevel local = MatchLevel.MISSING;
        if (a.local != null && b.local != null) {
            if (a.local.equals(b.local)) {
                local = MatchLevel.AGREE;
            } else {
                int d = a.local.length() >= 2 && b.local.length() >= 2 ? LEV.apply(a.local, b.local) : -1;
                local = d >= 0 && d <= 1 ? MatchLevel.CLOSE : MatchLevel.DISAGREE;
            }
        }
        if (latin == MatchLevel.DISAGREE || local == MatchLevel.DISAGREE) {
            return MatchLevel.DISAGREE;
        }
        // AGREE < CLOSE < MISSING in declaration order: the better of the two present levels.
        return latin.ordinal() <= local.ordinal() ? latin : local;
    }

    private static MatchLevel birth(MatchFeatures a, MatchFeatures b) {
        if (a.birth == null || b.birth == null) {
            return MatchLevel.MISSING;
        }
        if (a.birth.equals(b.birth)) {
            return MatchLevel.AGREE;
        }
        if (a.birth.getYear() == b.birth.getYear() && a.birth.getMonthValue() == b.birth.getDayOfMonth()
                && a.birth.getDayOfMonth() == b.birth.getMonthValue()) {
            return MatchLevel.CLOSE;
        }
        return MatchLevel.DISAGREE;
    }

    private static MatchLevel shared(String[] x, String[] y) {
        if (x.length == 0 || y.length == 0) {
            return MatchLevel.MISSING;
        }
        for (String p : x) {
            for (String q : y) {
                if (p.equals(q)) {
                    return MatchLevel.AGREE;
                }
            }
        }
        return MatchLevel.DISAGREE;
    }

    private static MatchLevel identifiers(MatchFeatures a, MatchFeatures b) {
        boolean comparable = false;
        for (int i = 0; i < a.ids.length; i++) {
            for (int j = 0; j < b.ids.length; j++) {
                if (a.ids[i].equals(b.ids[j])) {
                    return MatchLevel.AGREE;
                }
                // Two keys of one source system differ for duplicates by definition (that is the
                // duplicate), so only documents (national ID, passport, LEI...) can disagree.
                if (a.idKinds[i].equals(b.idKinds[j]) && !a.idKinds[i].startsWith("EXTERNAL_SYSTEM|")) {
                    comparable = true;
                }
            }
        }
        return comparable ? MatchLevel.DISAGREE : MatchLevel.MISSING;
    }
}
