package io.crmkit.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.crmkit.core.audit.AuditTrail;
import io.crmkit.core.audit.FieldChange;
import io.crmkit.core.json.CrmJson;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The per-field diff of two stored records, as the audit trail keeps it: both records turned into
 * JSON trees (the same form crm-jpa stores), flattened to {@code path -> value}, and compared.
 * Bookkeeping ({@code meta}) is left out. Values of personal and free-text fields are masked. In
 * an update, a changed set of strings (a customer's tags) is one change holding the sorted set
 * before and after, rather than one per position of its unordered JSON form.
 */
final class AuditDiff {
    /** Leaf names whose values are personal data or free text. */
    private static final Set<String> SENSITIVE_LEAVES = Set.of("legal", "preferred", "local", "name", "value", "lines",
            "postalCode", "birthDate", "notes", "description", "subject", "displayName", "reason", "salutation", "title",
            "department", "lostReason", "sourceRef", "decisionReason", "arguments", "ref", "externalId", "label",
            "comment"); // a survey answer's words (issue 15)
    /** Subtrees masked whole. */
    private static final Set<String> SENSITIVE_ROOTS = Set.of("extensions", "participants", "holdings", "address");
    private static final int MAX_DEPTH = 16;

    private AuditDiff() {}

    static List<FieldChange> diff(@Nullable Object before, @Nullable Object after) {
        Map<String, String> b = new LinkedHashMap<>();
        Map<String, String> a = new LinkedHashMap<>();
        RecordComponent[] components = before != null && after != null && before.getClass() == after.getClass()
                && before.getClass().isRecord() ? COMPONENTS.get(before.getClass()) : null;
        if (components != null) {
            // An update usually changes a field or two: only components that differ are turned into
            // trees. The mapper writes a record through its fields (CrmJson), so a component's tree
            // is the subtree the whole record's tree has under the component's name.
            for (RecordComponent rc : components) {
                if (rc.getName().equals("meta")) {
                    continue;
                }
                Object x = component(rc, before);
                Object y = component(rc, after);
                if (Objects.equals(x, y)) {
                    continue;
                }
                if (isStringSet(x) && isStringSet(y)) {
                    b.put(rc.getName(), members((Set<?>) x));
                    a.put(rc.getName(), members((Set<?>) y));
                } else {
                    flattenInto(x, rc.getName(), b);
                    flattenInto(y, rc.getName(), a);
                }
            }
        } else {
            flattenInto(before, "", b);
            flattenInto(after, "", a);
        }
        Set<String> paths = new TreeSet<>(b.keySet());
        paths.addAll(a.keySet());
        List<String[]> changed = new ArrayList<>(paths.size());
        int toSeal = 0;
        for (String path : paths) {
            String old = b.get(path);
            String now = a.get(path);
            if (!Objects.equals(old, now)) {
                boolean mask = sensitive(path);
                String[] c = {path, mask && old != null ? FieldChange.MASKED : cut(old), mask && now != null ? FieldChange.MASKED : cut(now)};
                changed.add(c);
                toSeal += holdsValue(c[1]) || holdsValue(c[2]) ? 1 : 0;
            }
        }
        // one call to the random source for all the entry's salts
        String[] salts = AuditTrail.newSalts(toSeal);
        List<FieldChange> out = new ArrayList<>(changed.size());
        int next = 0;
        for (String[] c : changed) {
            out.add(holdsValue(c[1]) || holdsValue(c[2]) ? FieldChange.sealed(c[0], c[1], c[2], salts[next++])
                    : new FieldChange(c[0], c[1], c[2]));
        }
        return out;
    }

    private static boolean isStringSet(@Nullable Object value) {
        if (!(value instanceof Set<?> set)) {
            return false;
        }
        for (Object member : set) {
            if (!(member instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A set of strings as one value: its members sorted, as a JSON array ({@code []} when empty,
     * as an empty list's leaf reads). A set has no order of its own (its JSON form lists it in hash
     * order), so diffing it position by position reported one change per member after the one
     * added or removed, each sealed with a salt and two commitments; as one value, adding a tag is
     * one change that shows the whole set before and after.
     */
    private static String members(Set<?> set) {
        String[] sorted = set.toArray(new String[0]);
        java.util.Arrays.sort(sorted);
        StringBuilder sb = new StringBuilder(2 + 12 * sorted.length).append('[');
        for (int i = 0; i < sorted.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(JSON_STRINGS.quoteAsString(sorted[i])).append('"');
        }
        return sb.append(']').toString();
    }

    private static final com.fasterxml.jackson.core.io.JsonStringEncoder JSON_STRINGS =
            com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance();

    /**
     * Whether a value in the trail says anything an erasure might have to remove. A change with
     * only masked or absent values is written unsealed: there is nothing to redact, and sealing it
     * would cost a salt and two commitments for nothing.
     */
    private static boolean holdsValue(@Nullable String v) {
        return v != null && !FieldChange.MASKED.equals(v);
    }

    private static @Nullable String cut(@Nullable String v) {
        return v == null || v.length() <= FieldChange.MAX_VALUE ? v : v.substring(0, FieldChange.MAX_VALUE);
    }

    static boolean sensitive(String path) {
        int dot = path.lastIndexOf('.');
        String leaf = dot < 0 ? path : path.substring(dot + 1);
        int bracket = leaf.indexOf('[');
        if (bracket >= 0) {
            leaf = leaf.substring(0, bracket);
        }
        if (SENSITIVE_LEAVES.contains(leaf)) {
            return true;
        }
        // each dot-separated segment without its [index], scanned in place (no split per field change)
        for (int from = 0; from < path.length();) {
            int dotAt = path.indexOf('.', from);
            int end = dotAt < 0 ? path.length() : dotAt;
            int b = path.indexOf('[', from);
            if (SENSITIVE_ROOTS.contains(path.substring(from, b >= 0 && b < end ? b : end))) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent @Nullable [] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            try {
                for (RecordComponent rc : components) {
                    rc.getAccessor().setAccessible(true);
                }
            } catch (RuntimeException e) {
                return null; // a record this module may not read reflectively: diffed as a whole tree
            }
            return components;
        }
    };

    private static @Nullable Object component(RecordComponent rc, Object record) {
        try {
            return rc.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read record component " + rc.getName(), e);
        }
    }

    /**
     * Adds {@code value}'s leaves under {@code path} (the root when empty). The value is written
     * into a token buffer and walked token by token: the same leaves as its JSON tree has, without
     * building the tree (which cost as much again as writing the tokens, for every audited create).
     */
    private static void flattenInto(@Nullable Object value, String path, Map<String, String> out) {
        if (value == null) {
            return;
        }
        // as ObjectMapper.valueToTree buffers a value, so numbers come out as they did in the tree
        TokenBuffer buffer = new TokenBuffer(CrmJson.mapper(), false)
                .forceUseOfBigDecimal(CrmJson.mapper().isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS));
        try {
            CrmJson.mapper().writeValue(buffer, value);
            try (JsonParser p = buffer.asParser(CrmJson.mapper())) {
                p.nextToken();
                walk(p, path, out, path.isEmpty() ? 0 : 1);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " for its audit diff", e);
        }
    }

    /** Walks the value {@code p} stands on (and leaves it on that value's last token). */
    private static void walk(JsonParser p, String path, Map<String, String> out, int depth) throws IOException {
        JsonToken t = p.currentToken();
        if (depth > MAX_DEPTH) {
            out.put(path, p.readValueAsTree().toString());
            return;
        }
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (path.isEmpty() && name.equals("meta")) {
                    p.skipChildren();
                    continue;
                }
                walk(p, path.isEmpty() ? name : path + "." + name, out, depth + 1);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                walk(p, path + "[" + i++ + "]", out, depth + 1);
            }
            if (i == 0) {
                out.put(path, "[]");
            }
        } else if (t == JsonToken.VALUE_STRING) {
            out.put(path, p.getText());
        } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            out.put(path, t == JsonToken.VALUE_TRUE ? "true" : "false");
        } else if (t != JsonToken.VALUE_NULL) {
            // numbers and embedded values: as their tree node prints them (the tree's number normalisation included)
            JsonNode node = p.readValueAsTree();
            if (!node.isNull()) {
                out.put(path, node.isTextual() ? node.textValue() : node.toString());
            }
        }
    }
}
