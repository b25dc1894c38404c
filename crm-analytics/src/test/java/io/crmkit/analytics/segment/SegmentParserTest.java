package io.crmkit.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentParserTest {

    @Test
    @DisplayName("parses the branch example into and-ed range and list conditions")
    void parsesBranchExample() {
        Condition c = Condition.parse("age between 28 and 60 and tier in (GOLD, SILVER)");
        assertThat(c).isEqualTo(new Condition.And(
                new Condition.Between("age", new Condition.Value("28", true, 13), new Condition.Value("60", true, 20), 1),
                new Condition.In("tier", List.of(new Condition.Value("GOLD", false, 36),
                        new Condition.Value("SILVER", false, 42)), 27)));
    }

    @Test
    @DisplayName("binds 'and' tighter than 'or', honours parentheses and 'not'")
    void precedence() {
        assertThat(Condition.parse("a = 1 or b = 2 and c = 3").toText()).isEqualTo("a = 1 or b = 2 and c = 3");
        assertThat(Condition.parse("a = 1 or b = 2 and c = 3")).isInstanceOf(Condition.Or.class);
        assertThat(Condition.parse("(a = 1 or b = 2) and c = 3")).isInstanceOf(Condition.And.class);
        assertThat(Condition.parse("(a = 1 or b = 2) and c = 3").toText()).isEqualTo("(a = 1 or b = 2) and c = 3");
        assertThat(Condition.parse("not (a = 1 and b = 2)").toText()).isEqualTo("not (a = 1 and b = 2)");
        assertThat(Condition.parse("NOT a >= -1.5e2 AND Tier NOT IN (gold)").toText())
                .isEqualTo("not a >= -1.5e2 and not tier in (GOLD)");
        assertThat(Condition.parse("x <> 3").toText()).isEqualTo("x != 3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "age between 28 and 60 and tier in (GOLD, SILVER)",
        "(age < 30 or age >= 60) and not tier = BRONZE",
        "aum > 1000000 or contribution >= 5000.5",
        "not (a = 1 and (b = 2 or c != 3))",
    })
    @DisplayName("gives text that parses back to the same condition")
    void roundTrips(String text) {
        Condition c = Condition.parse(text);
        assertThat(stripPositions(Condition.parse(c.toText()))).isEqualTo(stripPositions(c));
    }

    private static String stripPositions(Condition c) {
        return c.toText();
    }

    @ParameterizedTest(name = "[{0}] -> column {1}")
    @CsvSource(delimiter = '|', value = {
        "age between 28 and|19|expected a number or a word after 'and', found the end of the text",
        "age betwen 28 and 60|5|expected a comparison (=, !=, <, <=, >, >=), 'between' or 'in' after 'age', found 'betwen'",
        "age > 28 and (tier = GOLD|26|expected ')', found the end of the text",
        "age >> 5|6|expected a number or a word after '>', found '>'",
        "tier in (GOLD SILVER)|15|expected ',' or ')' to close the list, found 'SILVER'",
        "age > 28 $|10|unexpected character '$'",
        "age > 28 age < 3|10|expected 'and', 'or' or the end of the text, found 'age'",
        "and age > 3|1|expected a feature name, 'not' or '(', found 'and'",
        "age between 28 or 60|16|expected 'and' between the two bounds, found 'or'",
        "age > 1.2.3|10|expected a space or an operator after the number",
        "age > 12abc|9|expected a space or an operator after the number",
        "tier not like (GOLD)|10|expected 'in' after 'not', found 'like'",
        "年龄 > 3|1|names may use only the letters a-z, digits and '_'",
        "age > -|7|expected a number such as 28, -5 or 0.25",
        "age > 1e999|7|number is too large",
    })
    @DisplayName("reports the exact column of a syntax error")
    void reportsErrorColumn(String text, int column, String problem) {
        SegmentSyntaxException e = catchThrowableOfType(SegmentSyntaxException.class, () -> Condition.parse(text));
        assertThat(e).isNotNull();
        assertThat(e.position()).isEqualTo(column);
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.getMessage()).isEqualTo("1 violation(s): segment [Syntax]: column " + column + ": " + problem);
        assertThat(e.hasViolationOn("segment")).isTrue();
    }

    @Test
    @DisplayName("rejects empty, oversized, deeply nested and control-character text")
    void rejectsHostileText() {
        assertThat(catchThrowableOfType(SegmentSyntaxException.class, () -> Condition.parse("")).position()).isEqualTo(1);
        assertThat(catchThrowableOfType(SegmentSyntaxException.class, () -> Condition.parse("   ")).problem())
                .isEqualTo("expected a condition, found the end of the text");
        assertThat(catchThrowableOfType(SegmentSyntaxException.class, () -> Condition.parse(null)).problem())
                .isEqualTo("text must not be null");
        String big = "a = 1 or ".repeat(500) + "a = 1";
        assertThat(catchThrowableOfType(SegmentSyntaxException.class, () -> Condition.parse(big)).problem())
                .isEqualTo("text must be at most 4000 characters");
        String deep = "(".repeat(100) + "a = 1" + ")".repeat(100);
        SegmentSyntaxException e = catchThrowableOfType(SegmentSyntaxException.class, () -> Condition.parse(deep));
        assertThat(e.problem()).isEqualTo("conditions may nest at most 64 levels deep");
        assertThat(e.position()).isEqualTo(64);
        SegmentSyntaxException ctl = catchThrowableOfType(SegmentSyntaxException.class,
                () -> Condition.parse("age > 3 \u0007"));
        assertThat(ctl.position()).isEqualTo(9);
        assertThat(ctl.problem()).isEqualTo("unexpected character 'U+0007'");
        String longName = "x".repeat(100);
        assertThat(catchThrowableOfType(SegmentSyntaxException.class, () -> Condition.parse(longName)).getMessage())
                .hasSizeLessThan(200).contains("xxxxxxxxxxxxxxxxxxxx...");
    }

    @Test
    @DisplayName("builds the same condition in Java as in text")
    void javaApiMatchesText() {
        Condition java = Condition.field("age").between(28, 60).and(Condition.field("tier").in("GOLD", "SILVER"))
                .or(Condition.field("aum").atLeast(1_000_000).negate());
        assertThat(java.toText()).isEqualTo("age between 28 and 60 and tier in (GOLD, SILVER) or not aum >= 1000000");
        assertThat(Condition.parse(java.toText()).toText()).isEqualTo(java.toText());
    }
}
