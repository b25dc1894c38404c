package io.crmkit.analytics.performance;

import io.crmkit.analytics.internal.Checks;
import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.Staff;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The organisation a performance report rolls up over: units (head office, region, branch, team)
 * with their parents, and staff members with their unit and roles (e.g. {@code RM}, {@code BROKER}).
 * Units and staff are indexed in the order added; a unit's figures include its sub-units'.
 *
 * <p>Immutable and thread-safe.
 */
public final class OrgChart {

    /** Deepest unit nesting accepted (head office → region → branch → team needs 4). */
    public static final int MAX_DEPTH = 32;

    private final List<String> unitIds;
    private final List<OrgUnitType> unitTypes;
    private final int[] unitParent;
    private final List<String> staffIds;
    private final int[] staffUnit;
    private final List<Set<String>> staffRoles;
    private final Map<String, Integer> unitIndex;
    private final Map<String, Integer> staffIndex;

    private OrgChart(Builder b) {
        this.unitIds = List.copyOf(b.unitIds);
        this.unitTypes = List.copyOf(b.unitTypes);
        this.staffIds = List.copyOf(b.staffIds);
        this.staffRoles = List.copyOf(b.staffRoles);
        this.unitIndex = Map.copyOf(b.unitIndex);
        this.staffIndex = Map.copyOf(b.staffIndex);
        this.unitParent = new int[unitIds.size()];
        for (int u = 0; u < unitParent.length; u++) {
            String parent = b.unitParents.get(u);
            Integer p = parent == null ? null : unitIndex.get(parent);
            if (parent != null && p == null) {
                throw Checks.invalid("orgChart.unit " + unitIds.get(u) + ".parent", "Unknown", "is not a unit of the chart");
            }
            unitParent[u] = p == null ? -1 : p;
        }
        for (int u = 0; u < unitParent.length; u++) {
            int depth = 0;
            for (int a = u; a >= 0; a = unitParent[a]) {
                if (++depth > MAX_DEPTH) {
                    throw Checks.invalid("orgChart.unit " + unitIds.get(u), "Depth",
                            "nesting must be at most " + MAX_DEPTH + " deep and without cycles");
                }
            }
        }
        this.staffUnit = new int[staffIds.size()];
        for (int s = 0; s < staffUnit.length; s++) {
            String unit = b.staffUnits.get(s);
            Integer u = unitIndex.get(unit);
            staffUnit[s] = u == null ? -1 : u; // staff of a unit outside the chart roll up to no unit
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The chart of the core's organisation records. */
    public static OrgChart of(List<OrgUnit> units, List<Staff> staff) {
        Checks.notNull(units, "units");
        Checks.notNull(staff, "staff");
        Builder b = builder();
        for (OrgUnit u : units) {
            b.unit(u.id().value(), u.type(), u.parent() == null ? null : u.parent().value());
        }
        for (Staff s : staff) {
            b.staff(s.id().value(), s.unit().value(), s.roles());
        }
        return b.build();
    }

    public List<String> unitIds() {
        return unitIds;
    }

    public OrgUnitType unitType(int unit) {
        return unitTypes.get(unit);
    }

    /** The parent unit's index, -1 for a root. */
    public int unitParent(int unit) {
        return unitParent[unit];
    }

    public List<String> staffIds() {
        return staffIds;
    }

    /** The staff member's unit index, -1 when the unit is not in the chart. */
    public int staffUnit(int staff) {
        return staffUnit[staff];
    }

    public Set<String> staffRoles(int staff) {
        return staffRoles.get(staff);
    }

    /** The index of a unit id, or -1. */
    public int unitOf(String unitId) {
        return unitId == null ? -1 : unitIndex.getOrDefault(unitId, -1);
    }

    /** The index of a staff id, or -1. */
    public int staffOf(String staffId) {
        return staffId == null ? -1 : staffIndex.getOrDefault(staffId, -1);
    }

    @Override
    public String toString() {
        return "OrgChart[units=" + unitIds.size() + ", staff=" + staffIds.size() + "]";
    }

    /** Builder of {@link OrgChart}. Not thread-safe. */
    public static final class Builder {
        private final List<String> unitIds = new ArrayList<>();
        private final List<OrgUnitType> unitTypes = new ArrayList<>();
        private final List<String> unitParents = new ArrayList<>();
        private final List<String> staffIds = new ArrayList<>();
        private final List<String> staffUnits = new ArrayList<>();
        private final List<Set<String>> staffRoles = new ArrayList<>();
        private final Map<String, Integer> unitIndex = new HashMap<>();
        private final Map<String, Integer> staffIndex = new HashMap<>();

        private Builder() {
        }

        /** A unit; {@code parentId} may name a unit added later, or be null for a root. */
        public Builder unit(String id, OrgUnitType type, String parentId) {
            Checks.text(id, 64, "orgChart.unit");
            Checks.notNull(type, "orgChart.unit " + id + ".type");
            if (unitIndex.putIfAbsent(id, unitIds.size()) != null) {
                throw Checks.invalid("orgChart.unit " + id, "Distinct", "is added twice");
            }
            unitIds.add(id);
            unitTypes.add(type);
            unitParents.add(parentId);
            return this;
        }

        public Builder staff(String id, String unitId, Set<String> roles) {
            Checks.text(id, 64, "orgChart.staff");
            Checks.text(unitId, 64, "orgChart.staff " + id + ".unit");
            Checks.notNull(roles, "orgChart.staff " + id + ".roles");
            if (staffIndex.putIfAbsent(id, staffIds.size()) != null) {
                throw Checks.invalid("orgChart.staff " + id, "Distinct", "is added twice");
            }
            staffIds.add(id);
            staffUnits.add(unitId);
            staffRoles.add(Collections.unmodifiableSet(new TreeSet<>(roles)));
            return this;
        }

        public OrgChart build() {
            return new OrgChart(this);
        }
    }
}
