package io.crmkit.tck.faulty;

import io.crmkit.core.spi.AccountRepository;
import io.crmkit.core.spi.AlertRepository;
import io.crmkit.core.spi.ContactRepository;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.core.spi.InteractionRepository;
import io.crmkit.core.spi.OpportunityRepository;
import io.crmkit.core.spi.OrgUnitRepository;
import io.crmkit.core.spi.PipelineRepository;
import io.crmkit.core.spi.RelationshipRepository;
import io.crmkit.core.spi.StaffRepository;
import io.crmkit.core.spi.TaskRepository;
import io.crmkit.core.spi.TierRepository;
import java.util.function.Supplier;

/** A store that forwards everything to another; faulty stores override the part they break. */
class DelegatingCrmStore implements CrmStore {
    final CrmStore delegate;

    DelegatingCrmStore(CrmStore delegate) {
        this.delegate = delegate;
    }

    @Override public CustomerRepository customers() { return delegate.customers(); }
    @Override public ContactRepository contacts() { return delegate.contacts(); }
    @Override public RelationshipRepository relationships() { return delegate.relationships(); }
    @Override public AccountRepository accounts() { return delegate.accounts(); }
    @Override public InteractionRepository interactions() { return delegate.interactions(); }
    @Override public OpportunityRepository opportunities() { return delegate.opportunities(); }
    @Override public PipelineRepository pipelines() { return delegate.pipelines(); }
    @Override public TaskRepository tasks() { return delegate.tasks(); }
    @Override public TierRepository tiers() { return delegate.tiers(); }
    @Override public OrgUnitRepository orgUnits() { return delegate.orgUnits(); }
    @Override public StaffRepository staff() { return delegate.staff(); }
    @Override public AlertRepository alerts() { return delegate.alerts(); }
    @Override public io.crmkit.core.spi.CaseRepository cases() { return delegate.cases(); }
    @Override public io.crmkit.core.spi.SlaPolicyRepository slaPolicies() { return delegate.slaPolicies(); }
    @Override public io.crmkit.core.spi.ConsentRepository consents() { return delegate.consents(); }
    @Override public io.crmkit.core.spi.DoNotContactRepository doNotContact() { return delegate.doNotContact(); }
    @Override public io.crmkit.core.spi.ContactLogRepository contactLog() { return delegate.contactLog(); }
    @Override public io.crmkit.core.spi.MergeRepository merges() { return delegate.merges(); }

    @Override public io.crmkit.core.spi.CampaignRepository campaigns() { return delegate.campaigns(); }

    @Override public io.crmkit.core.spi.CampaignMemberRepository campaignMembers() { return delegate.campaignMembers(); }

    @Override public io.crmkit.core.spi.EngagementRepository engagements() { return delegate.engagements(); }

    @Override public io.crmkit.core.spi.ContentRepository contents() { return delegate.contents(); }

    @Override public io.crmkit.core.spi.SubscriptionRepository subscriptions() { return delegate.subscriptions(); }

    @Override public io.crmkit.core.spi.DeliveryRepository deliveries() { return delegate.deliveries(); }
    @Override public <T> T inTransaction(Supplier<T> work) { return delegate.inTransaction(work); }
}
