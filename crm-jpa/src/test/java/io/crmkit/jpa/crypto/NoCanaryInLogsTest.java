package io.crmkit.jpa.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.org.Actor;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;

@DisplayName("With field encryption no canary reaches any logger, even with every logger at TRACE")
class NoCanaryInLogsTest {
    private static final List<String> LOGGERS = List.of(Logger.ROOT_LOGGER_NAME, "org.hibernate", "io.crmkit", "com.zaxxer",
            "org.flywaydb", "org.h2");

    @Test
    @DisplayName("writes, reads, lookups, a refused duplicate, a parked change and a rotation log no canary at TRACE")
    void noCanaryAtTrace() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        List<Level> previous = new ArrayList<>();
        for (String name : LOGGERS) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            previous.add(l.getLevel());
            l.setLevel(Level.TRACE);
        }
        root.addAppender(appender);
        try (TestDatabase db = TestDatabase.fresh(Vendor.H2, "crypto_logs")) {
            LocalKeyring keys = LocalKeyring.generate("k1");
            try (JpaCrmStore store = JpaCrmStore.create(db.dataSource(),
                    JpaStoreConfig.custom().fieldEncryption(FieldEncryption.of(keys)).build())) {
                CrmSession session = Crm.builder().store(store).build().as(Actor.system("log-test"));
                Customer c = session.customers().register(Canaries.customer());
                session.customers().update(c.withTag("logged"));
                session.interactions().record(NewInteraction.of(c.id(), Channel.PHONE, Direction.INBOUND)
                        .subject(Canaries.NOTE).notes(Canaries.NAME + " " + Canaries.PHONE).build());
                assertThat(session.customers().findByIdentifier(Canaries.nationalId())).isPresent();
                assertThat(session.customers().view(c.id()).customer().name().legal()).isEqualTo(Canaries.NAME);
                assertThatThrownBy(() -> session.customers().register(NewCustomer.individual(Canaries.NAME)
                        .identifier(Canaries.nationalId()).build())).isInstanceOf(DuplicateKeyException.class);
                keys.rotate("k2");
                assertThat(store.keyRotation().runToEnd(10).rewritten()).isPositive();
            }
        } finally {
            root.detachAppender(appender);
            for (int i = 0; i < LOGGERS.size(); i++) {
                ((Logger) LoggerFactory.getLogger(LOGGERS.get(i))).setLevel(previous.get(i));
            }
        }
        String logged;
        synchronized (appender.list) {
            logged = appender.list.stream().map(e -> e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                    .collect(Collectors.joining("\n"));
        }
        // Hibernate at TRACE prints every bound and extracted value: the test must have seen them
        assertThat(logged).contains("enc:1:k1:").contains("bi:k1:");
        assertThat(Canaries.needles()).allSatisfy(n -> assertThat(logged).doesNotContain(n));
    }
}
