package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every public record of {@code io.crmkit.core.*}, found by scanning the compiled classes (so a new
 * record is covered without touching this test), is built with a distinct canary in every text
 * component, nested records included; its {@code toString()} must show none of them except for
 * components that are ids or codes by design ({@link #PRINTABLE}).
 */
@DisplayName("toString() of every domain record prints ids and codes only")
class ToStringCanaryTest {
    /**
     * Text components that are ids, codes or reference-data labels by design, "Record.component".
     * Typed ids and codes ({@code *Id.value}, {@code *Code.value}) print too. Profile attributes
     * are reference-data codes (region CN-31, income band B3); pipeline, stage, tier and org-unit
     * names are the firm's reference data, not anybody's personal data.
     */
    private static final Set<String> PRINTABLE = Set.of("NewAccount.hostSystem", "Identifier.issuer",
            "PostalAddress.country", "Profile.region", "Profile.city", "Profile.occupation", "Profile.industry",
            "Profile.incomeBand", "Profile.kycLevel", "CustomerChanged.actorId", "CustomerRegistered.actorId",
            "InteractionRecorded.actorId", "LifecycleChanged.actorId", "OpportunityStageChanged.actorId",
            "OpportunityStageChanged.fromStage", "OpportunityStageChanged.toStage", "TaskAssigned.actorId",
            "TierChanged.actorId", "Pipeline.name", "Stage.name", "OrgUnit.name", "TierDefinition.name",
            "Actor.roles[]", "Staff.roles[]", "CustomerQuery.tag", "Page.nextCursor", "PageRequest.after",
            "Meta.createdBy", "Meta.updatedBy", "StageChange.to", "StageChange.from", "StageChange.by",
            "Opportunity.stage", "LinkedAccount.hostSystem", "Holding.instrument", "Stage.code",
            "LifecycleChange.recordedBy", "TierAssignment.assignedBy", "Command.operation", "Command.aggregateType",
            "Command.aggregateId", "Violation.field", "Violation.rule", "Violation.message", "Participant.role",
            "ExternalRef.system", "Actor.id", "Actor.roles",
            // governance: actor ids, operation and aggregate codes, chain positions and paths (never values)
            "Approval.checker", "ApprovalRule.name", "PendingRequest.operation", "PendingRequest.aggregateType",
            "PendingRequest.aggregateId", "PendingRequest.makerId", "AuditEntry.id", "AuditEntry.streamType",
            "AuditEntry.streamId", "AuditEntry.actorId", "AuditEntry.operation", "Verification.problems[]",
            "FieldChange.path", "ApprovalDecided.actorId", "ApprovalSubmitted.actorId", "ApprovalSubmitted.operation",
            "Role.grants{key}", "Role.code", "Actor.onBehalfOf", "AuditCursor.id",
            // real time: rule ids, event kinds and ids, and the firm's own rule text and task templates (configuration)
            "Alert.ruleId", "NewAlert.ruleId", "EventKind.name", "HostEvent.eventId", "Rule.id", "Rule.text",
            "Rule.customerNotice", "TaskAction.title",
            // erasure: retention rule names are the firm's configuration codes
            "RetentionRule.name", "RetentionHold.rule",
            // service cases: category, root-cause, timer, calendar and policy codes and the firm's policy names (reference data)
            "ServiceCase.category", "NewCase.category", "Resolution.rootCause", "SlaTimer.name", "SlaTarget.name",
            "BusinessCalendar.id", "SlaPolicyDefinition.name", "SlaPolicyDefinition.categories[]", "SurveyOutcome.reason",
            "SlaEscalation.timer", "SatisfactionGroup.key", "CaseOpened.actorId", "CaseStatusChanged.actorId",
            "SlaThresholdReached.actorId", "SlaThresholdReached.timer", "SurveyAnswered.actorId",
            // consent: sources and references are id-like codes, decision details fixed phrases (checked to be codes)
            "ConsentRecord.source", "ConsentRecord.withdrawalSource", "NewConsent.source", "DoNotContact.source",
            "ContactRequest.reference", "ContactAttempt.reference", "Deny.detail", "Defer.detail",
            // merge: a move log names child ids and field names; survivorship names fields and source systems
            "ChildMove.id", "ChildMove.field", "Survivorship.rules{key}", "Survivorship.sourcePriority[]",
            // campaigns and the information service: segment names, topic codes, source ids, model names,
            // currency codes and branch ids are codes (configuration)
            "Audience.segment", "CampaignReport.attributedRevenue{key}", "CampaignReport.model", "ContentItem.topics[]",
            "Delivery.topic", "NewContentItem.topics[]", "NewSubscription.topic", "PlannedPush.topic",
            "PushStatistics.byTopic{key}", "PushStatistics.byBranch{key}", "Subscription.topic", "Engagement.sourceId",
            // campaign contact tallies are keyed by refusal reason codes
            "ContactTally.refusals{key}");

    private int seq;
    private final Map<String, String> planted = new LinkedHashMap<>();

    @Test
    @DisplayName("no canary of a personal or free-text component appears in any record's toString")
    void noCanaryInToString() throws Exception {
        List<Class<?>> records = coreRecords();
        assertThat(records).hasSizeGreaterThan(40);
        List<String> leaks = new ArrayList<>();
        List<String> unbuilt = new ArrayList<>();
        for (Class<?> type : records) {
            planted.clear();
            Object value = build(type, 0);
            if (value == null) {
                unbuilt.add(type.getName() + ": " + lastFailure);
                continue;
            }
            String text = value.toString().toLowerCase(Locale.ROOT);
            planted.forEach((where, canary) -> {
                boolean idOrCode = where.matches("\\w+(Id|Code)\\.value");
                if (!PRINTABLE.contains(where) && !idOrCode && text.contains(canary.toLowerCase(Locale.ROOT))) {
                    leaks.add(type.getSimpleName() + " prints " + where);
                }
            });
        }
        assertThat(unbuilt).as("records the test could not fill").isEmpty();
        assertThat(leaks).isEmpty();
    }

    private static List<Class<?>> coreRecords() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(io.crmkit.core.Crm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("io/crmkit/core"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replace(".class", "");
                Class<?> c = Class.forName(name, false, ToStringCanaryTest.class.getClassLoader());
                if (c.isRecord() && Modifier.isPublic(c.getModifiers()) && !name.contains(".internal.")
                        && !name.contains(".memory.")) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** Text candidates tried in order until the component's own check accepts one. */
    private List<String> candidates() {
        int n = ++seq;
        String d = String.format("%02d", n % 100);
        return List.of("Canary Qz" + d, "canaryqz" + d, "canaryqz" + d + "@example.com", "+861395550" + d + "12",
                "11010519491231002X", "91350100M000100Y43", "CANARYQZ" + d, "CN", "+");
    }

    /**
     * Records whose rules a generic fill cannot meet (a time window's end after its start, a
     * policy's pause statuses), given whole; none of them holds free text.
     */
    private static final Map<Class<?>, Object> FIXED = Map.of(
            io.crmkit.core.casework.TimeWindow.class, io.crmkit.core.casework.TimeWindow.of("09:00", "17:00"),
            io.crmkit.core.casework.SurveyRule.class, io.crmkit.core.casework.SurveyRule.of(1, Duration.ofDays(30)),
            io.crmkit.core.casework.BusinessCalendar.class,
            io.crmkit.core.casework.BusinessCalendar.always("cal-1", ZoneId.of("UTC")),
            io.crmkit.core.casework.SlaPolicyDefinition.class,
            io.crmkit.core.casework.SlaPolicyDefinition.builder("pol-1", "Policy").target(new io.crmkit.core.casework.SlaTarget(
                    "timer", io.crmkit.core.casework.SlaMetric.RESOLUTION, Duration.ofHours(1),
                    io.crmkit.core.casework.BusinessCalendar.always("cal-1", ZoneId.of("UTC")), List.of())).build());

    private Object build(Class<?> type, int depth) throws Exception {
        if (depth > 6) {
            return null;
        }
        if (FIXED.containsKey(type)) {
            return FIXED.get(type);
        }
        RecordComponent[] comps = type.getRecordComponents();
        Class<?>[] types = new Class<?>[comps.length];
        Object[] args = new Object[comps.length];
        List<List<String>> texts = new ArrayList<>();
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            if (types[i] == String.class) {
                texts.add(candidates());
                args[i] = texts.get(i).get(0);
            } else {
                texts.add(null);
                args[i] = value(comps[i].getGenericType(), type.getSimpleName() + "." + comps[i].getName(), depth);
            }
        }
        Constructor<?> ctor = type.getDeclaredConstructor(types);
        // choose, component by component, the first candidate its own check accepts
        // repeated: a record that throws at its first broken rule shows the next one only once that is fixed
        for (int pass = 0; pass < comps.length * 2; pass++) for (int i = 0; i < comps.length; i++) {
            if (texts.get(i) == null || tryBuild(ctor, args) == null) {
                continue;
            }
            for (String candidate : texts.get(i)) {
                args[i] = candidate;
                List<Violation> v = tryBuild(ctor, args);
                if (v == null || !blames(v, comps, comps[i].getName())) {
                    break;
                }
            }
        }
        // a record may report one broken rule at a time: repeat until nothing more can be dropped
        for (int round = 0; round < 3; round++) {
            // cross-field rules (a phone has no postal address): drop a blamed component to null
            for (int i = 0; i < comps.length; i++) {
                List<Violation> v = tryBuild(ctor, args);
                if (v != null && !types[i].isPrimitive() && blames(v, comps, comps[i].getName())) {
                    args[i] = null;
                }
            }
            // a rule that pairs two components (set exactly when the other is): drop the other one too
            for (int i = 0; i < comps.length; i++) {
                List<Violation> v = tryBuild(ctor, args);
                String paired = capitalise(comps[i].getName());
                if (v != null && texts.get(i) != null && !types[i].isPrimitive()
                        && v.stream().anyMatch(x -> x.rule().contains(paired))) {
                    args[i] = null;
                }
            }
        }
        List<Violation> left = tryBuild(ctor, args);
        if (left != null) {
            lastFailure = type.getSimpleName() + " " + left;
            return null;
        }
        for (int i = 0; i < comps.length; i++) {
            if (args[i] instanceof String s) {
                planted.put(type.getSimpleName() + "." + comps[i].getName(), s.strip());
            }
        }
        return ctor.newInstance(args);
    }

    /** Whether the violations blame component {@code name}, or name no component at all (an id's own type name). */
    private static boolean blames(List<Violation> v, RecordComponent[] comps, String name) {
        boolean matchesAny = v.stream().anyMatch(x -> java.util.Arrays.stream(comps)
                .anyMatch(c -> x.field().equals(c.getName()) || x.field().endsWith("." + c.getName())
                        || x.field().startsWith(c.getName() + "[")));
        return !matchesAny || v.stream().anyMatch(x -> x.field().equals(name) || x.field().endsWith("." + name)
                || x.field().startsWith(name + "["));
    }

    private String lastFailure = "";

    private static String capitalise(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static List<Violation> tryBuild(Constructor<?> ctor, Object[] args) throws Exception {
        try {
            ctor.newInstance(args);
            return null;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ValidationException v) {
                return v.violations();
            }
            return List.of(Violation.of("?", "?", String.valueOf(e.getCause())));
        }
    }

    private Object value(Type generic, String where, int depth) throws Exception {
        Class<?> raw = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : generic instanceof Class<?> c ? c : Object.class; // a type variable: any object will do
        if (raw == String.class) {
            String s = candidates().get(1);
            planted.put(where + "[]", s);
            return s;
        }
        if (raw == boolean.class) {
            return false;
        }
        if (raw == Integer.class) {
            return 1;
        }
        if (raw == int.class || raw == long.class) {
            return raw == int.class ? (Object) 1 : (Object) 1L;
        }
        if (raw == double.class) {
            return 1.0;
        }
        if (raw == float.class) {
            return 1.0f;
        }
        if (raw == short.class || raw == byte.class || raw == char.class) {
            return raw == short.class ? (Object) (short) 1 : raw == byte.class ? (Object) (byte) 1 : (Object) '+'; // '+': an operator char is the one char component
        }
        if (raw == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (raw == Currency.class) {
            return Currency.getInstance("CNY");
        }
        if (raw == Instant.class) {
            return Instant.parse("2026-01-01T00:00:00Z");
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2000, 1, 1);
        }
        if (raw == java.time.Period.class) {
            return java.time.Period.ofYears(1);
        }
        if (raw == Duration.class) {
            return Duration.ofMinutes(5);
        }
        if (raw == java.time.LocalTime.class) {
            return java.time.LocalTime.of(9, (++seq) % 60); // distinct, so "start differs from end" holds
        }
        if (raw == ZoneId.class) {
            return ZoneId.of("UTC");
        }
        if (raw == Object.class) {
            return "input";
        }
        if (raw == java.util.function.BiPredicate.class) {
            return (java.util.function.BiPredicate<Object, Object>) (a, b) -> true;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == io.crmkit.core.money.Money.class) {
            return io.crmkit.core.money.Money.of("1", "CNY");
        }
        if (raw.isRecord() && raw.getRecordComponents().length == 1 && raw.getRecordComponents()[0].getType() == String.class
                && (raw.getSimpleName().endsWith("Id") || raw.getSimpleName().endsWith("Code"))) {
            // typed ids and codes print by design; distinct, so "not related to itself" rules hold
            return raw.getMethod("of", String.class).invoke(null, raw.getSimpleName().endsWith("Code") ? "CODE" + (++seq) : "id-" + (++seq));
        }
        if (where.equals("Pipeline.stages")) {
            return Fixtures.STAGES; // the one list with a rule over its elements (open, won and lost stages)
        }
        if (raw == List.class || raw == Set.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Object one = value(element, where, depth + 1);
            if (one == null) {
                return raw == List.class ? List.of() : Set.of();
            }
            return raw == List.class ? List.of(one) : Set.of(one);
        }
        if (raw == Map.class) {
            Type v = ((ParameterizedType) generic).getActualTypeArguments()[1];
            Object one = value(v, where, depth + 1);
            Type k = ((ParameterizedType) generic).getActualTypeArguments()[0];
            if (k instanceof Class<?> kc && kc.isEnum()) {
                // an enum-keyed map (contact rules' exemptions per purpose)
                return one == null ? Map.of() : Map.of(kc.getEnumConstants()[0], one);
            }
            String key = "canaryKey" + (++seq);
            planted.put(where + "{key}", key);
            return one == null ? Map.of() : Map.of(key, one);
        }
        if (raw.isRecord()) {
            return build(raw, depth + 1);
        }
        if (raw.isSealed()) {
            for (Class<?> sub : raw.getPermittedSubclasses()) {
                if (sub.isRecord() && sub.getRecordComponents().length > 0
                        && sub.getRecordComponents()[0].getType() == String.class) {
                    return build(sub, depth + 1);
                }
            }
            return build(raw.getPermittedSubclasses()[0], depth + 1);
        }
        return null;
    }
}
