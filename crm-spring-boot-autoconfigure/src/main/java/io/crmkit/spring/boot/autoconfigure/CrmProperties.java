package io.crmkit.spring.boot.autoconfigure;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.FieldMask;
import io.crmkit.core.governance.Operation;

/**
 * The {@code crmkit.*} settings of the auto-configuration. Every setting is checked when the
 * application starts: a value out of range fails the start with Spring Boot's report naming the
 * property ({@code crmkit.jpa.fetch-size}), the value and the rule.
 *
 * <pre>
 * crmkit.store=jpa                      # auto (default), jpa or memory
 * crmkit.zone=Asia/Shanghai             # the business time zone that defines "today"
 * crmkit.jpa.migrate=true               # run CRMKit's own Flyway migrations (history table crm_schema_history)
 * </pre>
 *
 * <p>A mutable JavaBean, as Spring Boot binds it; not thread-safe while binding, read-only after.
 */
@Validated
@ConfigurationProperties("crmkit")
public class CrmProperties {
    /** Which store the auto-configured Crm uses. */
    public enum StoreKind {
        /** The JPA store when crm-jpa is on the class path and there is a DataSource bean, else in memory. */
        AUTO,
        /** Always the JPA store; the start fails when there is no DataSource bean or no crm-jpa. */
        JPA,
        /** Always the in-memory store (data is gone when the application stops). */
        MEMORY
    }

    /** Which store the Crm uses: auto, jpa or memory. */
    @NotNull
    private StoreKind store = StoreKind.AUTO;

    /** The business time zone that defines "today" for reminders and business dates; default: UTC. */
    private @Nullable ZoneId zone;

    /** How many days ahead maturities appear among reminders, 0 to 366. */
    @Min(0)
    @Max(366)
    private int maturityLookaheadDays = 7;

    /** Whether every mutation is recorded in the audit trail; default: on (both built-in stores keep one). */
    private @Nullable Boolean audit;

    @Valid
    private final Jpa jpa = new Jpa();

    @Valid
    private final Cache cache = new Cache();

    @Valid
    private final Actor actor = new Actor();

    @Valid
    private final Governance governance = new Governance();

    public StoreKind getStore() {
        return store;
    }

    public void setStore(StoreKind store) {
        this.store = store;
    }

    public @Nullable ZoneId getZone() {
        return zone;
    }

    public void setZone(@Nullable ZoneId zone) {
        this.zone = zone;
    }

    public int getMaturityLookaheadDays() {
        return maturityLookaheadDays;
    }

    public void setMaturityLookaheadDays(int maturityLookaheadDays) {
        this.maturityLookaheadDays = maturityLookaheadDays;
    }

    public @Nullable Boolean getAudit() {
        return audit;
    }

    public void setAudit(@Nullable Boolean audit) {
        this.audit = audit;
    }

    public Jpa getJpa() {
        return jpa;
    }

    public Cache getCache() {
        return cache;
    }

    public Actor getActor() {
        return actor;
    }

    public Governance getGovernance() {
        return governance;
    }

    /** The JPA store on the application's DataSource. */
    public static class Jpa {
        /** Whether the store runs CRMKit's Flyway migrations at start (own history table crm_schema_history). */
        private boolean migrate = true;

        /** Statements per JDBC batch, 1 to 10000. */
        @Min(1)
        @Max(10_000)
        private int jdbcBatchSize = 50;

        /** Rows per round trip when streaming, 1 to 100000. */
        @Min(1)
        @Max(100_000)
        private int fetchSize = 500;

        /** Whether writes inside a CRM unit of work are sent in JDBC batches when it ends (bulk loads). */
        private boolean batchWritesInTransactions;

        /**
         * Whether CRM writes take part in a running Spring transaction on the same DataSource, so a
         * {@code @Transactional} method commits or rolls back host and CRM rows together.
         */
        private boolean joinSpringTransactions = true;

        public boolean isMigrate() {
            return migrate;
        }

        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }

        public int getJdbcBatchSize() {
            return jdbcBatchSize;
        }

        public void setJdbcBatchSize(int jdbcBatchSize) {
            this.jdbcBatchSize = jdbcBatchSize;
        }

        public int getFetchSize() {
            return fetchSize;
        }

        public void setFetchSize(int fetchSize) {
            this.fetchSize = fetchSize;
        }

