package io.crmkit.jpa.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.jspecify.annotations.Nullable;

import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.jpa.crypto.FieldEncryption;
import io.crmkit.jpa.crypto.SensitiveFields;

/**
 * Writes and reads the stored documents, encrypting the fields {@link SensitiveFields} marks, and
 * computes the searchable columns (identifier values, account numbers): the value itself without
 * encryption, its blind index with it. {@link #PLAIN} is the store without encryption.
 *
 * <p>A marked value is the JSON text of whatever sits at its path (a string, or a whole nested
 * object or list), encrypted with associated data {@code crmkit/1|<type>|<id>|<concrete path>}
 * where the id is the record's own {@code id} member and the path has list positions filled in
 * ({@code identifiers[0].value}). A marked value that is not a ciphertext is read as it is: rows
 * written before encryption was switched on stay readable until {@code KeyRotation} encrypts them.
 *
 * <p>Thread-safe and immutable.
 */
final class Documents {
    static final Documents PLAIN = new Documents(null);
    private static final String AAD = "crmkit/1|";

    private final @Nullable FieldEncryption encryption;
    private final @Nullable FieldCipher cipher;
    private final Map<Class<?>, List<Segment[]>> paths;
    private final boolean identifierIndex;
    private final boolean accountIndex;

    /** One step of a path: a member name, and whether the path continues into every element of a list there. */
    private record Segment(String name, boolean each) {
    }

    Documents(@Nullable FieldEncryption encryption) {
        this.encryption = encryption;
        this.cipher = encryption == null ? null : new FieldCipher(encryption.keys());
        Map<Class<?>, List<Segment[]>> p = new HashMap<>();
        if (encryption != null) {
            for (Class<?> t : encryption.fields().types()) {
                p.put(t, encryption.fields().paths(t).stream().map(Documents::parse).toList());
            }
        }
        this.paths = Map.copyOf(p);
        this.identifierIndex = encryption != null && encryption.fields().isMarked(Customer.class, "identifiers[].value");
        this.accountIndex = encryption != null && encryption.fields().isMarked(LinkedAccount.class, "externalId");
    }

    private static Segment[] parse(String path) {
        String[] parts = path.split("\\.");
        Segment[] out = new Segment[parts.length];
        for (int i = 0; i < parts.length; i++) {
            boolean each = parts[i].endsWith("[]");
            out[i] = new Segment(each ? parts[i].substring(0, parts[i].length() - 2) : parts[i], each);
        }
        return out;
    }

    boolean encrypting() {
        return cipher != null;
    }

    /** Whether the top-level member {@code field} of {@code type} records is encrypted. */
    boolean encrypts(Class<?> type, String field) {
        return encryption != null && encryption.fields().isMarked(type, field);
    }

    /** Whether records of {@code type} have marked fields. */
    boolean encrypts(Class<?> type) {
        return paths.containsKey(type);
    }

    String write(Object value) {
        List<Segment[]> marked = paths.get(value.getClass());
        if (marked == null) {
            return DocumentCodec.write(value);
        }
        ObjectNode tree = DocumentCodec.toTree(value);
        String prefix = AAD + value.getClass().getSimpleName() + "|" + idOf(tree) + "|";
        for (Segment[] path : marked) {
            walk(tree, path, 0, "", (node, at) -> new TextNode(cipher.encrypt(node.toString(), prefix + at)));
        }
        return DocumentCodec.writeTree(tree, DocumentCodec.CURRENT_FORMAT);
    }

    <T> T read(String doc, Class<T> type) {
        List<Segment[]> marked = paths.get(type);
        if (marked == null) {
            return DocumentCodec.read(doc, type);
        }
        ObjectNode tree = DocumentCodec.readRaw(doc, type);
        decrypt(tree, type, marked);
        return DocumentCodec.fromTree(tree, type);
    }

    private void decrypt(ObjectNode tree, Class<?> type, List<Segment[]> marked) {
        String prefix = AAD + type.getSimpleName() + "|" + idOf(tree) + "|";
        for (Segment[] path : marked) {
            walk(tree, path, 0, "", (node, at) -> node.isTextual() && FieldCipher.isCiphertext(node.textValue())
                    ? DocumentCodec.parseValue(cipher.decrypt(node.textValue(), prefix + at)) : node);
        }
    }

