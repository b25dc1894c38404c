package io.crmkit.core.signal;

import io.crmkit.core.error.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rule language, in the spirit of crm-analytics' segment language:
 *
 * <pre>
 * rule       := or
 * or         := and ('or' and)*
 * and        := unary ('and' unary)*
 * unary      := 'not' unary | 'first' KIND 'after' DURATION 'dormant' | '(' or ')' | expr CMP expr
 * expr       := term (('+' | '-') term)*
 * term       := factor (('*' | '/') factor)*
 * factor     := NUMBER | '-' factor | '(' expr ')' | 'assets' | KIND ['.' MEASURE] '(' DURATION ')'
 * CMP        := '&gt;=' | '&gt;' | '&lt;=' | '&lt;' | '==' | '!='
 * MEASURE    := 'count' | 'sum' | 'max' | 'avg'        (no measure: sum)
 * DURATION   := digits ('s' | 'm' | 'h' | 'd' | 'w')
 * </pre>
 *
 * {@code turnover} is the trade kind ({@code turnover(1d)} is {@code trade.sum(1d)}). Text is at
 * most 2,000 characters, nesting at most 32 deep. Not thread-safe: one parser per text.
 */
final class RuleParser {
    static final int MAX_LENGTH = 2_000;
    static final int MAX_DEPTH = 32;

    private enum T { IDENT, NUMBER, DURATION, OP, END }

    private record Tok(T type, String text, int col) {}

    private final List<Tok> toks;
    private int pos;
    private int depth;

    private RuleParser(List<Tok> toks) {
        this.toks = toks;
    }

    static Condition parse(String text) {
        if (text == null) {
            throw ValidationException.of("rule", "NotNull", "must not be null");
        }
        if (text.length() > MAX_LENGTH) {
            throw new RuleSyntaxException(MAX_LENGTH + 1, "the rule is longer than " + MAX_LENGTH + " characters");
        }
        RuleParser p = new RuleParser(lex(text));
        if (p.peek().type == T.END) {
            throw new RuleSyntaxException(1, "the rule is empty");
        }
        Condition c = p.or();
        if (p.peek().type != T.END) {
            throw p.error("expected 'and', 'or' or the end of the rule");
        }
        return c;
    }

    // lexer -------------------------------------------------------------------------------

