package io.crmkit.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

import io.crmkit.core.Crm;
import io.crmkit.core.org.OrgUnitId;

/** Actors from Spring Security, when it is on the class path. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Authentication.class)
class CrmSecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CrmActorResolver crmActorResolver(ObjectProvider<Crm> crm, CrmProperties properties) {
        CrmProperties.Actor actor = properties.getActor();
        String unit = actor.getDefaultOrgUnit();
        return new DefaultCrmActorResolver(() -> crm.getObject().store(), actor.getAuthorityPrefix(),
                unit == null ? null : OrgUnitId.of(unit));
    }

    @Bean
    @ConditionalOnMissingBean
    CrmSessions crmSessions(Crm crm, CrmActorResolver crmActorResolver) {
        return new CrmSessions(crm, crmActorResolver);
    }
}
