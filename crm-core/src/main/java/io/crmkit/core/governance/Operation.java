package io.crmkit.core.governance;

/**
 * Everything an actor can do through the services, as a typed privilege. A {@link Role} grants
 * operations at a {@link Depth}; the services check the operation of every call against the
 * actor's grants and the data scope of the record it touches.
 *
 * <p>Reads are operations too: {@link #CUSTOMER_READ} decides which customers (and everything
 * under them: contacts, accounts, timeline, opportunities, tasks) an actor sees at all.
 */
public enum Operation {
    /** See customers and their records (360 view, timeline, lists, reminders). */
    CUSTOMER_READ("customer.read"),
    CUSTOMER_REGISTER("customer.register"),
    CUSTOMER_UPDATE("customer.update"),
    CUSTOMER_LIFECYCLE("customer.changeLifecycle"),
    CONTACT_WRITE("contact.write"),
    RELATIONSHIP_WRITE("relationship.write"),
    ACCOUNT_LINK("account.link"),
    ACCOUNT_STATUS("account.updateStatus"),
    ACCOUNT_SNAPSHOT("account.recordSnapshot"),
    INTERACTION_RECORD("interaction.record"),
    OPPORTUNITY_WRITE("opportunity.write"),
    PIPELINE_DEFINE("pipeline.define"),
    TASK_ASSIGN("task.assign"),
    TASK_WORK("task.work"),
    /** Raise, acknowledge and resolve alerts about customers in scope. */
    ALERT_WRITE("alert.write"),
    TIER_DEFINE("tier.define"),
    TIER_OVERRIDE("tier.assignManually"),
    TIER_RULE("tier.assignByRule"),
    ORG_MANAGE("organisation.manage"),
    /** Read the audit trail (per customer within scope, or per actor at depth ALL). */
    AUDIT_READ("audit.read"),
    /** Approve or reject other people's pending requests, for records in scope. */
    APPROVE("approval.decide"),
    /** Run analytics readers over the store (within scope). */
    ANALYTICS_READ("analytics.read"),

    // Erasure (issue 12, right to be forgotten)
    /** Request the erasure of a customer in scope (always waits for approval), and run scheduled erasures (depth ALL). */
    CUSTOMER_ERASE("customer.erase"),
    // Consent and contact policy (issue 12):
    /** Capture, confirm and withdraw consents, and set do-not-contact flags, for customers in scope. */
    CONSENT_WRITE("consent.write"),
    /** Log contacts through the contact policy (carried out or refused) for customers in scope. */
    CONTACT_RECORD("contact.record"),
    // merge of duplicate customers (issue 13)
    /** Merge a duplicate customer into a survivor, and undo a merge; both customers must be in scope. */
    CUSTOMER_MERGE("customer.merge"),

    // Service cases, SLAs and satisfaction surveys (issue 15).
    /** Open, move, resolve, assign and link cases about customers in scope, and re-apply their SLA policy. */
    CASE_WRITE("case.write"),
    /** Define SLA policies (firm-wide reference data). */
    SLA_DEFINE("sla.define"),
    /** Run the SLA monitor: announce warnings and breaches and escalate (a system job's grant). */
    SLA_RUN("sla.run"),
    /** Send satisfaction surveys and record their answers, for cases in scope. */
    SURVEY_WRITE("survey.write"),

    // Campaigns and the information service (issue 15)
    /** Define, launch and close campaigns (a launch reaches the audience customers in scope). */
    CAMPAIGN_MANAGE("campaign.manage"),
    /** Record opens and clicks of campaign contacts and pushes, for customers in scope. */
    CAMPAIGN_ENGAGEMENT("campaign.recordEngagement"),
    /** Publish content items (research reports, morning notes, product notices). */
    CONTENT_PUBLISH("content.publish"),
    /** Subscribe customers in scope to topics and unsubscribe them. */
    SUBSCRIPTION_WRITE("subscription.write"),
    /** Plan and deliver pushes to the subscribers in scope. */
    PUSH_RUN("push.run");

    private final String code;

    Operation(String code) {
        this.code = code;
    }

    /** The stable code used in audit entries and commands, for example {@code customer.update}. */
    public String code() {
        return code;
    }
}
