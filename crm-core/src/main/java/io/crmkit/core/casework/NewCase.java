package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import org.jspecify.annotations.Nullable;

/**
 * A command to open a case. Without an owner the customer's relationship manager owns it; without
 * a team, the owner's unit is the team. The SLA policy is chosen by the service from the policies
 * that apply (see {@link SlaPolicyDefinition#appliesTo}).
 *
 * <p>Immutable and thread-safe. {@link #toString()} omits the subject.
 *
 * @param customerId the customer
 * @param kind request, complaint or enquiry
 * @param channel where it came in
 * @param category the firm's category code, such as {@code fees} or {@code app-login}
 * @param priority how urgent it is
 * @param subject a short description, up to 200 characters, or {@code null} (free text: personal data)
 * @param owner who works it, or {@code null}
 * @param team the team that works it, or {@code null}
 * @param links contact, account, interaction and opportunity it concerns
 */
public record NewCase(CustomerId customerId, CaseKind kind, Channel channel, String category, CasePriority priority,
        @Nullable String subject, @Nullable StaffId owner, @Nullable OrgUnitId team, CaseLinks links) {
    public NewCase {
        Check.notNull(customerId, "customerId");
        Check.notNull(kind, "kind");
        Check.notNull(channel, "channel");
        Ids.check(category, "category");
        Check.notNull(priority, "priority");
        subject = Check.optionalText(subject, "subject", Check.MAX_SHORT);
        Check.notNull(links, "links");
    }

    /** A case with normal priority, no subject, default owner and team, no links. */
    public static NewCase of(CustomerId customerId, CaseKind kind, Channel channel, String category) {
        return new NewCase(customerId, kind, channel, category, CasePriority.NORMAL, null, null, null, CaseLinks.none());
    }

    public NewCase priority(CasePriority value) {
        return new NewCase(customerId, kind, channel, category, value, subject, owner, team, links);
    }

    public NewCase subject(@Nullable String value) {
        return new NewCase(customerId, kind, channel, category, priority, value, owner, team, links);
    }

    public NewCase owner(@Nullable StaffId value) {
        return new NewCase(customerId, kind, channel, category, priority, subject, value, team, links);
    }

    public NewCase team(@Nullable OrgUnitId value) {
        return new NewCase(customerId, kind, channel, category, priority, subject, owner, value, links);
    }

    public NewCase links(CaseLinks value) {
        return new NewCase(customerId, kind, channel, category, priority, subject, owner, team, value);
    }

    @Override
    public String toString() {
        return "NewCase[customerId=" + customerId + ", kind=" + kind + ", channel=" + channel + ", category=" + category
                + ", priority=" + priority + "]";
    }
}
