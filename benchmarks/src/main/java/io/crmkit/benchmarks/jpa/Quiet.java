package io.crmkit.benchmarks.jpa;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/** Sets logging to WARN for the scale runs (logback's default is DEBUG without a configuration file). */
public final class Quiet {
    private Quiet() {
    }

    public static void logs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }
}
