package io.crmkit.tck.governance;

import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.casework.BusinessCalendar;
import io.crmkit.core.casework.CaseId;
import io.crmkit.core.casework.CaseKind;
import io.crmkit.core.casework.CaseLinks;
import io.crmkit.core.casework.CaseStatus;
import io.crmkit.core.casework.NewCase;
import io.crmkit.core.casework.Resolution;
import io.crmkit.core.casework.SatisfactionDimension;
import io.crmkit.core.casework.SlaMetric;
import io.crmkit.core.casework.SlaPolicyDefinition;
import io.crmkit.core.casework.SlaPolicyId;
import io.crmkit.core.casework.SlaTarget;
import io.crmkit.core.casework.SurveyResponse;
import io.crmkit.core.consent.ConsentId;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.consent.ContactRequest;
import io.crmkit.core.consent.NewConsent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactId;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewContact;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.RelationshipId;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.NewOpportunity;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.opportunity.OpportunitySource;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.NewTask;
import io.crmkit.core.task.TaskId;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.tck.fixtures.UniqueIds;
import io.crmkit.core.CrmSession;
import io.crmkit.core.MergeService;
import io.crmkit.core.merge.MergeId;
import io.crmkit.core.merge.Survivorship;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Arguments for any service method, built from the parameter's type (and name where a type is
 * ambiguous) so that a method added later is exercised without editing the suites. A customer
 * reference points at {@code target}; in the "reference" variant the method's main customer is
 * the principal's own ({@code home}) and every further reference points at the target.
 */
final class Arguments {
    private final GeneratedOrganisation org;
    private final CrmStore store;
    private final Map<CustomerId, PendingRequestId> pending;

    Arguments(GeneratedOrganisation org, CrmStore store, Map<CustomerId, PendingRequestId> pending) {
        this.org = org;
        this.store = store;
        this.pending = pending;
    }

    /** Parameter types that tie a call to a customer. */
    static boolean customerBound(Class<?> t) {
        return t == CustomerId.class || t == ContactId.class || t == AccountId.class || t == InteractionId.class
                || t == OpportunityId.class || t == TaskId.class || t == RelationshipId.class || t == PendingRequestId.class
                || t == NewCustomer.class || t == Customer.class || t == Contact.class || t == NewContact.class
                || t == NewAccount.class || t == NewInteraction.class || t == NewOpportunity.class || t == NewTask.class
                || t == AccountSnapshot.class || t == Identifier.class || t == NewConsent.class || t == ConsentId.class
                || t == ContactRequest.class || t == java.util.Collection.class || t == MergeId.class
                || t == CaseId.class || t == NewCase.class || t == CaseLinks.class || t == io.crmkit.core.info.NewSubscription.class
                || t == io.crmkit.core.info.DeliveryId.class;
    }

    /** Whether a method's arguments tie the call to a customer (a batch of new customers does too). */
    static boolean customerBound(Method m) {
        return java.util.Arrays.stream(m.getParameterTypes()).anyMatch(Arguments::customerBound)
                || java.util.Arrays.stream(m.getGenericParameterTypes()).anyMatch(Arguments::newCustomers);
    }

    private static boolean newCustomers(java.lang.reflect.Type t) {
        return t instanceof java.lang.reflect.ParameterizedType pt && pt.getRawType() == List.class
                && pt.getActualTypeArguments()[0] == NewCustomer.class;
    }

    static boolean hasSecondaryReference(Method m) {
        long customers = java.util.Arrays.stream(m.getParameterTypes()).filter(t -> t == CustomerId.class).count();
        return customers > 1 || java.util.Arrays.stream(m.getParameterTypes()).anyMatch(t -> t == NewContact.class
                || t == NewTask.class || t == NewInteraction.class || t == Contact.class || t == RelationshipId.class
                || t == NewCase.class || t == CaseLinks.class);
    }

    /**
     * The arguments; {@code home} null means every reference is to {@code target}. Returns the
     * ids it put into the arguments (the caller may see those echoed).
     */
    Object[] build(Method m, GeneratedOrganisation.Book target, GeneratedOrganisation.@Nullable Book home, List<String> given) {
        Parameter[] params = m.getParameters();
        Object[] out = new Object[params.length];
        if (m.getName().equals("unsubscribe")) {
            // something to end: the main customer's subscription, made as the administrator
            GeneratedOrganisation.Book main = home != null ? home : target;
            org.crm.as(org.principals.get("admin").actor()).information().subscribe(
                    io.crmkit.core.info.NewSubscription.of(main.customer().id(), Outreach.TOPIC, io.crmkit.core.info.PushChannel.EMAIL));
        }
        boolean firstCustomer = true;
        for (int i = 0; i < params.length; i++) {
            Class<?> t = params[i].getType();
            GeneratedOrganisation.Book main = home != null && firstCustomer ? home : target;
            if (t == CustomerId.class && !firstCustomer && m.getDeclaringClass() == MergeService.class) {
                // The duplicate of a merge is a fresh customer of the target's owner and branch: merging
                // a generated book's customer away would move records the oracle counts as that book's.
                out[i] = spare(target);
            } else if (t == CustomerId.class) {
                // A second customer is the target's relation (a customer cannot be related to itself).
                out[i] = firstCustomer ? main.customer().id() : home != null ? target.customer().id() : partner(target);
                firstCustomer = false;
            } else {
                out[i] = value(m.getName(), params[i], t, target, home);
            }
            collect(out[i], given);
        }
        return out;
    }

