package io.crmkit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import io.crmkit.core.Crm;
import io.crmkit.core.cache.CachingCrmStore;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.FieldMask;
import io.crmkit.core.governance.Operation;

@DisplayName("The crmkit.* properties")
class CrmPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmAutoConfiguration.class));

    @Test
    @DisplayName("are bound into the Crm: zone, reminder look-ahead, cache, governance roles")
    void bound() {
        runner.withPropertyValues("crmkit.zone=Asia/Shanghai", "crmkit.maturity-lookahead-days=30",
                "crmkit.cache.enabled=true", "crmkit.cache.expire-after-write=90s",
                "crmkit.governance.roles[0].code=RM", "crmkit.governance.roles[0].grants.customer-read=own",
                "crmkit.governance.roles[0].grants.customer-register=branch",
                "crmkit.governance.roles[0].masks=phone,identifier-value",
                "crmkit.jpa.fetch-size=2000").run(context -> {
                    assertThat(context).hasNotFailed();
                    CrmProperties p = context.getBean(CrmProperties.class);
                    assertThat(p.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
                    assertThat(p.getMaturityLookaheadDays()).isEqualTo(30);
                    assertThat(p.getCache().getExpireAfterWrite()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(p.getJpa().getFetchSize()).isEqualTo(2000);
                    CrmProperties.RoleProperties rm = p.getGovernance().getRoles().get(0);
                    assertThat(rm.getGrants()).containsEntry(Operation.CUSTOMER_READ, Depth.OWN)
                            .containsEntry(Operation.CUSTOMER_REGISTER, Depth.BRANCH);
                    assertThat(rm.getMasks()).containsExactlyInAnyOrder(FieldMask.PHONE, FieldMask.IDENTIFIER_VALUE);
                    Crm crm = context.getBean(Crm.class);
                    assertThat(crm.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
                    assertThat(crm.store()).isInstanceOf(CachingCrmStore.class);
                });
    }

    @Test
    @DisplayName("refuse an out-of-range number at start-up, naming the property and the rule")
    void outOfRange() {
        runner.withPropertyValues("crmkit.maturity-lookahead-days=400").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isNotNull();
            assertThat(analysis(context.getStartupFailure()))
                    .contains("Property: crmkit.maturityLookaheadDays", "Value: \"400\"", "Origin: \"crmkit.maturity-lookahead-days\"", "less than or equal to 366");
        });
        runner.withPropertyValues("crmkit.jpa.fetch-size=0").run(context ->
                assertThat(analysis(context.getStartupFailure())).contains("Property: crmkit.jpa.fetchSize", "Value: \"0\"", "greater than or equal to 1"));
    }

    @Test
    @DisplayName("refuse an unknown zone, store kind or operation at start-up, naming the property")
    void malformed() {
        runner.withPropertyValues("crmkit.zone=Mars/Olympus").run(context ->
                assertThat(messages(context.getStartupFailure())).contains("crmkit.zone", "Mars/Olympus"));
        runner.withPropertyValues("crmkit.store=cloud").run(context ->
                assertThat(messages(context.getStartupFailure())).contains("crmkit.store", "cloud"));
        runner.withPropertyValues("crmkit.governance.roles[0].code=RM", "crmkit.governance.roles[0].grants.customer-fly=own")
                .run(context -> assertThat(messages(context.getStartupFailure())).contains("crmkit.governance.roles[0].grants"));
    }

    @Test
    @DisplayName("refuse what CRMKit's own builders refuse, naming the property: a cache entry life of zero, a role code twice")
    void refusedByTheLibrary() {
        runner.withPropertyValues("crmkit.cache.enabled=true", "crmkit.cache.expire-after-write=0s").run(context ->
                assertThat(messages(context.getStartupFailure()))
                        .contains("crmkit.cache.expire-after-write", "between 1 second and 1 day"));
        runner.withPropertyValues("crmkit.governance.roles[0].code=RM", "crmkit.governance.roles[1].code=RM").run(context ->
                assertThat(messages(context.getStartupFailure())).contains("crmkit.governance.roles[1]", "defined twice"));
        runner.withPropertyValues("crmkit.governance.roles[0].code=R M").run(context ->
                assertThat(messages(context.getStartupFailure())).contains("crmkit.governance.roles[0].code"));
    }

    @Test
    @DisplayName("are described in the generated configuration metadata")
    void metadata() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"crmkit.store\"", "\"crmkit.zone\"", "\"crmkit.jpa.migrate\"",
                    "\"crmkit.jpa.join-spring-transactions\"", "\"crmkit.cache.expire-after-write\"",
                    "\"crmkit.actor.authority-prefix\"", "\"crmkit.governance.roles\"",
                    "Which store the Crm uses");
        }
    }

    /**
     * What the start-up report shows: Boot's failure analysis (as printed under "APPLICATION FAILED
     * TO START") when an analyzer knows the failure, then every message of the failure and its causes.
     */
    static String messages(Throwable failure) {
        assertThat(failure).as("the start must fail").isNotNull();
        StringBuilder out = new StringBuilder();
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(CrmPropertiesTest.class.getClassLoader())
                .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(),
                        SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> { }));
        for (FailureAnalyzer analyzer : analyzers) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                out.append(analysis.getDescription()).append('\n').append(analysis.getAction()).append('\n');
                break;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.append(t.getMessage()).append('\n');
        }
        return out.toString();
    }

    /** Only the failure analysis, which must exist: what a user reads first. */
    static String analysis(Throwable failure) {
        String all = messages(failure);
        return all.substring(0, Math.max(0, all.indexOf("Error creating bean")));
    }
}
