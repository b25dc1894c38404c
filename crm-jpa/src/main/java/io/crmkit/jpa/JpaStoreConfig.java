package io.crmkit.jpa;

import java.util.LinkedHashMap;
import java.util.Map;

import io.crmkit.core.check.Check;

import org.jspecify.annotations.Nullable;

/**
 * How a {@link JpaCrmStore} that builds its own {@code EntityManagerFactory} is set up. Build one
 * with {@link #custom()}, start from {@link #ofDefaults()}, or copy and change another with
 * {@link #from(JpaStoreConfig)}. Every setter checks its argument and throws
 * {@link io.crmkit.core.error.ValidationException} whose violation names the setting (the one
 * policy of every CRMKit configuration builder).
 *
 * <pre>{@code
 * JpaStoreConfig config = JpaStoreConfig.custom().jdbcBatchSize(100).fetchSize(1_000).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class JpaStoreConfig {
    /** Largest JDBC batch accepted. */
    public static final int MAX_BATCH_SIZE = 10_000;
    /** Largest fetch size accepted. */
    public static final int MAX_FETCH_SIZE = 100_000;

    private final int jdbcBatchSize;
    private final int fetchSize;
    private final boolean migrate;
    private final boolean batchWritesInTransactions;
    private final boolean statistics;
    private final Map<String, Object> hibernateProperties;
    private final io.crmkit.jpa.crypto.@Nullable FieldEncryption fieldEncryption;

    private JpaStoreConfig(Builder b) {
        this.jdbcBatchSize = b.jdbcBatchSize;
        this.fetchSize = b.fetchSize;
        this.migrate = b.migrate;
        this.batchWritesInTransactions = b.batchWritesInTransactions;
        this.statistics = b.statistics;
        this.hibernateProperties = Map.copyOf(b.hibernateProperties);
        this.fieldEncryption = b.fieldEncryption;
    }

    /** The defaults: batch size 50, fetch size 500, migrations on, writes flushed at once, no statistics. */
    public static JpaStoreConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    /** A builder that starts with the settings of {@code other}. */
    public static Builder from(JpaStoreConfig other) {
        Check.notNull(other, "other");
        Builder b = new Builder();
        b.jdbcBatchSize = other.jdbcBatchSize;
        b.fetchSize = other.fetchSize;
        b.migrate = other.migrate;
        b.batchWritesInTransactions = other.batchWritesInTransactions;
        b.statistics = other.statistics;
        b.hibernateProperties.putAll(other.hibernateProperties);
        b.fieldEncryption = other.fieldEncryption;
        return b;
    }

    public int jdbcBatchSize() {
        return jdbcBatchSize;
    }

    public int fetchSize() {
        return fetchSize;
    }

    public boolean migrate() {
        return migrate;
    }

    public boolean batchWritesInTransactions() {
        return batchWritesInTransactions;
    }

    public boolean statistics() {
        return statistics;
    }

    /** Extra Hibernate properties, applied after (and so over) the store's own. */
    public Map<String, Object> hibernateProperties() {
        return hibernateProperties;
    }

    /** The field encryption in force, or {@code null} when documents are stored in plaintext (the default). */
    public io.crmkit.jpa.crypto.@Nullable FieldEncryption fieldEncryption() {
        return fieldEncryption;
    }

    @Override
    public String toString() {
        return "JpaStoreConfig[jdbcBatchSize=" + jdbcBatchSize + ", fetchSize=" + fetchSize + ", migrate=" + migrate
                + ", batchWritesInTransactions=" + batchWritesInTransactions + ", statistics=" + statistics
                + ", hibernateProperties=" + hibernateProperties.keySet()
                + ", fieldEncryption=" + (fieldEncryption == null ? "off" : "on") + "]";
    }

    /** Builds a {@link JpaStoreConfig}. Not thread-safe. */
    public static final class Builder {
        private int jdbcBatchSize = 50;
        private int fetchSize = 500;
        private boolean migrate = true;
        private boolean batchWritesInTransactions;
        private boolean statistics;
        private final Map<String, Object> hibernateProperties = new LinkedHashMap<>();
        private io.crmkit.jpa.crypto.@Nullable FieldEncryption fieldEncryption;

        private Builder() {
        }

        /** Statements per JDBC batch ({@code hibernate.jdbc.batch_size}), 1 to {@value #MAX_BATCH_SIZE}. */
        public Builder jdbcBatchSize(int size) {
            this.jdbcBatchSize = Check.range(size, 1, MAX_BATCH_SIZE, "jdbcBatchSize");
            return this;
        }

        /** Rows per round trip when streaming, 1 to {@value #MAX_FETCH_SIZE}. */
        public Builder fetchSize(int size) {
            this.fetchSize = Check.range(size, 1, MAX_FETCH_SIZE, "fetchSize");
            return this;
        }

        /** Whether to run the Flyway migrations before the store opens (default true). */
        public Builder migrate(boolean run) {
            this.migrate = run;
            return this;
        }

        /**
         * Whether writes inside {@code inTransaction} are queued and sent in JDBC batches at commit
         * (default false). Much faster for bulk loads; the cost is that a taken id or natural key is
         * then reported when the transaction commits instead of by the {@code save} that caused it.
         */
        public Builder batchWritesInTransactions(boolean batch) {
            this.batchWritesInTransactions = batch;
            return this;
        }

        /** Whether Hibernate collects statistics (statement counts), default false. */
        public Builder statistics(boolean enabled) {
            this.statistics = enabled;
            return this;
        }

        /**
         * Sets a Hibernate property; the store's own settings can be overridden this way, except
         * that schema generation stays off.
         */
        public Builder hibernateProperty(String name, Object value) {
            Check.notBlank(name, "hibernateProperty.name", Check.MAX_SHORT);
            Check.notNull(value, "hibernateProperty.value");
            hibernateProperties.put(name, value);
            return this;
        }

        /**
         * Encrypts the marked fields of every stored document and keeps blind indexes in the
         * searchable columns (default: off). See the README section "Field encryption".
         */
        public Builder fieldEncryption(io.crmkit.jpa.crypto.FieldEncryption encryption) {
            this.fieldEncryption = Check.notNull(encryption, "fieldEncryption");
            return this;
        }

        public JpaStoreConfig build() {
            return new JpaStoreConfig(this);
        }
    }
}