    /** A new customer, stored directly, with the target's owner and branch (so the same scope). */
    private CustomerId spare(GeneratedOrganisation.Book target) {
        return store.customers().save(io.crmkit.tck.fixtures.Fixtures.customer().owner(target.customer().owner())
                .branch(target.customer().branch()).build()).id();
    }

    /** A merge, by the administrator, of two spare customers in the target's scope: what an unmerge undoes. */
    private MergeId merged(GeneratedOrganisation.Book target) {
        CrmSession admin = org.crm.as(org.principals.get("admin").actor());
        return admin.merges().merge(spare(target), spare(target), Survivorship.defaults()).id();
    }

    /** A customer the target is not yet related to. */
    private CustomerId partner(GeneratedOrganisation.Book target) {
        for (GeneratedOrganisation.Book b : org.books) {
            CustomerId c = b.customer().id();
            if (!c.equals(target.customer().id()) && !c.equals(target.relationship().to())
                    && !target.customer().id().equals(b.relationship().to())) {
                return c;
            }
        }
        throw new AssertionError("no partner");
    }

    private static void collect(@Nullable Object arg, List<String> given) {
        if (arg == null) {
            return;
        }
        String s = String.valueOf(arg);
        given.add(s);
        if (arg instanceof Customer c) {
            given.add(c.id().value());
        } else if (arg instanceof Contact c) {
            given.add(c.id().value());
            given.add(c.customerId().value());
            if (c.personCustomerId() != null) {
                given.add(c.personCustomerId().value());
            }
        } else if (arg instanceof NewContact c) {
            given.add(c.customerId().value());
            if (c.personCustomerId() != null) {
                given.add(c.personCustomerId().value());
            }
        } else if (arg instanceof NewTask t) {
            if (t.customerId() != null) {
                given.add(t.customerId().value());
            }
            if (t.opportunityId() != null) {
                given.add(t.opportunityId().value());
            }
        } else if (arg instanceof NewInteraction n) {
            given.add(n.customerId().value());
            if (n.opportunityId() != null) {
                given.add(n.opportunityId().value());
            }
        } else if (arg instanceof NewOpportunity o) {
            given.add(o.customerId().value());
        } else if (arg instanceof NewAccount a) {
            given.add(a.customerId().value());
        } else if (arg instanceof AccountSnapshot snap) {
            given.add(snap.accountId().value());
        } else if (arg instanceof NewCase n) {
            given.add(n.customerId().value());
            collect(n.links(), given);
        } else if (arg instanceof CaseLinks l) {
            for (Object id : new Object[] {l.contactId(), l.accountId(), l.interactionId(), l.opportunityId()}) {
                if (id != null) {
                    given.add(id.toString());
                }
            }
        } else if (arg instanceof io.crmkit.core.info.NewSubscription n) {
            given.add(n.customerId().value());
        } else if (arg instanceof io.crmkit.core.campaign.Audience a) {
            a.customers().forEach(c -> given.add(c.value()));
        } else if (arg instanceof NewConsent c) {
            given.add(c.customerId().value());
        } else if (arg instanceof ContactRequest r) {
            given.add(r.customerId().value());
        } else if (arg instanceof java.util.Collection<?> many) {
            for (Object one : many) {
                if (one instanceof ContactRequest r) {
                    given.add(r.customerId().value());
                } else if (one instanceof io.crmkit.core.tier.RuleAssignment a) {
                    given.add(a.customerId().value());
                } else if (one instanceof CustomerId id) {
                    given.add(id.value());
                }
            }
        }
    }

