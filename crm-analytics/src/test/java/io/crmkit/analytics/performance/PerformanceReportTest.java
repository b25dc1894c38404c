package io.crmkit.analytics.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.org.OrgUnitType;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Staff, team and branch figures from arrays; every expected value worked out by hand in the comments. */
class PerformanceReportTest {

    static final byte O = PerformanceData.OPEN;
    static final byte W = PerformanceData.WON;
    static final byte L = PerformanceData.LOST;

    static OrgChart org() {
        return OrgChart.builder().unit("HO", OrgUnitType.HEAD_OFFICE, null).unit("BR1", OrgUnitType.BRANCH, "HO")
                .unit("TEAM1", OrgUnitType.TEAM, "BR1").unit("BR2", OrgUnitType.BRANCH, "HO")
                .staff("rm1", "TEAM1", Set.of("RM")).staff("rm2", "TEAM1", Set.of("RM"))
                .staff("bk1", "BR2", Set.of("BROKER")).build();
    }

    static PerformanceReport report() {
        OrgChart org = org();
        // c0 rm1 kept; c1 rm1 churned; c2 rm2 new (referred by c0, now ACTIVE); c3 bk1 kept;
        // c4 no owner, branch BR2; c5 bk1 prospect referred by c3, not active.
        return PerformanceReport.of(PerformanceData.builder(org, 6)
                .customerKeys(new String[] {"C0", "C1", "C2", "C3", "C4", "C5"})
                .owners(new int[] {0, 0, 1, 2, -1, 2})
                .units(new int[] {-1, -1, -1, -1, 3, -1})
                .bookAtStart(new boolean[] {true, true, false, true, true, false})
                .bookAtEnd(new boolean[] {true, false, true, true, true, false})
                .becameActive(new boolean[] {true, true, true, true, true, false})
                .assets(new double[] {100, 50, 0, 200, 10, 0}, new double[] {130, 0, 40, 180, 10, 0},
                        new double[] {10, -50, 40, 0, 0, 0})
                .interactions(new int[] {3, 1, 2, 0, 1, 0})
                .contribution(new double[] {5, 1, 2, 10, 0, 0})
                .products(new int[] {2, 0, 1, 3, 1, 0})
                .opportunities(new int[] {0, 0, 1, 2, 2}, new boolean[] {true, true, false, true, false},
                        new byte[] {W, L, O, O, O}, new double[] {0, 0, 1000, 400, 100}, new int[] {100, 0, 50, 25, 10},
                        new int[] {-1, -1, PerformanceData.month(YearMonth.of(2026, 5)),
                            PerformanceData.month(YearMonth.of(2026, 4)), -1})
                .referrals(new int[] {0, 3}, new int[] {2, 5})
                .build());
    }

    @Test
    @DisplayName("a relationship manager's book: retention, assets split into flows and market, conversion")
    void relationshipManager() {
        PerformerStats rm1 = report().staff("rm1");
        assertThat(rm1.roles()).containsExactly("RM");
        assertThat(rm1.customers()).isEqualTo(1);                  // c0 (c1 churned)
        assertThat(rm1.customersAtStart()).isEqualTo(2);
        assertThat(rm1.retained()).isEqualTo(1);
        assertThat(rm1.retentionByHead()).isEqualTo(0.5);
        assertThat(rm1.assetsAtStart()).isEqualTo(150);            // 100 + 50
        assertThat(rm1.assetsAtEnd()).isEqualTo(130);
        assertThat(rm1.netNewAssets()).isEqualTo(-40);             // 10 - 50
        assertThat(rm1.marketMovement()).isEqualTo(20);            // 130 - 150 + 40
        assertThat(rm1.assetRetention()).isCloseTo(100 / 150.0, within(1e-12));
        assertThat(rm1.interactions()).isEqualTo(4);
        assertThat(rm1.opportunitiesOpened()).isEqualTo(2);
        assertThat(rm1.opportunitiesWon()).isEqualTo(1);
        assertThat(rm1.conversion()).isEqualTo(0.5);
        assertThat(rm1.contribution()).isEqualTo(6);
        assertThat(rm1.productsPerCustomer()).isEqualTo(2);        // c0's 2 lines over 1 customer on the book
        assertThat(rm1.referrals()).isEqualTo(1);
        assertThat(rm1.referralConversion()).isEqualTo(1);
    }

