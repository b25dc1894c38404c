package io.crmkit.core;

import static io.crmkit.core.Fixtures.RM;
import static io.crmkit.core.Fixtures.RM_ACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.money.Money;
import io.crmkit.core.spi.CustomerQuery;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Edges: the library's own exception naming the field, and nothing changes")
class EdgesTest {
    private static final Currency CNY = Currency.getInstance("CNY");

    private static ValidationException validation(Runnable call) {
        return catchThrowableOfType(ValidationException.class, call::run);
    }

    private static List<String> fields(ValidationException e) {
        return e.violations().stream().map(Violation::field).toList();
    }

    @Nested
    @DisplayName("a closed store")
    class ClosedStore {
        @Test
        @DisplayName("throws StoreException on every read, write and transaction of the in-memory store")
        void memoryStoreClosed() {
            InMemoryCrmStore store = InMemoryCrmStore.create();
            Crm crm = Crm.builder().store(store).clock(Fixtures.clock()).build();
            Customer c = crm.as(RM_ACTOR).customers().register(Fixtures.individual().build());
            store.close();

            assertThatThrownBy(() -> store.customers().findById(c.id())).isInstanceOf(StoreException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(() -> store.customers().count(CustomerQuery.all())).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.customers().save(c)).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.inTransaction(() -> 1)).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> crm.as(RM_ACTOR).customers().register(Fixtures.individual().build()))
                    .isInstanceOf(StoreException.class);
        }
    }

    @Nested
    @DisplayName("a listener that throws")
    class Listeners {
        @Test
        @DisplayName("an Error or a sneaky checked exception neither undoes the write nor stops later listeners nor reaches the caller")
        void errorsAreContained() {
            List<String> seen = new CopyOnWriteArrayList<>();
            Crm crm = Crm.builder().clock(Fixtures.clock())
                    .listener(e -> { throw new AssertionError("listener bug"); })
                    .listener(e -> sneaky(new java.io.IOException("checked")))
                    .listener(e -> { throw new NoClassDefFoundError("x"); })
                    .listener(e -> seen.add(e.getClass().getSimpleName()))
                    .build();

            Customer c = crm.as(RM_ACTOR).customers().register(Fixtures.individual().build());

            assertThat(crm.store().customers().findById(c.id())).contains(c);
            assertThat(seen).containsExactly("CustomerRegistered");
        }

        @Test
        @DisplayName("a VirtualMachineError still lets later listeners run, then reaches the caller after the commit")
        void fatalErrorsAreRethrownAfterTheOthers() {
            List<String> seen = new CopyOnWriteArrayList<>();
            Crm crm = Crm.builder().clock(Fixtures.clock())
                    .listener(e -> { throw new OutOfMemoryError("simulated"); })
                    .listener(e -> seen.add(e.getClass().getSimpleName()))
                    .build();

            assertThatThrownBy(() -> crm.as(RM_ACTOR).customers().register(Fixtures.individual().build()))
                    .isInstanceOf(OutOfMemoryError.class);
            assertThat(seen).containsExactly("CustomerRegistered");
            assertThat(crm.store().customers().count(CustomerQuery.all())).isEqualTo(1);
        }

        @SuppressWarnings("unchecked")
        private static <E extends Throwable> void sneaky(Throwable t) throws E {
            throw (E) t;
        }
    }

    @Nested
    @DisplayName("numbers from outside")
    class Numbers {
        private final BigDecimal huge = new BigDecimal(BigInteger.ONE.shiftLeft(664_000), 199_990); // ~200,000 digits, built in O(1)

        @Test
        @DisplayName("a 200,000-digit decimal is refused by its precision before anything costly")
        void hugePrecision() {
            assertThat(validation(() -> Money.of(huge, CNY)).violations())
                    .containsExactly(Violation.of("amount", "Precision", "must have at most 40 digits"));
            assertThat(fields(validation(() -> ExtensionValue.decimal(huge)))).containsExactly("value");
            assertThat(fields(validation(() -> new Holding("600519", AssetClass.EQUITY, huge, Money.of("1", "CNY")))))
                    .containsExactly("quantity");
        }

        @Test
        @DisplayName("an absurd scale is refused before stripping, either sign")
        void absurdScale() {
            assertThat(validation(() -> Money.of(new BigDecimal(BigInteger.ONE, -1_000_000_000), CNY)).violations())
                    .extracting(Violation::rule).containsExactly("Scale");
            assertThat(validation(() -> Money.of(new BigDecimal(BigInteger.ONE, 1_000_000_000), CNY)).violations())
                    .extracting(Violation::rule).containsExactly("Scale");
            assertThat(validation(() -> Money.of("1E+999999999", "CNY")).violations()).extracting(Violation::rule)
                    .containsExactly("Scale");
            assertThat(validation(() -> Money.of("1E+9999999999", "CNY")).violations()).extracting(Violation::rule)
                    .containsExactly("Scale");
            assertThat(Money.of(new BigDecimal("100.000000000000000000"), CNY).amount()).isEqualTo(new BigDecimal("100"));
        }

        @Test
        @DisplayName("Money orders by currency, then amount, and parses its own toString")
        void moneyOrderAndParse() {
            Money cny = Money.of("5", "CNY");
            Money usd = Money.of("1", "USD");
            Money cnyMore = Money.of("12.5", "CNY");
            List<Money> sorted = new ArrayList<>(List.of(usd, cnyMore, cny));
            Collections.sort(sorted);
            assertThat(sorted).containsExactly(cny, cnyMore, usd);
            assertThat(cny.compareTo(Money.of("5.00", "CNY"))).isZero();

            for (Money m : List.of(cny, cnyMore, Money.of("-0.000001", "USD"), Money.of("999999999999999.999999", "JPY"))) {
                assertThat(Money.parse(m.toString())).isEqualTo(m);
            }
            assertThat(fields(validation(() -> Money.parse("12.5")))).containsExactly("money");
            assertThat(fields(validation(() -> Money.parse("12.5 CNY EUR")))).containsExactly("money");
            assertThat(fields(validation(() -> Money.parse("abc CNY")))).containsExactly("amount");
            assertThat(fields(validation(() -> Money.parse("1 XYZ")))).containsExactly("currency");
            assertThat(fields(validation(() -> Money.parse(null)))).containsExactly("money");
            assertThatThrownBy(() -> cny.plus(usd)).isInstanceOf(ValidationException.class);
        }
    }

    @Nested
    @DisplayName("date arguments")
    class Dates {
        @Test
        @DisplayName("LocalDate.MAX, LocalDate.MIN and absurd years are refused on every dated method")
        void absurdDates() {
            Crm crm = Fixtures.crm();
            CrmSession rm = crm.as(RM_ACTOR);
            Customer a = rm.customers().register(Fixtures.individual().build());
            Customer b = rm.customers().register(Fixtures.individual().build());
            var rel = rm.customers().relate(a.id(), RelationshipType.SPOUSE, b.id(), null);
            LinkedAccount acc = rm.accounts().link(NewAccount.of(a.id(), "core", "ACC-1", ProductLine.DEPOSIT, CNY));

            for (LocalDate bad : List.of(LocalDate.MAX, LocalDate.MIN, LocalDate.of(12_000, 1, 1), LocalDate.of(1200, 1, 1))) {
                assertThat(fields(validation(() -> rm.tasks().reminders(RM, bad)))).containsExactly("day");
                assertThat(fields(validation(() -> rm.customers().endRelationship(rel.id(), bad)))).containsExactly("lastDay");
                assertThat(fields(validation(() -> rm.accounts().latestSnapshot(acc.id(), bad)))).containsExactly("onOrBefore");
                assertThat(fields(validation(() -> rm.customers().update(a.withBirthDate(bad))))).containsExactly("birthDate");
            }
            assertThat(fields(validation(() -> rm.tiers().assignManually(a.id(), null, "review", Instant.MAX))))
                    .containsExactly("expiresAt");
            assertThat(rm.tasks().reminders(RM, LocalDate.of(9999, 12, 31))).isEmpty();
            assertThat(rm.customers().relationships(a.id(), true)).hasSize(1);
        }
    }

    @Nested
    @DisplayName("text hygiene")
    class Text {
        private final List<String> hostile = List.of("Zhang\nWei", "Zhang\rWei", "Zhang\tWei", "Zhang\u2028Wei",
                "Zhang\u2029Wei", "Zh\u202Eang", "Zh\u2066ang", "Zh\u200Fang", "Zh\u061Cang", "\uFEFFZhang",
                "Zhang\uD800", "\uDC00Zhang");

        @Test
        @DisplayName("single-line fields refuse line breaks, bidi controls, a BOM and unpaired surrogates, naming the field")
        void singleLine() {
            Crm crm = Fixtures.crm();
            CrmSession rm = crm.as(RM_ACTOR);
            for (String bad : hostile) {
                ValidationException e = validation(() -> rm.customers().register(
                        io.crmkit.core.customer.NewCustomer.individual(bad).owner(RM).build()));
                assertThat(fields(e)).as("%s", bad.codePoints().boxed().toList()).containsExactly("legalName");
                assertThat(e.getMessage()).doesNotContain("Zh");
                assertThat(fields(validation(() -> CustomerName.of(bad)))).containsExactly("name.legal");
            }
            assertThat(crm.store().customers().count(CustomerQuery.all())).isZero();
            assertThat(CustomerName.of("Zhang Wei 张伟 \uD83D\uDE00").legal()).endsWith("\uD83D\uDE00");
        }

        @Test
        @DisplayName("free-text notes keep line breaks but not bidi controls")
        void freeText() {
            Crm crm = Fixtures.crm();
            CrmSession rm = crm.as(RM_ACTOR);
            Customer c = rm.customers().register(Fixtures.individual().build());
            var ok = rm.interactions().record(NewInteraction.of(c.id(), Channel.PHONE, Direction.OUTBOUND)
                    .subject("Review").notes("line one\nline two\r\n\tindented").build());
            assertThat(ok.notes()).contains("\n");

            ValidationException e = validation(() -> rm.interactions().record(NewInteraction.of(c.id(), Channel.PHONE,
                    Direction.OUTBOUND).subject("Re\nview").notes("pay to \u202Eccount").build()));
            assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("subject", "SingleLine"),
                            org.assertj.core.groups.Tuple.tuple("notes", "NoBidiControls"));
            assertThat(crm.store().interactions().countByCustomer(c.id())).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("violations")
    class Violations {
        @Test
        @DisplayName("an invalid extension field name is reported by position and rule, never by its text")
        void mapKeysNotEchoed() {
            Crm crm = Fixtures.crm();
            String key = "Zhang Wei 110105";
            ValidationException e = validation(() -> crm.as(RM_ACTOR).customers().register(Fixtures.individual()
                    .extension(key, ExtensionValue.flag(true)).extension("ok_field", ExtensionValue.flag(true)).build()));
            assertThat(e.violations()).containsExactly(Violation.of("extensions[#0]", "FieldName",
                    "extension field names are 1-64 letters, digits or '_' starting with a letter"));
            assertThat(e.getMessage()).doesNotContain("Zhang").doesNotContain("110105");

            Customer c = crm.as(RM_ACTOR).customers().register(Fixtures.individual().build());
            ValidationException onRecord = validation(() -> c.withExtension(key, ExtensionValue.flag(true)));
            assertThat(fields(onRecord)).containsExactly("extensions[#0]");
            assertThat(onRecord.getMessage()).doesNotContain("Zhang");
        }

        @Test
        @DisplayName("a record reports every broken rule at once, as a registration does")
        void everyViolationAtOnce() {
            Customer c = Fixtures.crm().as(RM_ACTOR).customers().register(Fixtures.individual().build());
            ValidationException e = validation(() -> new Customer(c.id(), c.type(), c.name(), c.identifiers(),
                    c.birthDate(), c.profile(), c.lifecycle(), c.lifecycleHistory(), c.owner(), c.branch(), c.tier(),
                    Set.of("Not A Tag"), c.contactPoints(), Map.of("1bad", ExtensionValue.flag(true)), null));
            assertThat(fields(e)).containsExactly("tags", "extensions[#0]", "meta");

            ValidationException names = validation(() -> new CustomerName(" ", "a\nb", "c\u202Ed"));
            assertThat(fields(names)).containsExactly("name.legal", "name.preferred", "name.local");

            ValidationException reg = validation(() -> Fixtures.crm().as(RM_ACTOR).customers().register(
                    io.crmkit.core.customer.NewCustomer.individual("A\nB").preferredName("x\u202Ey").tag("Bad Tag")
                            .birthDate(LocalDate.MAX).build()));
            assertThat(fields(reg)).contains("legalName", "preferredName", "tags", "birthDate");
        }
    }

    @Nested
    @DisplayName("documented maxima")
    class Maxima {
        @Test
        @DisplayName("are enforced by the records, and the in-memory store holds a snapshot at the maximum")
        void maxima() {
            InMemoryCrmStore store = InMemoryCrmStore.create();
            Crm crm = Crm.builder().store(store).clock(Fixtures.clock()).build();
            CrmSession rm = crm.as(RM_ACTOR);
            Customer c = rm.customers().register(Fixtures.individual().build());
            LinkedAccount acc = rm.accounts().link(NewAccount.of(c.id(), "core", "ACC-9", ProductLine.BROKERAGE, CNY));
            AccountSnapshot full = snapshot(acc.id(), AccountSnapshot.MAX_HOLDINGS);

            rm.accounts().recordSnapshot(full);
            assertThat(rm.accounts().latestSnapshot(acc.id(), Fixtures.NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate()))
                    .hasValueSatisfying(s -> assertThat(s.holdings()).hasSize(AccountSnapshot.MAX_HOLDINGS));
            assertThat(fields(validation(() -> snapshot(acc.id(), AccountSnapshot.MAX_HOLDINGS + 1))))
                    .containsExactly("holdings");

            List<Consent> consents = new ArrayList<>();
            for (int i = 0; i <= ContactPoint.MAX_CONSENTS; i++) {
                consents.add(Consent.granted(ConsentPurpose.values()[i % ConsentPurpose.values().length], "form",
                        Fixtures.NOW.minusSeconds(i)));
            }
            assertThat(fields(validation(() -> new ContactPoint(io.crmkit.core.customer.ContactPointType.EMAIL,
                    "a@example.com", null, null, false, consents)))).containsExactly("consents");
            assertThat(new ContactPoint(io.crmkit.core.customer.ContactPointType.EMAIL, "a@example.com", null, null,
                    false, consents.subList(0, ContactPoint.MAX_CONSENTS)).consents()).hasSize(ContactPoint.MAX_CONSENTS);
        }

        private AccountSnapshot snapshot(AccountId id, int holdings) {
            List<Holding> list = new ArrayList<>(holdings);
            for (int i = 0; i < holdings; i++) {
                list.add(new Holding("SEC" + i, AssetClass.EQUITY, new BigDecimal("100"), Money.of("10", "CNY")));
            }
            return new AccountSnapshot(id, Fixtures.NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                    Money.of("1", "CNY"), list);
        }
    }

    @Test
    @DisplayName("the library's exceptions all extend CrmException")
    void hierarchy() {
        assertThat(new StoreException("x", false)).isInstanceOf(CrmException.class);
        assertThat(validation(() -> Crm.builder().maturityLookaheadDays(-1))).isInstanceOf(CrmException.class);
        assertThat(fields(validation(() -> Crm.builder().store(null)))).containsExactly("store");
    }
}
