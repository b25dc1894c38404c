package io.crmkit.analytics.performance;

import io.crmkit.core.org.OrgUnitType;
import java.util.Set;

/**
 * The figures of one staff member, one unit (with its sub-units) or the whole firm over a period.
 * Ratios are 0 when their denominator is 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id                   staff id, unit id, or {@code TOTAL}
 * @param kind                 staff member, unit or total
 * @param unitType             the unit's type (team, branch, ...), null otherwise
 * @param roles                the staff member's roles (e.g. RM, BROKER), empty otherwise
 * @param customers            customers on the book (ACTIVE or DORMANT) at the end
 * @param customersAtStart     customers on the book at the start
 * @param retained             customers on the book at both ends
 * @param retentionByHead      retained / customersAtStart
 * @param assetsAtStart        assets of the attributed customers at the start
 * @param assetsAtEnd          assets at the end
 * @param netNewAssets         net flows (money and securities brought in minus taken out)
 * @param marketMovement       assetsAtEnd - assetsAtStart - netNewAssets
 * @param assetRetention       start assets of retained customers / start assets of customers on the book at the start
 * @param interactions         interactions in the period
 * @param opportunitiesOpened  opportunities opened in the period
 * @param opportunitiesWon     won in the period
 * @param opportunitiesLost    lost in the period
 * @param conversion           won / (won + lost)
 * @param contribution         revenue or commission the customers brought
 * @param productsPerCustomer  product lines held per customer on the book at the end
 * @param weightedPipeline     open opportunities' amounts × stage probability
 * @param referrals            customers the attributed customers referred
 * @param referralsConverted   of those, how many became ACTIVE customers
 * @param referralConversion   referralsConverted / referrals
 */
public record PerformerStats(String id, Kind kind, OrgUnitType unitType, Set<String> roles, long customers,
                             long customersAtStart, long retained, double retentionByHead, double assetsAtStart,
                             double assetsAtEnd, double netNewAssets, double marketMovement, double assetRetention,
                             long interactions, long opportunitiesOpened, long opportunitiesWon, long opportunitiesLost,
                             double conversion, double contribution, double productsPerCustomer, double weightedPipeline,
                             long referrals, long referralsConverted, double referralConversion) {

    /** What a line of the report is about. */
    public enum Kind { STAFF, UNIT, TOTAL }

    public PerformerStats {
        roles = Set.copyOf(roles);
    }

    /** The change of assets over the period: net new assets plus market movement. */
    public double assetChange() {
        return assetsAtEnd - assetsAtStart;
    }
}