    @Test
    @DisplayName("teams and branches include their staff, sub-units and unowned customers of the branch")
    void unitsRollUp() {
        PerformanceReport r = report();
        PerformerStats team = r.unit("TEAM1");
        assertThat(team.customers()).isEqualTo(2);                 // c0, c2
        assertThat(team.assetsAtEnd()).isEqualTo(170);
        assertThat(team.netNewAssets()).isEqualTo(0);              // 10 - 50 + 40
        assertThat(team.weightedPipeline()).isEqualTo(500);        // 1000 x 50%
        assertThat(team.productsPerCustomer()).isEqualTo(1.5);
        assertThat(r.unit("BR1")).usingRecursiveComparison().ignoringFields("id", "unitType").isEqualTo(team);
        PerformerStats br2 = r.unit("BR2");
        assertThat(br2.customers()).isEqualTo(2);                  // c3 (bk1) and c4 (no owner, branch BR2)
        assertThat(br2.marketMovement()).isEqualTo(-20);
        assertThat(br2.weightedPipeline()).isEqualTo(110);         // 400 x 25% + 100 x 10%
        assertThat(br2.referrals()).isEqualTo(1);
        assertThat(br2.referralsConverted()).isZero();
        assertThat(r.units(OrgUnitType.BRANCH)).extracting(PerformerStats::id).containsExactly("BR1", "BR2");
        PerformerStats ho = r.unit("HO");
        assertThat(ho.customers()).isEqualTo(4);
        assertThat(ho.retentionByHead()).isEqualTo(0.75);          // 3 of 4
        assertThat(ho.assetsAtStart()).isEqualTo(360);
        assertThat(ho.assetsAtEnd()).isEqualTo(360);
        assertThat(ho.referralConversion()).isEqualTo(0.5);
        assertThat(r.total()).usingRecursiveComparison().ignoringFields("id", "kind", "unitType").isEqualTo(ho);
        assertThat(r.staffWithRole("BROKER")).extracting(PerformerStats::id).containsExactly("bk1");
    }

    @Test
    @DisplayName("the forecast weights open opportunities by stage probability, by close month")
    void forecastByMonth() {
        assertThat(report().forecast()).containsExactly(
                new ForecastMonth(YearMonth.of(2026, 4), 1, 400, 100),
                new ForecastMonth(YearMonth.of(2026, 5), 1, 1000, 500),
                new ForecastMonth(null, 1, 100, 10));
    }

    @Test
    @DisplayName("referrers are listed with how many of their referrals became ACTIVE")
    void referrers() {
        assertThat(report().referrers()).containsExactly(new ReferrerStats("C0", 1, 1), new ReferrerStats("C3", 1, 0));
    }

    @Test
    @DisplayName("bad columns are refused, naming the column and the row")
    void badColumns() {
        OrgChart org = org();
        assertThatThrownBy(() -> PerformanceData.builder(org, 2).owners(new int[] {0, 7}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("performance.owners[1]");
        assertThatThrownBy(() -> PerformanceData.builder(org, 2).assets(new double[2], new double[] {0, Double.NaN},
                new double[2])).isInstanceOf(ValidationException.class).hasMessageContaining("performance.assetsAtEnd[1]");
        assertThatThrownBy(() -> PerformanceData.builder(org, 2).interactions(new int[3]))
                .isInstanceOf(ValidationException.class).hasMessageContaining("performance.interactions");
        assertThatThrownBy(() -> OrgChart.builder().unit("A", OrgUnitType.TEAM, "B").unit("B", OrgUnitType.TEAM, "A")
                .build()).isInstanceOf(ValidationException.class).hasMessageContaining("Depth");
        assertThatThrownBy(() -> report().staff("nobody")).isInstanceOf(ValidationException.class);
    }
}
