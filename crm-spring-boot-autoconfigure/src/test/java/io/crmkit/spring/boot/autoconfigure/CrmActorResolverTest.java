package io.crmkit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;

@DisplayName("Actors from Spring Security")
class CrmActorResolverTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmAutoConfiguration.class));

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    private static UsernamePasswordAuthenticationToken user(String name, String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated(name, "n/a", AuthorityUtils.createAuthorityList(authorities));
    }

    @Test
    @DisplayName("the principal's name is the staff id, its unit comes from the staff list, ROLE_ authorities are roles")
    void defaultMapping() {
        runner.run(context -> {
            Crm crm = context.getBean(Crm.class);
            var admin = crm.as(Actor.system("setup"));
            admin.organisation().addUnit(OrgUnitId.of("hq"), "Head office", OrgUnitType.HEAD_OFFICE, null);
            admin.organisation().addUnit(OrgUnitId.of("br-sh-01"), "Shanghai 1", OrgUnitType.BRANCH, OrgUnitId.of("hq"));
            admin.organisation().addStaff(StaffId.of("rm-017"), "RM 17", OrgUnitId.of("br-sh-01"), Set.of("RM"));

            Actor actor = context.getBean(CrmActorResolver.class).resolve(user("rm-017", "ROLE_RM", "SCOPE_crm/read", "audit"));
            assertThat(actor.id()).isEqualTo("rm-017");
            assertThat(actor.kind()).isEqualTo(Actor.Kind.STAFF);
            assertThat(actor.orgUnit()).isEqualTo(OrgUnitId.of("br-sh-01"));
            assertThat(actor.roles()).containsExactlyInAnyOrder("RM", "audit");

            Actor unknown = context.getBean(CrmActorResolver.class).resolve(user("rm-999", "ROLE_RM"));
            assertThat(unknown.orgUnit()).isNull();

            admin.organisation().deactivate(StaffId.of("rm-017"));
            assertThatThrownBy(() -> context.getBean(CrmActorResolver.class).resolve(user("rm-017", "ROLE_RM")))
                    .isInstanceOf(AccessDeniedException.class);
        });
    }

    @Test
    @DisplayName("refuses the anonymous and a principal name that is no valid staff id, without quoting it")
    void refusals() {
        runner.run(context -> {
            CrmActorResolver resolver = context.getBean(CrmActorResolver.class);
            assertThatThrownBy(() -> resolver.resolve(new TestingAuthenticationToken("rm-017", "n/a")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> resolver.resolve(user("zhang.wei@bank.example", "ROLE_RM")))
                    .isInstanceOf(ValidationException.class).hasMessageNotContaining("zhang.wei");
            assertThatThrownBy(() -> context.getBean(CrmSessions.class).current()).isInstanceOf(AccessDeniedException.class);
        });
    }

    @Test
    @DisplayName("the signed-in user's session is governed by the roles from the properties and the role mapping")
    void governedSessions() {
        runner.withPropertyValues("crmkit.actor.default-org-unit=br-sh-01",
                "crmkit.governance.roles[0].code=RM", "crmkit.governance.roles[0].grants.customer-read=own",
                "crmkit.governance.roles[0].grants.customer-register=own",
                "crmkit.governance.role-mapping.relationship-manager=RM").run(context -> {
                    assertThat(context).hasNotFailed();
                    CrmSessions sessions = context.getBean(CrmSessions.class);

                    SecurityContextHolder.getContext().setAuthentication(user("rm-017", "ROLE_relationship-manager"));
                    Customer own = sessions.current().customers().register(
                            NewCustomer.individual("Zhou Min").owner(StaffId.of("rm-017")).active().build());
                    assertThat(sessions.current().customers().find(own.id())).isPresent();

                    SecurityContextHolder.getContext().setAuthentication(user("rm-018", "ROLE_relationship-manager"));
                    assertThat(sessions.current().customers().find(own.id())).as("another RM's customer is absent").isEmpty();

                    SecurityContextHolder.getContext().setAuthentication(user("clerk-1", "ROLE_CLERK"));
                    assertThatThrownBy(() -> sessions.current().customers().register(
                            NewCustomer.individual("Sun Li").owner(StaffId.of("clerk-1")).active().build()))
                            .isInstanceOf(AccessDeniedException.class);
                });
    }

    @Test
    @DisplayName("backs off for the application's own resolver")
    void ownResolver() {
        CrmActorResolver own = auth -> Actor.staff(StaffId.of("fixed"), OrgUnitId.of("br-1"));
        runner.withBean(CrmActorResolver.class, () -> own).run(context -> {
            assertThat(context.getBean(CrmActorResolver.class)).isSameAs(own);
            assertThat(context.getBean(CrmSessions.class).of(user("whoever")).customers()).isNotNull();
        });
    }
}
