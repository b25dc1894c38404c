package io.crmkit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.crmkit.core.CrmSession;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.approval.RequestStatus;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Parking a change as a pending request, and replaying it once approved: the call is stored as
 * data (service, method, arguments as JSON) and replayed through the same session API as the
 * maker, so approval re-runs every validation and scope check and applies the change against
 * the version the maker saw. Stateless.
 */
final class Approvals {
    private Approvals() {}

    static PendingRequest submit(Engine engine, Access access, Engine.Park park) {
        Call call = park.ctx.call();
        if (call == null) {
            throw new StoreException("a change without a call cannot wait for approval", false);
        }
        Actor maker = access.actor();
        Instant now = engine.now();
        PendingRequest request = new PendingRequest(PendingRequestId.of(engine.newId("PendingRequest")), park.ctx.operation(),
                park.rule.name(), park.aggregateType, park.aggregateId, park.customer, maker.id(),
                maker.orgUnit() == null ? null : maker.orgUnit().value(), maker.roles(), maker.kind().name(), call.service(),
                call.method(), arguments(call), park.baseVersion, RequestStatus.PENDING, park.rule.approvers(),
                java.util.List.of(), now, now.plus(engine.fourEyes.expiry()), null, null, Meta.created(now, maker.id()));
        return engine.internalWrite(maker, "approval.submit", park.ctx.reason(), () -> {
            Optional<PendingRequest> open = engine.store.approvals().findPending(request.pendingKey());
            if (open.isPresent()) {
                PendingRequest other = open.get();
                if (other.isOpenAt(now)) {
                    throw ValidationException.of("request", "OnePending",
                            "a change of this record by this operation already waits for approval");
                }
                engine.store.approvals().save(other.decided(RequestStatus.EXPIRED, null, null)
                        .withMeta(other.meta().touched(now, maker.id())));
            }
            PendingRequest saved = engine.store.approvals().save(request);
            engine.emit(new CrmEvent.ApprovalSubmitted(now, maker.id(), saved.customerId(), saved.id(), saved.operation()));
            return saved;
        });
    }

    private static String arguments(Call call) {
        ObjectMapper mapper = CrmJson.mapper();
        ArrayNode array = mapper.createArrayNode();
        for (Object arg : call.args()) {
            array.add(arg == null ? mapper.nullNode() : mapper.valueToTree(arg));
        }
        return array.toString();
    }

    /**
     * The customer a parked registration would create, under the id it was parked with; empty when
     * the request is not a registration or its arguments cannot be read by this version.
     */
    static Optional<Customer> proposedCustomer(Engine engine, PendingRequest r) {
        if (r.customerId() == null || !r.method().equals("register")) {
            return Optional.empty();
        }
        try {
            JsonNode args = CrmJson.mapper().readTree(r.arguments());
            NewCustomer c = CrmJson.mapper().readerFor(NewCustomer.class).readValue(args.get(0));
            return Optional.of(CustomerRegistrations.proposed(engine, c, r.customerId(), r.makerId()));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The actor the request was made by, with the roles and unit it had then. */
    static Actor maker(PendingRequest r) {
        return new Actor(r.makerId(), Actor.Kind.valueOf(r.makerKind()), r.makerUnit() == null ? null : OrgUnitId.of(r.makerUnit()),
                r.makerRoles());
    }

    /** Replays the stored call through {@code session} (the maker's). */
    static @Nullable Object replay(CrmSession session, PendingRequest r) {
        try {
            Method accessor = CrmSession.class.getMethod(r.service());
            Object service = accessor.invoke(session);
            Method method = find(accessor.getReturnType(), r.method(), r);
            ObjectMapper mapper = CrmJson.mapper();
            JsonNode args = mapper.readTree(r.arguments());
            Type[] types = method.getGenericParameterTypes();
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                JsonNode node = args.get(i);
                values[i] = node == null || node.isNull() ? null : mapper.readerFor(mapper.constructType(types[i])).readValue(node);
            }
            return method.invoke(service, values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new StoreException("the approved change could not be applied", false);
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new StoreException("the stored request cannot be replayed by this version of the library", false);
        }
    }

    private static Method find(Class<?> service, String name, PendingRequest r) throws NoSuchMethodException {
        JsonNode args;
        try {
            args = CrmJson.mapper().readTree(r.arguments());
        } catch (java.io.IOException e) {
            throw new NoSuchMethodException(name);
        }
        for (Method m : service.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.size()) {
                return m;
            }
        }
        throw new NoSuchMethodException(name);
    }
}
