package io.crmkit.core.org;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.check.Check;
import org.jspecify.annotations.Nullable;

/**
 * A unit of the firm's organisation tree (head office → region → branch → team). Data scopes
 * ("a branch manager sees the branch") are resolved over this tree.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the unit's id
 * @param name its display name
 * @param type its level
 * @param parent the unit above, or {@code null} for the root (head office)
 * @param meta version and bookkeeping
 */
public record OrgUnit(OrgUnitId id, String name, OrgUnitType type, @Nullable OrgUnitId parent, Meta meta)
        implements Aggregate<OrgUnitId, OrgUnit> {
    public OrgUnit {
        Check.notNull(id, "id");
        Check.notBlank(name, "name", Check.MAX_SHORT);
        Check.notNull(type, "type");
        Check.that(parent == null || !parent.equals(id), "parent", "NotSelf", "a unit cannot be its own parent");
        Check.notNull(meta, "meta");
    }

    @Override
    public OrgUnit withMeta(Meta newMeta) {
        return new OrgUnit(id, name, type, parent, newMeta);
    }
}
