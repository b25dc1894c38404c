package io.crmkit.spring.boot.autoconfigure;

import io.crmkit.core.Crm;

/**
 * Changes the {@link Crm.Builder} of the auto-configured {@code Crm} before it is built: add an
 * interceptor, a listener, four-eyes rules, an audit key. Declare it as a bean; all of them run,
 * in {@code @Order}, after the builder has been given the store, the properties and the
 * {@code Clock}, {@code AccessPolicy}, {@code Permissions}, {@code CommandInterceptor} and
 * {@code CrmEventListener} beans.
 *
 * <pre>{@code
 * @Bean CrmBuilderCustomizer fourEyes() {
 *     return builder -> builder.fourEyes(FourEyes.of(ApprovalRule.always("closing", Operation.CUSTOMER_LIFECYCLE)));
 * }
 * }</pre>
 *
 * <p>Implementations are called once, on the thread that creates the bean.
 */
@FunctionalInterface
public interface CrmBuilderCustomizer {
    void customize(Crm.Builder builder);
}
