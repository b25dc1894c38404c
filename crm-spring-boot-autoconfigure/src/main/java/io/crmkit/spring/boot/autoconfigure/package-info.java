/**
 * Spring Boot auto-configuration of CRMKit: {@link io.crmkit.spring.boot.autoconfigure.CrmAutoConfiguration}
 * and its properties ({@link io.crmkit.spring.boot.autoconfigure.CrmProperties}, {@code crmkit.*}),
 * the extension points {@link io.crmkit.spring.boot.autoconfigure.CrmBuilderCustomizer},
 * {@link io.crmkit.spring.boot.autoconfigure.CrmStoreDecorator} and
 * {@link io.crmkit.spring.boot.autoconfigure.CrmActorResolver}, and
 * {@link io.crmkit.spring.boot.autoconfigure.CrmSessions} for the signed-in user's session.
 */
@NullMarked
package io.crmkit.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