    /**
     * The document re-encrypted under the primary key, or {@code null} when every marked value
     * already is (for the rotation job). Keeps the document's format.
     */
    @Nullable String reencrypt(String doc, Class<?> type) {
        List<Segment[]> marked = paths.get(type);
        if (marked == null) {
            return null;
        }
        ObjectNode tree = DocumentCodec.readRaw(doc, type);
        if (!stale(tree, marked)) {
            return null;
        }
        JsonNode f = tree.get(DocumentCodec.FORMAT_FIELD);
        int format = f == null ? 1 : f.asInt(1);
        decrypt(tree, type, marked);
        String prefix = AAD + type.getSimpleName() + "|" + idOf(tree) + "|";
        for (Segment[] path : marked) {
            walk(tree, path, 0, "", (node, at) -> new TextNode(cipher.encrypt(node.toString(), prefix + at)));
        }
        return DocumentCodec.writeTree(tree, format);
    }

    /** Whether a stored document holds a marked value in plaintext or under a key other than the primary. */
    boolean stale(String doc, Class<?> type) {
        List<Segment[]> marked = paths.get(type);
        return marked != null && stale(DocumentCodec.readRaw(doc, type), marked);
    }

    private boolean stale(ObjectNode tree, List<Segment[]> marked) {
        String primary = cipher.keys().primaryKeyId();
        boolean[] found = {false};
        for (Segment[] path : marked) {
            walk(tree, path, 0, "", (node, at) -> {
                if (!node.isTextual() || !FieldCipher.isCiphertext(node.textValue())
                        || !FieldCipher.keyIdOf(node.textValue()).equals(primary)) {
                    found[0] = true;
                }
                return node;
            });
        }
        return found[0];
    }

    private static String idOf(ObjectNode tree) {
        JsonNode id = tree.get("id");
        return id == null || id.isNull() ? "" : id.isTextual() ? id.textValue() : id.toString();
    }

    private interface Step {
        JsonNode apply(JsonNode value, String path);
    }

    private static void walk(JsonNode node, Segment[] path, int i, String at, Step step) {
        if (!(node instanceof ObjectNode o)) {
            return;
        }
        Segment s = path[i];
        JsonNode child = o.get(s.name);
        if (child == null || child.isNull()) {
            return;
        }
        String here = at.isEmpty() ? s.name : at + "." + s.name;
        boolean last = i == path.length - 1;
        if (s.each && child instanceof ArrayNode list) {
            for (int k = 0; k < list.size(); k++) {
                JsonNode element = list.get(k);
                if (element == null || element.isNull()) {
                    continue;
                }
                String p = here + "[" + k + "]";
                if (last) {
                    list.set(k, step.apply(element, p));
                } else {
                    walk(element, path, i + 1, p, step);
                }
            }
        } else if (last) {
            o.set(s.name, step.apply(child, here));
        } else if (!s.each) {
            walk(child, path, i + 1, here, step);
        }
    }

    // searchable columns -------------------------------------------------------------------------

    /** The stored {@code id_value} of an identifier: the value, or its blind index under the primary key. */
    String identifierColumn(Identifier i) {
        return identifierIndex ? cipher.index(FieldCipher.normalised(i.type().name(), i.issuer(), i.value())) : i.value();
    }

    /** Every {@code id_value} an identifier may be stored under (one per key during a rotation). */
    List<String> identifierCandidates(Identifier i) {
        return identifierIndex ? cipher.indexes(FieldCipher.normalised(i.type().name(), i.issuer(), i.value()))
                : List.of(i.value());
    }

    /** The stored {@code external_id} of an account: the number, or its blind index under the primary key. */
    String accountColumn(String hostSystem, String externalId) {
        return accountIndex ? cipher.index(FieldCipher.normalised(hostSystem, externalId)) : externalId;
    }

    List<String> accountCandidates(String hostSystem, String externalId) {
        return accountIndex ? cipher.indexes(FieldCipher.normalised(hostSystem, externalId)) : List.of(externalId);
    }

    /** Whether a stored searchable column needs recomputing under the primary key. */
    boolean staleIndex(String stored, boolean indexed) {
        return indexed && !cipher.isPrimaryIndex(stored);
    }

    boolean identifierIndex() {
        return identifierIndex;
    }

    boolean accountIndex() {
        return accountIndex;
    }

    @Override
    public String toString() {
        return encryption == null ? "Documents[plain]" : "Documents[" + encryption + "]";
    }
}
