package io.crmkit.core;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.task.Task;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything a relationship manager needs on one screen (统一客户视图): the customer, contacts,
 * current relationships, linked accounts and their latest snapshots, current tier with the reason
 * it was given, the latest interactions, open opportunities and open tasks.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows ids and counts only.
 *
 * @param customer the customer record
 * @param contacts its contacts, primary first
 * @param relationships relationships holding today
 * @param accounts linked accounts
 * @param latestSnapshots the newest snapshot per account, up to today
 * @param tier the current tier's definition, or {@code null}
 * @param tierAssignment the history entry that gave the current tier, or {@code null}
 * @param latestInteractions the newest interactions, newest first
 * @param interactionCount how many interactions the customer has in all
 * @param openOpportunities opportunities still open
 * @param openTasks tasks about the customer still open
 * @param pendingRequests changes of the customer's records waiting for approval (maker-checker)
 * @param openCases the customer's open service cases with their SLA standing
 * @param campaignMemberships the campaigns the customer is a member of, newest launch first (empty when the store keeps no campaigns)
 * @param subscriptions the customer's information-service subscriptions, active and ended (empty when the store keeps none)
 */
public record Customer360(Customer customer, List<Contact> contacts, List<Relationship> relationships,
        List<LinkedAccount> accounts, Map<AccountId, AccountSnapshot> latestSnapshots, @Nullable TierDefinition tier,
        @Nullable TierAssignment tierAssignment, List<Interaction> latestInteractions, long interactionCount,
        List<Opportunity> openOpportunities, List<Task> openTasks,
        List<io.crmkit.core.approval.PendingRequest> pendingRequests,
        List<io.crmkit.core.casework.CaseView> openCases,
        List<io.crmkit.core.campaign.CampaignMember> campaignMemberships, List<io.crmkit.core.info.Subscription> subscriptions) {
    public Customer360 {
        contacts = List.copyOf(contacts);
        relationships = List.copyOf(relationships);
        accounts = List.copyOf(accounts);
        latestSnapshots = Map.copyOf(latestSnapshots);
        latestInteractions = List.copyOf(latestInteractions);
        openOpportunities = List.copyOf(openOpportunities);
        openTasks = List.copyOf(openTasks);
        pendingRequests = List.copyOf(pendingRequests);
        openCases = List.copyOf(openCases);
        campaignMemberships = List.copyOf(campaignMemberships);
        subscriptions = List.copyOf(subscriptions);
    }

    public Optional<TierDefinition> currentTier() {
        return Optional.ofNullable(tier);
    }

    @Override
    public String toString() {
        return "Customer360[customer=" + customer.id() + ", contacts=" + contacts.size() + ", relationships="
                + relationships.size() + ", accounts=" + accounts.size() + ", tier=" + (tier == null ? null : tier.code())
                + ", interactions=" + interactionCount + ", openOpportunities=" + openOpportunities.size()
                + ", openTasks=" + openTasks.size() + ", pendingRequests=" + pendingRequests.size() + ", openCases=" + openCases.size()
                + ", campaigns=" + campaignMemberships.size() + ", subscriptions=" + subscriptions.size() + "]";
    }
}