    private static List<Tok> lex(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int col = i + 1;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (c >= '0' && c <= '9') {
                int start = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
                    i++;
                }
                if (i < s.length() && Character.isLetter(s.charAt(i))) {
                    int unit = i;
                    while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
                        i++;
                    }
                    String u = s.substring(unit, i);
                    if (!(u.equals("s") || u.equals("m") || u.equals("h") || u.equals("d") || u.equals("w"))) {
                        throw new RuleSyntaxException(unit + 1, "unknown time unit '" + quote(u) + "' (use s, m, h, d or w)");
                    }
                    out.add(new Tok(T.DURATION, s.substring(start, i), col));
                } else {
                    out.add(new Tok(T.NUMBER, s.substring(start, i), col));
                }
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Tok(T.IDENT, s.substring(start, i), col));
            } else if (i + 1 < s.length() && (s.startsWith(">=", i) || s.startsWith("<=", i) || s.startsWith("==", i)
                    || s.startsWith("!=", i))) {
                out.add(new Tok(T.OP, s.substring(i, i + 2), col));
                i += 2;
            } else if ("><+-*/().".indexOf(c) >= 0) {
                out.add(new Tok(T.OP, String.valueOf(c), col));
                i++;
            } else {
                throw new RuleSyntaxException(col, "unexpected character '" + quote(String.valueOf(c)) + "'");
            }
        }
        out.add(new Tok(T.END, "", s.length() + 1));
        return out;
    }

    // conditions --------------------------------------------------------------------------

    private Condition or() {
        Condition c = and();
        while (isWord("or")) {
            pos++;
            c = new Condition.Or(c, and());
        }
        return c;
    }

    private Condition and() {
        Condition c = unary();
        while (isWord("and")) {
            pos++;
            c = new Condition.And(c, unary());
        }
        return c;
    }

    private Condition unary() {
        enter();
        try {
            if (isWord("not")) {
                pos++;
                return new Condition.Not(unary());
            }
            if (isWord("first")) {
                return dormant();
            }
            if (isOp("(")) {
                int mark = pos;
                try {
                    pos++;
                    Condition inner = or();
                    expectOp(")", "expected ')' to close the condition");
                    if (peek().type == T.OP && !isOp(")")) {
                        throw error("an arithmetic expression, not a condition"); // "(a) + b >= c": retry as expression
                    }
                    return inner;
                } catch (RuleSyntaxException asCondition) {
                    // "(a + b) >= c" starts like a condition in parentheses: read it as a comparison,
                    // and if that fails too, report whichever reading got further
                    pos = mark;
                    try {
                        return comparison();
                    } catch (RuleSyntaxException asComparison) {
                        throw asComparison.position() >= asCondition.position() ? asComparison : asCondition;
                    }
                }
            }
            return comparison();
        } finally {
            depth--;
        }
    }

    private Condition dormant() {
        pos++; // first
        Tok kindTok = peek();
        EventKind kind = kind("expected an event kind after 'first'");
        if (!isWord("after")) {
            throw error("expected 'after' after '" + quote(kindTok.text) + "'");
        }
        pos++;
        Duration d = duration("expected a duration such as 90d after 'after'");
        if (!isWord("dormant")) {
            throw error("expected 'dormant' after the duration");
        }
        pos++;
        try {
            return new Condition.FirstAfterDormant(kind, d);
        } catch (ValidationException e) {
            throw new RuleSyntaxException(kindTok.col, "the dormant spell must be between 1s and 400d");
        }
    }

    private Condition comparison() {
        Expr left = expr();
        Tok op = peek();
        Condition.Op cmp = switch (op.type == T.OP ? op.text : "") {
            case ">=" -> Condition.Op.GE;
            case ">" -> Condition.Op.GT;
            case "<=" -> Condition.Op.LE;
            case "<" -> Condition.Op.LT;
            case "==" -> Condition.Op.EQ;
            case "!=" -> Condition.Op.NE;
            default -> throw error("expected a comparison (>=, >, <=, <, ==, !=)");
        };
        pos++;
        return new Condition.Compare(cmp, left, expr());
    }

    // expressions -------------------------------------------------------------------------

    private Expr expr() {
        Expr e = term();
        while (isOp("+") || isOp("-")) {
            char op = next().text.charAt(0);
            e = new Expr.Arith(op, e, term());
        }
        return e;
    }

    private Expr term() {
        Expr e = factor();
        while (isOp("*") || isOp("/")) {
            char op = next().text.charAt(0);
            e = new Expr.Arith(op, e, factor());
        }
        return e;
    }

    private Expr factor() {
        enter();
        try {
            Tok t = peek();
            if (t.type == T.NUMBER) {
                pos++;
                return new Expr.Const(number(t));
            }
            if (isOp("-")) {
                pos++;
                return new Expr.Arith('-', new Expr.Const(0), factor());
            }
            if (isOp("(")) {
                pos++;
                Expr inner = expr();
                expectOp(")", "expected ')' to close the expression");
                return inner;
            }
            if (isWord("assets")) {
                pos++;
                return new Expr.Assets();
            }
            if (t.type == T.IDENT) {
                return window();
            }
            throw error("expected a number, 'assets', a measure such as withdrawal.sum(7d), or '('");
        } finally {
            depth--;
        }
    }

    private Expr window() {
        Tok kindTok = peek();
        EventKind kind = kind("expected an event kind");
        Measure measure = Measure.SUM;
        if (isOp(".")) {
            pos++;
            Tok m = peek();
            if (m.type != T.IDENT) {
                throw error("expected count, sum, max or avg after '.'");
            }
            measure = switch (m.text) {
                case "count" -> Measure.COUNT;
                case "sum" -> Measure.SUM;
                case "max" -> Measure.MAX;
                case "avg" -> Measure.AVG;
                default -> throw error("unknown measure '" + quote(m.text) + "' (use count, sum, max or avg)");
            };
            pos++;
        }
        expectOp("(", "expected '(' and a window such as (7d) after '" + quote(kindTok.text) + "'");
        Tok wTok = peek();
        Duration w = duration("expected a window such as 7d, 10m or 90d");
        expectOp(")", "expected ')' after the window");
        try {
            return new Expr.Window(kind, measure, w);
        } catch (ValidationException e) {
            throw new RuleSyntaxException(wTok.col, "the window must be between 1s and 400d");
        }
    }

    // tokens ------------------------------------------------------------------------------

    private EventKind kind(String expected) {
        Tok t = peek();
        if (t.type != T.IDENT) {
            throw error(expected);
        }
        String name = t.text.equals("turnover") ? "trade" : t.text;
        if (isKeyword(name) || !EventKind.validName(name)) {
            throw error(expected);
        }
        pos++;
        return EventKind.of(name);
    }

    private Duration duration(String expected) {
        Tok t = peek();
        if (t.type != T.DURATION) {
            throw error(expected);
        }
        String digits = t.text.substring(0, t.text.length() - 1).replace("_", "");
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new RuleSyntaxException(t.col, "expected whole units in '" + quote(t.text) + "'");
        }
        if (n <= 0 || n > 100_000_000L) {
            throw new RuleSyntaxException(t.col, "the duration '" + quote(t.text) + "' is out of range");
        }
        pos++;
        return switch (t.text.charAt(t.text.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    private static double number(Tok t) {
        String s = t.text.replace("_", "");
        if (s.endsWith(".") || s.indexOf('.') != s.lastIndexOf('.') || s.length() > 30) {
            throw new RuleSyntaxException(t.col, "'" + quote(t.text) + "' is not a number");
        }
        double v = Double.parseDouble(s);
        if (v > 1e15) {
            throw new RuleSyntaxException(t.col, "numbers must be at most 10^15");
        }
        return v;
    }

    private static boolean isKeyword(String s) {
        return s.equals("and") || s.equals("or") || s.equals("not") || s.equals("first") || s.equals("after")
                || s.equals("dormant") || s.equals("assets");
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("the rule is nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private Tok peek() {
        return toks.get(pos);
    }

    private Tok next() {
        return toks.get(pos++);
    }

    private boolean isWord(String w) {
        Tok t = peek();
        return t.type == T.IDENT && t.text.equals(w);
    }

    private boolean isOp(String o) {
        Tok t = peek();
        return t.type == T.OP && t.text.equals(o);
    }

    private void expectOp(String o, String message) {
        if (!isOp(o)) {
            throw error(message);
        }
        pos++;
    }

    private RuleSyntaxException error(String expected) {
        Tok t = peek();
        String found = t.type == T.END ? "the end of the rule" : "'" + quote(t.text) + "'";
        return new RuleSyntaxException(t.col, expected + ", found " + found);
    }

    /** At most 20 characters, control characters replaced: rule text may come from anyone. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 20; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.length() > 20 ? b + "..." : b.toString();
    }
}
