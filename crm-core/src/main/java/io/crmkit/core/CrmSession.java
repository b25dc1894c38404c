package io.crmkit.core;

import io.crmkit.core.alert.AlertService;
import io.crmkit.core.org.Actor;
import java.util.function.Supplier;

/**
 * The CRM as seen by one actor: every operation through it runs on that actor's behalf, is
 * recorded as theirs, and passes the Crm's interceptors and access policy. Cheap to create; hold
 * one per request or job.
 *
 * <p>Thread-safe.
 */
public interface CrmSession {
    Actor actor();

    CustomerService customers();

    AccountService accounts();

    InteractionService interactions();

    OpportunityService opportunities();

    TaskService tasks();

    TierService tiers();

    OrganisationService organisation();

    /** Alerts: raise, list an owner's open ones, acknowledge, resolve. */
    AlertService alerts();

    /**
     * Runs several operations atomically: all their writes commit together or none does, and their
     * events are published once the whole unit has committed.
     */
    <T> T inTransaction(Supplier<T> work);
}
