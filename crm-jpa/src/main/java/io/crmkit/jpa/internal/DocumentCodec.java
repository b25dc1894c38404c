package io.crmkit.jpa.internal;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmkit.core.error.StoreException;
import io.crmkit.core.json.CrmJson;

/**
 * Turns domain records into the JSON documents of the {@code doc} columns and back. The records
 * validate themselves in their constructors, so a document that no longer passes validation is
 * reported as a store failure rather than returned half-read. Messages never include the document.
 *
 * <p><b>Document format.</b> Stored data outlives the code that wrote it, so every document
 * starts with its format version: {@code {"_format":1,...}}. A document without one was written
 * before versioning and is format 1 (the same shape). Reading a document of an older format runs
 * the upcasters registered for its type, one version step at a time, on the JSON tree, then maps
 * the result; a document of a newer format than this code knows is refused with a
 * {@link StoreException} (an older library must not guess at newer data). The golden documents
 * under {@code src/test/resources/golden/} are written by each format and must stay readable.
 * When a record changes shape incompatibly: raise {@link #CURRENT_FORMAT}, add an upcaster from
 * the previous format, and keep the previous golden documents.
 *
 * <p>Thread-safe: the mapper is configured once and shared; codecs are immutable.
 */
final class DocumentCodec {
    /** The format this version writes. */
    static final int CURRENT_FORMAT = 1;
    static final String FORMAT_FIELD = "_format";
    private static final String PREFIX = "{\"" + FORMAT_FIELD + "\":";

    // core's own JSON mapping (records through their components), tolerant of fields added later
    private static final ObjectMapper MAPPER = CrmJson.configure(new ObjectMapper())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Changes one document of format {@code from} into format {@code from + 1}. */
    record Upcaster(Class<?> type, int from, UnaryOperator<ObjectNode> step) {
    }

    /** The codec of this version: format {@value #CURRENT_FORMAT}, no upcasters yet. */
    private static final DocumentCodec STANDARD = new DocumentCodec(CURRENT_FORMAT, List.of());

    private final int current;
    private final Map<Class<?>, Map<Integer, UnaryOperator<ObjectNode>>> upcasters;

    DocumentCodec(int current, List<Upcaster> steps) {
        this.current = current;
        Map<Class<?>, Map<Integer, UnaryOperator<ObjectNode>>> byType = new java.util.HashMap<>();
        for (Upcaster u : steps) {
            byType.computeIfAbsent(u.type(), t -> new java.util.HashMap<>()).put(u.from(), u.step());
        }
        byType.replaceAll((t, m) -> Map.copyOf(m));
        this.upcasters = Map.copyOf(byType);
    }

    static String write(Object value) {
        return STANDARD.encode(value);
    }

    static <T> T read(String doc, Class<T> type) {
        return STANDARD.decode(doc, type);
    }

    String encode(Object value) {
        String json;
        try {
            json = MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode a " + value.getClass().getSimpleName() + " document", false);
        }
        // every record is a JSON object: put the format first, where reading finds it without parsing
        return PREFIX + current + (json.length() > 2 ? "," + json.substring(1) : "}");
    }

    <T> T decode(String doc, Class<T> type) {
        int format = formatOf(doc);
        if (format > current) {
            throw new StoreException("stored " + type.getSimpleName() + " document has format " + format
                    + ", newer than this version reads (" + current + "); upgrade CRMKit", false);
        }
        try {
            if (format == current) {
                return MAPPER.readValue(doc, type);
            }
            ObjectNode tree = (ObjectNode) MAPPER.readTree(doc);
            Map<Integer, UnaryOperator<ObjectNode>> steps = upcasters.getOrDefault(type, Map.of());
            for (int f = format; f < current; f++) {
                UnaryOperator<ObjectNode> step = steps.get(f);
                if (step != null) {
                    tree = step.apply(tree);
                }
            }
            tree.put(FORMAT_FIELD, current);
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new StoreException("stored " + type.getSimpleName() + " document cannot be read", false);
        }
    }

    /** A record as a JSON tree, without the format member (for field encryption). */
    static ObjectNode toTree(Object value) {
        try {
            return MAPPER.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot encode a " + value.getClass().getSimpleName() + " document", false);
        }
    }

    /** A tree as a stored document of {@code format}. */
    static String writeTree(ObjectNode tree, int format) {
        tree.remove(FORMAT_FIELD);
        String json;
        try {
            json = MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode a document", false);
        }
        return PREFIX + format + (json.length() > 2 ? "," + json.substring(1) : "}");
    }

    /** A stored document as it is stored: a tree with its format member, not upcast. */
    static ObjectNode readRaw(String doc, Class<?> type) {
        try {
            return (ObjectNode) MAPPER.readTree(doc);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new StoreException("stored " + type.getSimpleName() + " document cannot be read", false);
        }
    }

    /** JSON text of one value (the plaintext of an encrypted field). */
    static JsonNode parseValue(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("a decrypted field is not JSON", false);
        }
    }

    /** Maps a tree read by {@link #readRaw} (and decrypted) into a record, upcasting older formats first. */
    static <T> T fromTree(ObjectNode tree, Class<T> type) {
        return STANDARD.decodeTree(tree, type);
    }

    <T> T decodeTree(ObjectNode tree, Class<T> type) {
        JsonNode f = tree.get(FORMAT_FIELD);
        int format = f == null ? 1 : f.asInt(1);
        if (format > current) {
            throw new StoreException("stored " + type.getSimpleName() + " document has format " + format
                    + ", newer than this version reads (" + current + "); upgrade CRMKit", false);
        }
        try {
            Map<Integer, UnaryOperator<ObjectNode>> steps = upcasters.getOrDefault(type, Map.of());
            for (int v = format; v < current; v++) {
                UnaryOperator<ObjectNode> step = steps.get(v);
                if (step != null) {
                    tree = step.apply(tree);
                }
            }
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new StoreException("stored " + type.getSimpleName() + " document cannot be read", false);
        }
    }

    /**
     * The top-level text members {@code names} of a document of the current format, read with the
     * streaming parser and without mapping the document (nested values are skipped, reading stops
     * once every name was seen): an entry is {@code null} where the member is absent or not a text.
     * {@code null} for a document of another format, which only a full {@link #read} may interpret.
     *
     * @throws StoreException if the document is not JSON
     */
    static String @org.jspecify.annotations.Nullable [] texts(String doc, String... names) {
        if (formatOf(doc) != CURRENT_FORMAT) {
            return null;
        }
        String[] out = new String[names.length];
        int seen = 0;
        try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(doc)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new StoreException("stored document is not a JSON object", false);
            }
            while (seen < names.length && p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                com.fasterxml.jackson.core.JsonToken value = p.nextToken();
                int at = indexOf(names, name);
                if (at >= 0) {
                    out[at] = value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? p.getText() : null;
                    seen++;
                }
                p.skipChildren();
            }
            return out;
        } catch (java.io.IOException e) {
            throw new StoreException("stored document cannot be read", false);
        }
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The format of a document: the leading {@code _format} member, or 1 for documents written before it. */
    static int formatOf(String doc) {
        if (!doc.startsWith(PREFIX)) {
            return 1;
        }
        int v = 0;
        int i = PREFIX.length();
        int digits = 0;
        while (i < doc.length() && Character.isDigit(doc.charAt(i)) && digits < 6) {
            v = v * 10 + (doc.charAt(i) - '0');
            i++;
            digits++;
        }
        if (digits == 0) {
            throw new StoreException("stored document has a malformed format version", false);
        }
        return v;
    }
}
