package io.crmkit.core;

import static io.crmkit.core.Fixtures.CANARY_EMAIL;
import static io.crmkit.core.Fixtures.CANARY_ID;
import static io.crmkit.core.Fixtures.CANARY_NAME;
import static io.crmkit.core.Fixtures.CANARY_PHONE;
import static io.crmkit.core.Fixtures.RM_ACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewContact;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.governance.Command;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("Canary personal data never appears in logs, exception messages or toString()")
class PiiCanaryTest {
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger("io.crmkit");

    @BeforeEach
    void capture() {
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.TRACE);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
    }

    @Test
    @DisplayName("through registration, failures, events and views")
    void canaryStaysHidden() {
        List<String> texts = new ArrayList<>();
        Crm crm = Crm.builder().clock(Fixtures.clock())
                .listener(e -> { throw new IllegalStateException("listener saw " + CANARY_NAME); })
                .interceptor(new io.crmkit.core.governance.CommandInterceptor() {
                    @Override
                    public <T> T intercept(Command command, java.util.function.Supplier<T> proceed) {
                        texts.add(command.toString());
                        return proceed.get();
                    }
                }).build();
        CrmSession rm = crm.as(RM_ACTOR);
        NewCustomer input = Fixtures.canary();
        texts.add(input.toString());
        Customer c = rm.customers().register(input);
        texts.add(c.toString());
        texts.add(c.name().toString());
        c.identifiers().forEach(i -> texts.add(i.toString()));
        c.contactPoints().forEach(p -> texts.add(p.toString()));
        texts.add(new PostalAddress(List.of(CANARY_NAME + " Road 1"), "Shanghai", null, null, "CN").toString());
        texts.add(rm.customers().addContact(NewContact.of(c.id(), CANARY_NAME, "CFO", ContactPoint.phone(CANARY_PHONE, null))).toString());
        texts.add(rm.interactions().record(NewInteraction.of(c.id(), Channel.PHONE, Direction.INBOUND)
                .subject("call from " + CANARY_NAME).notes(CANARY_PHONE).build()).toString());
        texts.add(rm.customers().view(c.id()).toString());

        // Failures that involve the canary values.
        texts.add(message(() -> rm.customers().register(Fixtures.individual().identifier(Identifier.nationalId("CN", CANARY_ID)).build())));
        texts.add(message(() -> Identifier.nationalId("CN", CANARY_ID.substring(0, 17) + "0")));
        texts.add(message(() -> ContactPoint.email(CANARY_NAME, null)));
        texts.add(message(() -> ContactPoint.phone(CANARY_NAME, null)));
        texts.add(message(() -> rm.customers().register(NewCustomer.individual(CANARY_NAME + "x".repeat(300)).build())));
        rm.customers().update(c.withTag("seen"));
        texts.add(message(() -> rm.customers().update(c.withName(io.crmkit.core.customer.CustomerName.of(CANARY_NAME + "!")))));

        logs.list.forEach(e -> texts.add(e.getFormattedMessage()));
        assertThat(logs.list).isNotEmpty();
        assertThat(texts).hasSizeGreaterThan(15);
        for (String text : texts) {
            assertThat(text).doesNotContain(CANARY_NAME, CANARY_PHONE, CANARY_EMAIL, CANARY_ID, "Zhangsan", "13912345678");
        }
    }

    private static String message(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getMessage() + " " + e;
        }
        throw new AssertionError("expected a failure");
    }
}