        public boolean isBatchWritesInTransactions() {
            return batchWritesInTransactions;
        }

        public void setBatchWritesInTransactions(boolean batchWritesInTransactions) {
            this.batchWritesInTransactions = batchWritesInTransactions;
        }

        public boolean isJoinSpringTransactions() {
            return joinSpringTransactions;
        }

        public void setJoinSpringTransactions(boolean joinSpringTransactions) {
            this.joinSpringTransactions = joinSpringTransactions;
        }
    }

    /** The read cache in front of the store (tier definitions, pipelines, customers by id). */
    public static class Cache {
        /** Whether the store is wrapped in a read cache. */
        private boolean enabled;

        /** Most customers kept, 0 to 10000000. */
        @Min(0)
        @Max(10_000_000)
        private int maximumCustomers = 10_000;

        /** How long an entry may live, 1 second to 1 day. */
        @NotNull
        private Duration expireAfterWrite = Duration.ofMinutes(5);

        /** Whether hits and misses are counted (and published as metrics when Micrometer is present). */
        private boolean recordStats = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaximumCustomers() {
            return maximumCustomers;
        }

        public void setMaximumCustomers(int maximumCustomers) {
            this.maximumCustomers = maximumCustomers;
        }

        public Duration getExpireAfterWrite() {
            return expireAfterWrite;
        }

        public void setExpireAfterWrite(Duration expireAfterWrite) {
            this.expireAfterWrite = expireAfterWrite;
        }

        public boolean isRecordStats() {
            return recordStats;
        }

        public void setRecordStats(boolean recordStats) {
            this.recordStats = recordStats;
        }
    }

    /** How the default CrmActorResolver turns a Spring Security Authentication into an Actor. */
    public static class Actor {
        /** The prefix stripped from authorities to make role names (Spring Security's convention). */
        @NotNull
        @Size(max = 32)
        private String authorityPrefix = "ROLE_";

        /**
         * The org unit of staff who have no record in the store's staff list; without one, such
         * staff act with no org unit (and see nothing a branch or team grant would show them).
         */
        @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}")
        private @Nullable String defaultOrgUnit;

        public String getAuthorityPrefix() {
            return authorityPrefix;
        }

        public void setAuthorityPrefix(String authorityPrefix) {
            this.authorityPrefix = authorityPrefix;
        }

        public @Nullable String getDefaultOrgUnit() {
            return defaultOrgUnit;
        }

        public void setDefaultOrgUnit(@Nullable String defaultOrgUnit) {
            this.defaultOrgUnit = defaultOrgUnit;
        }
    }

    /**
     * The permission model, when it is simple enough for properties. Once a role is listed, every
     * session is governed (an operation no role grants is refused); a {@code Permissions} bean of
     * the application replaces this.
     */
    public static class Governance {
        /** The roles: a code, the operations it grants at a depth, the personal fields it sees masked. */
        private List<@Valid RoleProperties> roles = new ArrayList<>();

        /**
         * Host role names (after the authority prefix is stripped) to CRMKit role codes, for example
         * {@code crmkit.governance.role-mapping[branch-manager]=BM}; a name not listed is taken as a
         * role code as it is.
         */
        private Map<String, List<String>> roleMapping = new LinkedHashMap<>();

        public List<@Valid RoleProperties> getRoles() {
            return roles;
        }

        public void setRoles(List<@Valid RoleProperties> roles) {
            this.roles = roles;
        }

        public Map<String, List<String>> getRoleMapping() {
            return roleMapping;
        }

        public void setRoleMapping(Map<String, List<String>> roleMapping) {
            this.roleMapping = roleMapping;
        }
    }

    /** One role of {@link Governance#getRoles()}. */
    public static class RoleProperties {
        /** The role's code as actors carry it. */
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}")
        private String code = "";

        /** The operations the role grants, each at a depth (own, team, branch, subtree, all). */
        private Map<Operation, Depth> grants = new EnumMap<>(Operation.class);

        /** The personal fields the role sees masked. */
        private Set<FieldMask> masks = EnumSet.noneOf(FieldMask.class);

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public Map<Operation, Depth> getGrants() {
            return grants;
        }

        public void setGrants(Map<Operation, Depth> grants) {
            this.grants = grants;
        }

        public Set<FieldMask> getMasks() {
            return masks;
        }

        public void setMasks(Set<FieldMask> masks) {
            this.masks = masks;
        }
    }
}
