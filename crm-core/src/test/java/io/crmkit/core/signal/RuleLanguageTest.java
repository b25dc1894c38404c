package io.crmkit.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The rule language")
class RuleLanguageTest {

    private static RuleSyntaxException error(String text) {
        try {
            Rule.parse("r", text);
        } catch (RuleSyntaxException e) {
            return e;
        }
        throw new AssertionError("parsed: " + text);
    }

    @Test
    @DisplayName("reads the issue's examples into the same trees as the Java form")
    void issueExamples() {
        assertThat(Rule.parse("a", "withdrawal.sum(7d) >= 0.5 * assets").when()).isEqualTo(
                new Condition.Compare(Condition.Op.GE, Expr.sum(EventKind.WITHDRAWAL, Duration.ofDays(7)),
                        new Expr.Arith('*', new Expr.Const(0.5), new Expr.Assets())));
        assertThat(Rule.parse("b", "first trade after 90d dormant").when())
                .isEqualTo(Condition.firstAfterDormant(EventKind.TRADE, Duration.ofDays(90)));
        assertThat(Rule.parse("c", "failed_login.count(10m) >= 3").when())
                .isEqualTo(Expr.count(EventKind.FAILED_LOGIN, Duration.ofMinutes(10)).atLeast(3));
        assertThat(Rule.parse("d", "turnover(1d) >= 5 * turnover.avg(90d)").when()).isEqualTo(
                new Condition.Compare(Condition.Op.GE, Expr.sum(EventKind.TRADE, Duration.ofDays(1)),
                        new Expr.Arith('*', new Expr.Const(5), Expr.avg(EventKind.TRADE, Duration.ofDays(90)))));
    }

    @Test
    @DisplayName("precedence: * before +, and before or, not binds tightest; parentheses group expressions and conditions")
    void precedence() {
        Condition c = Rule.parse("p", "not a.count(1h) > 1 + 2 * 3 or (b.sum(2w) < 4 and (c.max(1s) - 1) / 2 == 0)").when();
        assertThat(c).isInstanceOf(Condition.Or.class);
        Condition.Or or = (Condition.Or) c;
        assertThat(or.left()).isInstanceOf(Condition.Not.class);
        Condition.Compare left = (Condition.Compare) ((Condition.Not) or.left()).inner();
        assertThat(left.right()).isEqualTo(new Expr.Arith('+', new Expr.Const(1),
                new Expr.Arith('*', new Expr.Const(2), new Expr.Const(3))));
        assertThat(or.right()).isInstanceOf(Condition.And.class);
        Condition.Compare last = (Condition.Compare) ((Condition.And) or.right()).right();
        assertThat(last.left()).isEqualTo(new Expr.Arith('/', new Expr.Arith('-',
                Expr.max(EventKind.of("c"), Duration.ofSeconds(1)), new Expr.Const(1)), new Expr.Const(2)));
        assertThat(((Condition.Compare) ((Condition.And) or.right()).left()).left())
                .isEqualTo(Expr.sum(EventKind.of("b"), Duration.ofDays(14)));
    }

    @ParameterizedTest(name = "[{0}] fails at column {1}")
    @CsvSource(delimiter = '|', value = {
        "withdrawal.sum(7d) >= | 22 | expected a number",
        "withdrawal.total(7d) > 1 | 12 | unknown measure 'total'",
        "withdrawal.sum(7x) > 1 | 17 | unknown time unit 'x'",
        "withdrawal.sum(7) > 1 | 16 | expected a window such as 7d",
        "withdrawal.sum 7d > 1 | 16 | expected '(' and a window",
        "first trade after 90d | 22 | expected 'dormant'",
        "first trade 90d dormant | 13 | expected 'after'",
        "first and after 9d dormant | 7 | expected an event kind",
        "trade.count(1d) >= 1 and | 25 | expected a number",
        "trade.count(1d) 3 | 17 | expected a comparison",
        "trade.count(1d) >= 3) | 21 | expected 'and', 'or' or the end",
        "(trade.count(1d) >= 3 | 22 | expected ')' to close the condition",
        "trade.count(500d) > 1 | 13 | between 1s and 400d",
        "trade.count(1d) >= 1e5 | 21 | unknown time unit 'e5'",
        "trade.count(1d) ~ 2 | 17 | unexpected character '~'",
        "1.2.3 > trade.sum(1d) | 1 | '1.2.3' is not a number",
    })
    void errorsAtTheExactColumn(String text, int column, String problem) {
        RuleSyntaxException e = error(text);

        assertThat(e.position()).isEqualTo(column);
        assertThat(e.problem()).contains(problem);
        assertThat(e).isInstanceOf(ValidationException.class).isInstanceOf(CrmException.class);
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("rule");
            assertThat(v.rule()).isEqualTo("Syntax");
        });
    }

    @Test
    @DisplayName("empty, null, oversized and deeply nested text are refused with the library's error, not a crash")
    void hostileText() {
        assertThat(error("   ").problem()).contains("empty");
        assertThat(error("x".repeat(2_001)).position()).isEqualTo(2_001);
        assertThat(error("(".repeat(40) + "trade.count(1d) > 1" + ")".repeat(40)).problem()).contains("nested deeper than 32");
        assertThat(error("-".repeat(5_00) + "1 > 0").problem()).contains("nested deeper than 32");
        assertThatThrownBy(() -> Rule.parse("r", null)).isInstanceOf(ValidationException.class);
        assertThat(error("trade.count(1d) >= 99999999999999999999").problem()).contains("at most 10^15");
    }

    @Test
    @DisplayName("the message quotes at most 20 characters of the offending token and no control characters")
    void quotesSafely() {
        RuleSyntaxException e = error("trade.count(1d) >= 1 and " + "secret_customer_name_zhang_wei_13912345678 x");

        assertThat(e.getMessage()).doesNotContain("13912345678").doesNotContain("zhang_wei");
        assertThat(error("trade.count(1d) >\u0007 1").getMessage()).doesNotContain("\u0007");
    }

    @Test
    @DisplayName("rule ids, suppression and actions are validated with the field named")
    void ruleFields() {
        assertThatThrownBy(() -> Rule.parse("Bad Id", "trade.count(1d) > 1"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolationOn("id")).isTrue());
        assertThatThrownBy(() -> Rule.parse("ok", "trade.count(1d) > 1").withSuppression(Duration.ofDays(-1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolationOn("suppressFor")).isTrue());
        assertThatThrownBy(() -> new Expr.Const(Double.NaN))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolationOn("value")).isTrue());
        assertThatThrownBy(() -> EventKind.of("Trade"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolationOn("kind")).isTrue());
    }
}
