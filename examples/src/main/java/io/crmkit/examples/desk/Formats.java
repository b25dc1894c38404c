package io.crmkit.examples.desk;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times as the desk shows them: in the business zone, to the minute ({@code @fmt.at(...)} in templates). Thread-safe. */
@Component("fmt")
public class Formats {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(DemoBook.ZONE);

    public String at(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }
}
