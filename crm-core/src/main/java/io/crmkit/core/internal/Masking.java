package io.crmkit.core.internal;

import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.ContactPointType;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.governance.FieldMask;
import io.crmkit.core.governance.Masks;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.json.CrmJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/** Masked copies of records for roles that may not see some personal fields. Stateless. */
final class Masking {
    private Masking() {}

    static Customer customer(Customer c, Set<FieldMask> masks) {
        Customer out = c;
        if (masks.contains(FieldMask.IDENTIFIER_VALUE)) {
            out = out.withIdentifiers(c.identifiers().stream().map(Masking::identifier).toList());
        }
        out = out.withContactPoints(points(c.contactPoints(), masks));
        if (masks.contains(FieldMask.BIRTH_DATE)) {
            out = out.withBirthDate(null);
        }
        return out;
    }

    static Contact contact(Contact c, Set<FieldMask> masks) {
        return c.withContactPoints(points(c.contactPoints(), masks));
    }

    static Identifier identifier(Identifier id) {
        return new Identifier(id.type(), Masks.nationalId(id.value()), id.issuer());
    }

    private static List<ContactPoint> points(List<ContactPoint> points, Set<FieldMask> masks) {
        return points.stream().map(p -> point(p, masks)).toList();
    }

    private static ContactPoint point(ContactPoint p, Set<FieldMask> masks) {
        if (p.type() == ContactPointType.PHONE && masks.contains(FieldMask.PHONE)) {
            return new ContactPoint(p.type(), Masks.phone(p.value()), null, p.label(), p.primary(), p.consents());
        }
        if (p.type() == ContactPointType.EMAIL && masks.contains(FieldMask.EMAIL)) {
            return new ContactPoint(p.type(), Masks.email(p.value()), null, p.label(), p.primary(), p.consents());
        }
        if (p.type() == ContactPointType.POSTAL && masks.contains(FieldMask.POSTAL_ADDRESS)) {
            return new ContactPoint(p.type(), null, Masks.address(p.address()), p.label(), p.primary(), p.consents());
        }
        return p;
    }

    /**
     * A pending request as a masking role sees it: in its argument document (the parked command,
     * for example a whole changed customer) identifier values, phones, emails, addresses and birth
     * dates are masked by the same rules. The stored request keeps the real values: approval
     * applies those, never this copy.
     */
    static PendingRequest request(PendingRequest r, Set<FieldMask> masks) {
        JsonNode tree;
        try {
            tree = CrmJson.mapper().readTree(r.arguments());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            // unreadable arguments are shown as nothing rather than as they are
            return withArguments(r, "[]");
        }
        maskTree(tree, masks, 0);
        return withArguments(r, tree.toString());
    }

    private static PendingRequest withArguments(PendingRequest r, String arguments) {
        return new PendingRequest(r.id(), r.operation(), r.rule(), r.aggregateType(), r.aggregateId(), r.customerId(),
                r.makerId(), r.makerUnit(), r.makerRoles(), r.makerKind(), r.service(), r.method(), arguments,
                r.baseVersion(), r.status(), r.requiredApprovals(), r.approvals(), r.submittedAt(), r.expiresAt(),
                r.decidedBy(), r.decisionReason(), r.meta());
    }

    private static void maskTree(JsonNode node, Set<FieldMask> masks, int depth) {
        if (depth > 32) {
            return;
        }
        if (node instanceof ObjectNode o) {
            String type = o.path("type").asText("");
            if (o.has("issuer") && o.path("value").isTextual() && masks.contains(FieldMask.IDENTIFIER_VALUE)) {
                o.put("value", Masks.nationalId(o.get("value").textValue()));
            } else if (type.equals("PHONE") && o.path("value").isTextual() && masks.contains(FieldMask.PHONE)) {
                o.put("value", Masks.phone(o.get("value").textValue()));
            } else if (type.equals("EMAIL") && o.path("value").isTextual() && masks.contains(FieldMask.EMAIL)) {
                o.put("value", Masks.email(o.get("value").textValue()));
            } else if (type.equals("POSTAL") && o.path("address").isObject() && masks.contains(FieldMask.POSTAL_ADDRESS)) {
                ObjectNode a = (ObjectNode) o.get("address");
                a.putArray("lines").add("***");
                a.putNull("postalCode");
            }
            if (o.has("birthDate") && masks.contains(FieldMask.BIRTH_DATE)) {
                o.putNull("birthDate");
            }
            o.elements().forEachRemaining(child -> maskTree(child, masks, depth + 1));
        } else if (node instanceof ArrayNode a) {
            a.elements().forEachRemaining(child -> maskTree(child, masks, depth + 1));
        }
    }
}
