package io.crmkit.jpa.testing;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

/**
 * Captures every log event of every logger at INFO and above while open (the levels a production
 * host runs with), to prove that personal data never reaches a log. Hibernate's own DEBUG and
 * TRACE output prints entity state and bound values by design; the README says to keep
 * {@code org.hibernate} at INFO or above in production. Not thread-safe to open and close; capturing itself is thread-safe.
 */
public final class CapturedLogs implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previous = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public CapturedLogs() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        for (String name : List.of("org.hibernate", "io.crmkit", "com.zaxxer", "org.postgresql", "org.mariadb")) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(null);
        }
    }

    /** Everything logged so far: messages with their arguments and stack traces. */
    public String text() {
        synchronized (appender.list) {
            return appender.list.stream().map(e -> e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                    .collect(Collectors.joining("\n"));
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(previous);
        ((Logger) LoggerFactory.getLogger("org.hibernate")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("com.zaxxer.hikari")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("io.crmkit")).setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper")).setLevel(null);
    }
}
