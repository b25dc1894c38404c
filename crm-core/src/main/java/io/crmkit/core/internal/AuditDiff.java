package io.crmkit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.core.audit.FieldChange;
import io.crmkit.core.json.CrmJson;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
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
 * Bookkeeping ({@code meta}) is left out. Values of personal and free-text fields are masked.
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
                if (!Objects.equals(x, y)) {
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
        List<FieldChange> out = new ArrayList<>();
        for (String path : paths) {
            String old = b.get(path);
            String now = a.get(path);
            if (!Objects.equals(old, now)) {
                boolean mask = sensitive(path);
                out.add(FieldChange.sealed(path, mask && old != null ? FieldChange.MASKED : cut(old),
                        mask && now != null ? FieldChange.MASKED : cut(now), io.crmkit.core.audit.AuditTrail.newSalt()));
            }
        }
        return out;
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

    /** Adds {@code value}'s leaves under {@code path} (the root when empty). */
    private static void flattenInto(@Nullable Object value, String path, Map<String, String> out) {
        if (value != null) {
            JsonNode tree = CrmJson.mapper().valueToTree(value);
            walk(tree, path, out, path.isEmpty() ? 0 : 1);
        }
    }

    private static void walk(JsonNode node, String path, Map<String, String> out, int depth) {
        if (depth > MAX_DEPTH) {
            out.put(path, node.toString());
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (path.isEmpty() && f.getKey().equals("meta")) {
                    continue;
                }
                walk(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out, depth + 1);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.put(path, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", out, depth + 1);
            }
        } else if (!node.isNull()) {
            out.put(path, node.isTextual() ? node.textValue() : node.toString());
        }
    }
}
