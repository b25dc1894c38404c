package io.crmkit.jpa.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmkit.core.error.StoreException;
import io.crmkit.core.json.CrmJson;

/**
 * Turns domain records into the JSON documents of the {@code doc} columns and back. The records
 * validate themselves in their constructors, so a document that no longer passes validation is
 * reported as a store failure rather than returned half-read. Messages never include the document.
 *
 * <p>Thread-safe: the mapper is configured once and shared.
 */
final class DocumentCodec {
    // core's own JSON mapping (records through their components), tolerant of fields added later
    private static final ObjectMapper MAPPER = CrmJson.configure(new ObjectMapper())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private DocumentCodec() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode a " + value.getClass().getSimpleName() + " document", false);
        }
    }

    static <T> T read(String doc, Class<T> type) {
        try {
            return MAPPER.readValue(doc, type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new StoreException("stored " + type.getSimpleName() + " document cannot be read", false);
        }
    }
}