    private @Nullable Object value(String method, Parameter p, Class<?> t, GeneratedOrganisation.Book target,
            GeneratedOrganisation.@Nullable Book home) {
        GeneratedOrganisation.Book main = home != null ? home : target;
        String name = p.getName();
        Instant now = GeneratedOrganisation.NOW;
        if (t == ContactId.class) return target.contact().id();
        if (t == AccountId.class) return target.account().id();
        if (t == InteractionId.class) return target.interaction().id();
        if (t == OpportunityId.class) return target.opportunity().id();
        if (t == TaskId.class) return target.task().id();
        if (t == RelationshipId.class) return main.relationship().id();
        if (t == PendingRequestId.class) return pending.get(target.customer().id());
        if (t == CaseId.class) {
            // Surveys need a resolved case; the reference variant of link() names the principal's own case.
            GeneratedOrganisation.Book of = method.equals("link") && home != null ? home : target;
            return method.equals("sendSurvey") || method.equals("recordSurveyResponse") ? of.resolvedCase().id()
                    : of.openCase().id();
        }
        if (t == NewCase.class) {
            return NewCase.of(main.customer().id(), CaseKind.COMPLAINT, Channel.PHONE, "fees")
                    .links(CaseLinks.none().contact(target.contact().id()).interaction(target.interaction().id()));
        }
        if (t == CaseLinks.class) {
            return CaseLinks.none().account(target.account().id()).opportunity(target.opportunity().id());
        }
        if (t == CaseStatus.class) return CaseStatus.IN_PROGRESS;
        if (t == Resolution.class) return Resolution.of("fixed", "Governance note");
        if (t == SlaPolicyId.class) return org.alternativePolicy();
        if (t == SlaPolicyDefinition.class) {
            return SlaPolicyDefinition.builder(org.run + "-" + UniqueIds.next("pol"), "Governance policy").categories("never-chosen")
                    .target(new SlaTarget("resolution", SlaMetric.RESOLUTION, Duration.ofHours(8),
                            BusinessCalendar.always("always", java.time.ZoneOffset.UTC), List.of()))
                    .build();
        }
        if (t == SurveyResponse.class) return SurveyResponse.of(3, 2, "Canary comment");
        if (t == Channel.class) return Channel.EMAIL;
        if (t == SatisfactionDimension.class) return SatisfactionDimension.TEAM;
        if (t == NewCustomer.class) {
            return NewCustomer.individual("New Person").owner(target.customer().owner()).branch(target.customer().branch())
                    .active().build();
        }
        if (t == Customer.class) {
            Customer current = store.customers().findById(target.customer().id()).orElse(target.customer());
            return current.withTag("touched");
        }
        if (t == Contact.class) {
            Contact current = store.contacts().findById(main.contact().id()).orElse(main.contact());
            return new Contact(current.id(), current.customerId(), current.name(), "Title " + UniqueIds.next("t"),
                    current.department(), current.salutation(), current.primary(), current.contactPoints(),
                    home == null ? current.personCustomerId() : target.customer().id(), current.meta());
        }
        if (t == NewContact.class) {
            NewContact c = NewContact.of(main.customer().id(), "New Contact", null);
            return home == null ? c : new NewContact(c.customerId(), c.name(), c.title(), c.department(), c.salutation(),
                    c.primary(), c.contactPoints(), target.customer().id());
        }
        if (t == NewAccount.class) {
            return NewAccount.of(main.customer().id(), "core", UniqueIds.next("acc"), ProductLine.FUND, Currency.getInstance("CNY"));
        }
        if (t == NewInteraction.class) {
            // The reference variant replays the target's own external ref for the principal's customer.
            return NewInteraction.of(main.customer().id(), Channel.EMAIL, Direction.OUTBOUND).subject("Note")
                    .externalRef(home == null ? ExternalRef.of("feed", UniqueIds.next("ix")) : target.interaction().externalRef())
                    .build();
        }
        if (t == NewOpportunity.class) {
            return NewOpportunity.of(main.customer().id(), GeneratedOrganisation.PIPELINE, "New deal", Money.of("100", "CNY"),
                    OpportunitySource.CAMPAIGN);
        }
        if (t == NewTask.class) {
            return NewTask.of("Follow up", main.customer().owner(), now.plus(Duration.ofDays(2))).about(main.customer().id())
                    .aboutOpportunity(target.opportunity().id());
        }
        if (t == AccountSnapshot.class) {
            return new AccountSnapshot(target.account().id(), LocalDate.of(2025, 6, 2), Money.of("2000", "CNY"), List.of());
        }
        if (t == Identifier.class) {
            return target.customer().identifiers().get(0);
        }
        Object outreach = Outreach.value(store, method, name, t, target.customer(), main.customer());
        if (outreach != Outreach.NONE) {
            return outreach;
        }
        if (t == NewConsent.class) {
            return NewConsent.grant(main.customer().id(), ContactPointKind.PHONE, ConsentPurpose.MARKETING, "kit:form").build();
        }
        if (t == ConsentId.class) {
            return store.consents().find(target.customer().id(), ContactPointKind.EMAIL, ConsentPurpose.MARKETING)
                    .map(io.crmkit.core.consent.ConsentRecord::id).orElse(ConsentId.of("no-consent"));
        }
        if (t == ContactRequest.class) {
            return ContactRequest.of(main.customer().id(), Channel.EMAIL, ConsentPurpose.SERVICE);
        }
        if (t == ContactPointKind.class) return ContactPointKind.EMAIL;
        if (t == ConsentPurpose.class) return ConsentPurpose.MARKETING;
        if (t == java.util.Collection.class && p.getParameterizedType().getTypeName().contains("RuleAssignment")) {
            return List.of(new io.crmkit.core.tier.RuleAssignment(main.customer().id(), TierCode.of("SILVER"), "kit rule"));
        }
        if (t == java.util.Collection.class && p.getParameterizedType().getTypeName().contains("CustomerId")) {
            return List.of(target.customer().id());
        }
        if (t == Survivorship.class) {
            return Survivorship.defaults();
        }
        if (t == MergeId.class) {
            return merged(target);
        }
        if (t == java.util.Collection.class) {
            // a batch of natural keys (findByIdentifiers): the target's, once, and a second time
            return List.of(target.customer().identifiers().get(0), target.customer().identifiers().get(0));
        }
        if (t == StaffId.class) {
            if (method.equals("assign") && name.equals("owner")) {
                // Another member of the case's team, so the assignment changes something.
                OrgUnitId team = target.customer().branch();
                return org.staff("tl-" + team.value().substring(org.run.length() + 1));
            }
            if (name.equals("assignee")) {
                return org.staff("admin");
            }
            return name.equals("id") && !method.equals("deactivate") ? org.staff("new-" + UniqueIds.next("s"))
                    : target.customer().owner();
        }
        if (t == OrgUnitId.class) {
            return name.equals("id") ? org.unit("new-" + UniqueIds.next("u")) : target.customer().branch();
        }
        if (t == PipelineId.class) return GeneratedOrganisation.PIPELINE;
        if (t == io.crmkit.core.erasure.ErasureId.class) {
            // the generated firm has no erasure records: every principal gets the same "absent"
            return io.crmkit.core.erasure.ErasureId.of("erasure-none");
        }
        if (t == String.class) {
            return switch (name) {
                case "stage" -> "PROPOSAL";
                case "actorId" -> target.customer().owner().value();
                case "name", "displayName" -> "Name";
                case "via", "source" -> "kit:request";
                case "topic" -> Outreach.TOPIC;
                default -> "governance check";
            };
        }
        if (t == LocalDate.class) return LocalDate.of(2025, 6, 2);
        if (t == Instant.class) {
            return name.equals("cutoff") ? now.minus(Duration.ofDays(36_500)) : name.equals("from") ? now.minus(Duration.ofDays(30))
                    : now.plus(Duration.ofDays(3));
        }
        if (t == boolean.class) return true;
        if (t == int.class) return 60;
        if (t == Money.class) return Money.of("300", "CNY");
        if (t == LifecycleStage.class) return LifecycleStage.DORMANT;
        if (t == RelationshipType.class) return RelationshipType.REFERRED_BY;
        if (t == AccountStatus.class) return AccountStatus.DORMANT;
        if (t == TierCode.class) return TierCode.of("GOLD");
        if (t == TierDefinition[].class) {
            String n = UniqueIds.next("n");
            return new TierDefinition[] {TierDefinition.of("GOLD", "Gold " + n, 1), TierDefinition.of("SILVER", "Silver " + n, 2)};
        }
        if (t == CustomerQuery.class) return CustomerQuery.all();
        if (t == PageRequest.class) return PageRequest.first(5);
        if (t == OpportunityStatus.class) return null;
        if (t == OrgUnitType.class) return OrgUnitType.TEAM;
        if (t == Set.class) return name.equals("channels") ? Set.of(Channel.SMS) : Set.of("RM");
        if (t == List.class && newCustomers(p.getParameterizedType())) {
            // a batch of one: the new customer register would get, in the target's book
            return List.of(NewCustomer.individual("New Person").owner(target.customer().owner())
                    .branch(target.customer().branch()).active().build());
        }
        if (t == List.class && name.equals("channels")) {
            return Outreach.channels();
        }
        if (t == List.class && name.equals("requests")) {
            return List.of(ContactRequest.of(target.customer().id(), Channel.EMAIL, ConsentPurpose.SERVICE));
        }
        if (t == List.class) {
            return new ArrayList<>(List.of(Stage.open("LEAD", "Lead", 10), Stage.open("PROPOSAL", "Proposal", 50),
                    Stage.won("WON", "Won"), Stage.lost("LOST", "Lost")));
        }
        throw new AssertionError("no test argument for " + t.getName() + " " + name + ": teach Arguments this type");
    }
}
