package io.crmkit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.crmkit.core.error.StoreException;
import java.io.IOException;
import java.io.StringWriter;

/** Pretty-printed JSON for the analytics commands' output. Stateless. */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** The document {@code body} writes, as text with a trailing newline. */
    static String of(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new StoreException("the output could not be written", false);
        }
        return w + System.lineSeparator();
    }

    /** A number, or null for a value JSON cannot hold (infinite conviction, an undefined standard error). */
    static void number(JsonGenerator g, String field, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(field, value);
        } else {
            g.writeNullField(field);
        }
    }
}
