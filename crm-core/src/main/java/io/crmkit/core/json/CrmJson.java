package io.crmkit.core.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON for CRMKit's domain types with Jackson. Every record (customers, interactions,
 * opportunities, events, ...) round-trips: times as ISO-8601 strings, money as a decimal string
 * and an ISO currency code, typed ids as plain strings, extension values tagged with their type.
 *
 * <p>Records are read and written through their components only, so convenience methods such as
 * {@code Money.isZero()} never become JSON properties. Deserialising runs the records' own checks:
 * a malformed document fails with the library's validation error wrapped by Jackson.
 */
public final class CrmJson {
    private static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());

    private CrmJson() {}

    /**
     * A shared, configured mapper. Thread-safe as long as nobody reconfigures it; to customise, call
     * {@link #configure(ObjectMapper)} on your own.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Configures {@code mapper} for CRMKit's types and returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        return mapper;
    }
}
