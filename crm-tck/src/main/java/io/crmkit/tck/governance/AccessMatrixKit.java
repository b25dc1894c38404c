package io.crmkit.tck.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CrmSession;
import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.approval.ApprovalRule;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.spi.CrmStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public read and write path — found by reflection over the services a {@link CrmSession}
 * offers, so a method added later is covered without editing this suite — tried as every principal
 * of a {@link GeneratedOrganisation} on a customer of each branch, directly and as a reference from
 * the principal's own customer. Asserts: no call succeeds on a record the principal's grant does not
 * reach (worked out by an independent oracle); every refusal is a library exception; no returned
 * value, cursor or message carries the id of a record the principal may not see.
 *
 * <p>Subclass with {@link #createStore()}; the store may be shared (ids carry a per-run prefix).
 */
@DisplayName("governance › every path as every principal")
public abstract class AccessMatrixKit {
    /** The operation each method needs, by {@code service.method}; unlisted methods are reads. */
    static final Map<String, Operation> OPERATIONS = Map.ofEntries(
            Map.entry("customers.register", Operation.CUSTOMER_REGISTER),
            Map.entry("customers.registerAll", Operation.CUSTOMER_REGISTER), Map.entry("customers.update", Operation.CUSTOMER_UPDATE),
            Map.entry("customers.changeLifecycle", Operation.CUSTOMER_LIFECYCLE),
            Map.entry("customers.addContact", Operation.CONTACT_WRITE), Map.entry("customers.updateContact", Operation.CONTACT_WRITE),
            Map.entry("customers.relate", Operation.RELATIONSHIP_WRITE),
            Map.entry("customers.endRelationship", Operation.RELATIONSHIP_WRITE),
            Map.entry("accounts.link", Operation.ACCOUNT_LINK), Map.entry("accounts.updateStatus", Operation.ACCOUNT_STATUS),
            Map.entry("accounts.recordSnapshot", Operation.ACCOUNT_SNAPSHOT),
            Map.entry("interactions.record", Operation.INTERACTION_RECORD),
            Map.entry("opportunities.open", Operation.OPPORTUNITY_WRITE), Map.entry("opportunities.moveTo", Operation.OPPORTUNITY_WRITE),
            Map.entry("opportunities.win", Operation.OPPORTUNITY_WRITE), Map.entry("opportunities.lose", Operation.OPPORTUNITY_WRITE),
            Map.entry("opportunities.revise", Operation.OPPORTUNITY_WRITE),
            Map.entry("opportunities.definePipeline", Operation.PIPELINE_DEFINE),
            Map.entry("tasks.assign", Operation.TASK_ASSIGN), Map.entry("tasks.start", Operation.TASK_WORK),
            Map.entry("tasks.complete", Operation.TASK_WORK), Map.entry("tasks.cancel", Operation.TASK_WORK),
            Map.entry("tasks.reassign", Operation.TASK_WORK), Map.entry("tasks.reschedule", Operation.TASK_WORK),
            Map.entry("tiers.define", Operation.TIER_DEFINE), Map.entry("tiers.assignManually", Operation.TIER_OVERRIDE),
            Map.entry("tiers.assignByRule", Operation.TIER_RULE), Map.entry("tiers.assignAllByRule", Operation.TIER_RULE),
            Map.entry("organisation.addUnit", Operation.ORG_MANAGE), Map.entry("organisation.addStaff", Operation.ORG_MANAGE),
            Map.entry("organisation.deactivate", Operation.ORG_MANAGE),
            Map.entry("audit.forCustomer", Operation.AUDIT_READ), Map.entry("audit.byActor", Operation.AUDIT_READ),
            Map.entry("audit.verify", Operation.AUDIT_READ), Map.entry("audit.purgeBefore", Operation.AUDIT_READ),
            Map.entry("approvals.approve", Operation.APPROVE), Map.entry("approvals.reject", Operation.APPROVE),
            Map.entry("approvals.expireDue", Operation.APPROVE),
            Map.entry("erasure.request", Operation.CUSTOMER_ERASE), Map.entry("erasure.runDue", Operation.CUSTOMER_ERASE),
            Map.entry("consents.capture", Operation.CONSENT_WRITE), Map.entry("consents.confirm", Operation.CONSENT_WRITE),
            Map.entry("consents.withdraw", Operation.CONSENT_WRITE),
            Map.entry("consents.setDoNotContact", Operation.CONSENT_WRITE),
            Map.entry("contactPolicy.attempt", Operation.CONTACT_RECORD),
            Map.entry("contactPolicy.attemptAll", Operation.CONTACT_RECORD),
            Map.entry("merges.merge", Operation.CUSTOMER_MERGE), Map.entry("merges.unmerge", Operation.CUSTOMER_MERGE),
            // service cases (issue 15)
            Map.entry("cases.definePolicy", Operation.SLA_DEFINE), Map.entry("cases.open", Operation.CASE_WRITE),
            Map.entry("cases.moveTo", Operation.CASE_WRITE), Map.entry("cases.resolve", Operation.CASE_WRITE),
            Map.entry("cases.assign", Operation.CASE_WRITE), Map.entry("cases.link", Operation.CASE_WRITE),
            Map.entry("cases.applyPolicy", Operation.CASE_WRITE), Map.entry("cases.tick", Operation.SLA_RUN),
            Map.entry("cases.sendSurvey", Operation.SURVEY_WRITE),
            Map.entry("cases.recordSurveyResponse", Operation.SURVEY_WRITE),
            Map.entry("campaigns.define", Operation.CAMPAIGN_MANAGE), Map.entry("campaigns.launch", Operation.CAMPAIGN_MANAGE),
            Map.entry("campaigns.close", Operation.CAMPAIGN_MANAGE),
            Map.entry("campaigns.recordEngagement", Operation.CAMPAIGN_ENGAGEMENT),
            Map.entry("information.publish", Operation.CONTENT_PUBLISH),
            Map.entry("information.subscribe", Operation.SUBSCRIPTION_WRITE),
            Map.entry("information.unsubscribe", Operation.SUBSCRIPTION_WRITE),
            Map.entry("information.recordEngagement", Operation.CAMPAIGN_ENGAGEMENT));
    /** Methods that need their grant at depth ALL. */
    static final Set<String> NEEDS_ALL = Set.of("audit.byActor", "audit.verify", "audit.purgeBefore", "erasure.runDue");

    /** The store under test. */
    protected abstract CrmStore createStore();

    /**
     * Whether to try a customer of every team (default) or of every branch only; the principal's
     * own customer is always tried too. A slower store may choose branches.
     */
    protected boolean targetEveryTeam() {
        return true;
    }

    /** The services of a session, by accessor name, in a stable order. */
    static List<Method> services() {
        return Arrays.stream(CrmSession.class.getMethods())
                .filter(m -> m.getParameterCount() == 0 && m.getReturnType().isInterface() && !Modifier.isStatic(m.getModifiers())
                        && m.getReturnType().getPackageName().equals("io.crmkit.core"))
                .sorted(Comparator.comparing(Method::getName)).toList();
    }

    static List<Method> methods(Class<?> service) {
        return Arrays.stream(service.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
                .sorted(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount)).toList();
    }

    @TestFactory
    @DisplayName("no principal succeeds outside its scope, and nothing returned names a hidden record")
    Stream<DynamicTest> everyPrincipal() {
        GeneratedOrganisation org = new GeneratedOrganisation(createStore(), FourEyes.builder()
                .rule(ApprovalRule.always("tier-override", Operation.TIER_OVERRIDE)).build());
        Map<CustomerId, PendingRequestId> pending = new HashMap<>();
        CrmSession admin = org.crm.as(org.principals.get("admin").actor());
        for (GeneratedOrganisation.Book b : org.books) {
            try {
                admin.tiers().assignManually(b.customer().id(), TierCode.of("GOLD"), "promote", null);
            } catch (ApprovalRequiredException e) {
                pending.put(b.customer().id(), e.requestId());
            }
        }
        assertThat(pending).as("every tier override waits for approval").hasSize(org.books.size());
        // One target per team: every branch and region is tried from every principal.
        List<GeneratedOrganisation.Book> targets = new ArrayList<>();
        Set<Object> teams = new HashSet<>();
        for (GeneratedOrganisation.Book b : org.books) {
            if (teams.add(targetEveryTeam() ? b.customer().branch() : org.branchOf(b.customer().branch()))) {
                targets.add(b);
            }
        }
        Arguments args = new Arguments(org, org.crm.store(), pending);
        int[] successes = {0};
        return org.principals.values().stream().map(p -> DynamicTest.dynamicTest(p.name() + " (" + p.role() + ")", () -> {
            List<String> leaks = new ArrayList<>();
            int before = successes[0];
            CrmSession session = org.crm.as(p.actor());
            Set<String> hidden = new HashSet<>();
            for (GeneratedOrganisation.Book b : org.books) {
                if (!org.reaches(p, Operation.CUSTOMER_READ, b.customer())) {
                    hidden.addAll(GeneratedOrganisation.ids(b));
                }
            }
            GeneratedOrganisation.Book home = org.books.stream()
                    .filter(b -> org.reaches(p, Operation.CUSTOMER_UPDATE, b.customer())).findFirst().orElse(null);
            for (Method accessor : services()) {
                Object service = accessor.invoke(session);
                for (Method m : methods(accessor.getReturnType())) {
                    String key = accessor.getName() + "." + m.getName();
                    Operation op = OPERATIONS.getOrDefault(key, Operation.CUSTOMER_READ);
                    boolean bound = Arguments.customerBound(m);
                    List<GeneratedOrganisation.Book> mine = new ArrayList<>(bound ? targets : targets.subList(0, 1));
                    if (bound && home != null && !mine.contains(home)) {
                        mine.add(home);
                    }
                    for (GeneratedOrganisation.Book target : mine) {
                        successes[0] += call(org, p, service, m, key, op, bound, target, null, args, hidden, leaks);
                        if (home != null && bound && Arguments.hasSecondaryReference(m)) {
                            call(org, p, service, m, key, op, bound, target, home, args, hidden, leaks);
                        }
                    }
                }
            }
            assertThat(leaks).as("out-of-scope successes, raw exceptions and hidden ids for " + p.name()).isEmpty();
            if (home != null) {
                // Not a suite that passes by refusing everything: a desk role gets its own work done.
                assertThat(successes[0] - before).as("successful calls by " + p.name()).isGreaterThan(25);
            }
        }));
    }

    private int call(GeneratedOrganisation org, GeneratedOrganisation.Principal p, Object service, Method m, String key,
            Operation op, boolean bound, GeneratedOrganisation.Book target, GeneratedOrganisation.@Nullable Book home,
            Arguments args, Set<String> hidden, List<String> leaks) {
        List<String> given = new ArrayList<>();
        Object[] values = args.build(m, target, home, given);
        String what = key + (home == null ? "" : " (reference)") + " on " + target.customer().id();
        Object result;
        String text;
        boolean ok;
        try {
            result = m.invoke(service, values);
            // An empty Optional is the "absent" answer: it reveals nothing and changes nothing.
            // An empty Optional is the "absent" answer: it reveals nothing and changes nothing; an
            // empty map is the same answer for a batch of keys.
            // A contact-policy snapshot that covers none of the customers asked for is the same answer.
            ok = !(result instanceof java.util.Optional<?> o && o.isEmpty()) && !(result instanceof Map<?, ?> mm && mm.isEmpty())
                    && !(result instanceof io.crmkit.core.consent.ContactPolicy cp && cp.size() == 0);
            text = render(result);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            ok = false;
            text = cause.getMessage() + " " + cause;
            if (!(cause instanceof CrmException)) {
                leaks.add(what + ": raw " + cause.getClass().getName());
            }
            if (cause instanceof ApprovalRequiredException) {
                ok = true; // accepted for approval: the scope checks passed
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        if (ok) {
            boolean allowed;
            if (!org.reaches(p, op, owning(m, target, home)) && bound) {
                allowed = false;
            } else if (home != null && !org.reaches(p, Operation.CUSTOMER_READ, referenced(org, m, target, home))) {
                allowed = false; // a reference from the principal's own record to a hidden one
            } else if (!bound && OPERATIONS.containsKey(key)) {
                io.crmkit.core.governance.Depth depth = GeneratedOrganisation.depthOf(p.role(), op);
                allowed = depth != null && (!NEEDS_ALL.contains(key) || depth == io.crmkit.core.governance.Depth.ALL);
            } else {
                allowed = true;
            }
            if (!allowed) {
                leaks.add(what + ": succeeded outside the principal's scope");
            }
        }
        for (String id : hidden) {
            if (!given.contains(id) && text.contains(id)) {
                leaks.add(what + ": result or message names hidden record " + id);
            }
        }
        return ok ? 1 : 0;
    }

    /**
     * The customer whose record the call changes or reads: the target, except for the reference
     * variant of a method on a relationship id, which acts on the principal's own relationship (the
     * target then only picks nothing; its side of the relationship is judged by {@link #referenced}).
     */
    private static io.crmkit.core.customer.Customer owning(Method m, GeneratedOrganisation.Book target,
            GeneratedOrganisation.@Nullable Book home) {
        boolean ownRelationship = home != null
                && Arrays.asList(m.getParameterTypes()).contains(io.crmkit.core.customer.RelationshipId.class);
        return ownRelationship ? home.customer() : target.customer();
    }

    /**
     * The customer the reference variant points at: the target, except for a relationship id, which
     * is the principal's own relationship and so refers to the customer on its other side — read as
     * stored now, since an earlier call of the run (a merge) may have moved that side to another
     * customer.
     */
    private static io.crmkit.core.customer.Customer referenced(GeneratedOrganisation org, Method m,
            GeneratedOrganisation.Book target, GeneratedOrganisation.Book home) {
        if (Arrays.asList(m.getParameterTypes()).contains(io.crmkit.core.customer.RelationshipId.class)) {
            io.crmkit.core.spi.CrmStore store = org.crm.store();
            io.crmkit.core.customer.CustomerId other = store.relationships().findById(home.relationship().id())
                    .map(io.crmkit.core.customer.Relationship::to).orElse(home.relationship().to());
            return store.customers().findById(other).orElse(org.book(home.relationship().to()).customer());
        }
        return target.customer();
    }

    private static String render(@Nullable Object result) {
        if (result == null) {
            return "null";
        }
        try {
            return CrmJson.mapper().writeValueAsString(result) + " " + result;
        } catch (Exception e) {
            return String.valueOf(result);
        }
    }
}
