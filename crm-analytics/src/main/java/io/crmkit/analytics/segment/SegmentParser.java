package io.crmkit.analytics.segment;

import io.crmkit.analytics.segment.Condition.Op;
import io.crmkit.analytics.segment.Condition.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hand-written recursive-descent parser of the segment language:
 *
 * <pre>
 * condition  := orExpr EOF
 * orExpr     := andExpr ( "or" andExpr )*
 * andExpr    := notExpr ( "and" notExpr )*
 * notExpr    := "not" notExpr | primary
 * primary    := "(" orExpr ")" | predicate
 * predicate  := NAME ( op value
 *                    | "between" value "and" value
 *                    | "not"? "in" "(" value ( "," value )* ")" )
 * op         := "=" | "!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * value      := NUMBER | WORD
 * </pre>
 *
 * Keywords are case-insensitive; feature names are read in lower case and words (labels) in upper
 * case. One instance parses one text; not thread-safe (instances are never shared).
 */
final class SegmentParser {

    static final int MAX_LENGTH = 4000;
    static final int MAX_DEPTH = 64;
    static final int MAX_LIST = 1000;

    private enum Kind { NAME, NUMBER, OP, LPAREN, RPAREN, COMMA, END }

    private final String text;
    private int pos;          // 0-based index of the next unread character
    private Kind kind;        // current token
    private String token;
    private int tokenStart;   // 0-based
    private int depth;

    SegmentParser(String text) {
        if (text == null) {
            throw new SegmentSyntaxException(1, "text must not be null");
        }
        if (text.length() > MAX_LENGTH) {
            throw new SegmentSyntaxException(MAX_LENGTH + 1, "text must be at most " + MAX_LENGTH + " characters");
        }
        this.text = text;
    }

    Condition parse() {
        next();
        if (kind == Kind.END) {
            throw error("expected a condition, found the end of the text");
        }
        Condition c = orExpr();
        if (kind != Kind.END) {
            throw error("expected 'and', 'or' or the end of the text, found " + describe());
        }
        return c;
    }

    private Condition orExpr() {
        depth++;
        Condition left = andExpr();
        while (isKeyword("or")) {
            next();
            left = new Condition.Or(left, andExpr());
        }
        depth--;
        return left;
    }

    private Condition andExpr() {
        Condition left = notExpr();
        while (isKeyword("and")) {
            next();
            left = new Condition.And(left, notExpr());
        }
        return left;
    }

    private Condition notExpr() {
        if (isKeyword("not")) {
            int at = tokenStart + 1;
            enter();
            next();
            Condition inner = notExpr();
            depth--;
            return new Condition.Not(inner, at);
        }
        return primary();
    }

    private Condition primary() {
        if (kind == Kind.LPAREN) {
            if (depth >= MAX_DEPTH) {
                throw error("conditions may nest at most " + MAX_DEPTH + " levels deep");
            }
            next();
            Condition c = orExpr();
            expect(Kind.RPAREN, "')'");
            return c;
        }
        if (kind != Kind.NAME || isKeyword("and") || isKeyword("or") || isKeyword("between") || isKeyword("in")) {
            throw error("expected a feature name, 'not' or '(', found " + describe());
        }
        String feature = token.toLowerCase(Locale.ROOT);
        int at = tokenStart + 1;
        next();
        if (kind == Kind.OP) {
            Op op = op(token);
            next();
            return new Condition.Compare(feature, op, value("after '" + op.symbol() + "'"), at);
        }
        if (isKeyword("between")) {
            next();
            Value low = value("after 'between'");
            if (!isKeyword("and")) {
                throw error("expected 'and' between the two bounds, found " + describe());
            }
            next();
            return new Condition.Between(feature, low, value("after 'and'"), at);
        }
        boolean negated = false;
        int notAt = tokenStart + 1;
        if (isKeyword("not")) {
            negated = true;
            next();
            if (!isKeyword("in")) {
                throw error("expected 'in' after 'not', found " + describe());
            }
        }
        if (isKeyword("in")) {
            next();
            expect(Kind.LPAREN, "'(' after 'in'");
            List<Value> values = new ArrayList<>();
            values.add(value("in the list"));
            while (kind == Kind.COMMA) {
                next();
                if (values.size() == MAX_LIST) {
                    throw error("a list may hold at most " + MAX_LIST + " values");
                }
                values.add(value("after ','"));
            }
            expect(Kind.RPAREN, "',' or ')' to close the list");
            Condition in = new Condition.In(feature, values, at);
            return negated ? new Condition.Not(in, notAt) : in;
        }
        throw error("expected a comparison (=, !=, <, <=, >, >=), 'between' or 'in' after '"
                + shorten(feature) + "', found " + describe());
    }

    private Value value(String where) {
        int at = tokenStart + 1;
        if (kind == Kind.NUMBER) {
            String t = token;
            next();
            return new Value(t, true, at);
        }
        if (kind == Kind.NAME && !isKeyword("and") && !isKeyword("or") && !isKeyword("not")) {
            String w = token.toUpperCase(Locale.ROOT);
            next();
            return new Value(w, false, at);
        }
        throw error("expected a number or a word " + where + ", found " + describe());
    }

    private void expect(Kind k, String what) {
        if (kind != k) {
            throw error("expected " + what + ", found " + describe());
        }
        next();
    }

    /** Enters one more level at the current token; the error points at that token. */
    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("conditions may nest at most " + MAX_DEPTH + " levels deep");
        }
    }

    private boolean isKeyword(String k) {
        return kind == Kind.NAME && token.equalsIgnoreCase(k);
    }

    private static Op op(String symbol) {
        switch (symbol) {
            case "=":
                return Op.EQ;
            case "!=":
            case "<>":
                return Op.NE;
            case "<":
                return Op.LT;
            case "<=":
                return Op.LE;
            case ">":
                return Op.GT;
            default:
                return Op.GE;
        }
    }

    private SegmentSyntaxException error(String problem) {
        return new SegmentSyntaxException(tokenStart + 1, problem);
    }

    private String describe() {
        if (kind == Kind.END) {
            return "the end of the text";
        }
        return "'" + shorten(token) + "'";
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }

    /** Reads the next token into kind/token/tokenStart. */
    private void next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        tokenStart = pos;
        if (pos >= text.length()) {
            kind = Kind.END;
            token = "";
            return;
        }
        char ch = text.charAt(pos);
        if (Character.isLetter(ch) || ch == '_') {
            int start = pos;
            while (pos < text.length() && (isAsciiWord(text.charAt(pos)))) {
                pos++;
            }
            if (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                throw new SegmentSyntaxException(pos + 1, "names may use only the letters a-z, digits and '_'");
            }
            set(Kind.NAME, start);
            return;
        }
        if (Character.isDigit(ch) || ch == '-' || ch == '.') {
            number();
            return;
        }
        switch (ch) {
            case '(':
                pos++;
                set(Kind.LPAREN, pos - 1);
                return;
            case ')':
                pos++;
                set(Kind.RPAREN, pos - 1);
                return;
            case ',':
                pos++;
                set(Kind.COMMA, pos - 1);
                return;
            case '=':
                pos++;
                set(Kind.OP, pos - 1);
                return;
            case '!':
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '=') {
                    pos += 2;
                    set(Kind.OP, pos - 2);
                    return;
                }
                break;
            case '<':
            case '>':
                int start = pos++;
                if (pos < text.length() && (text.charAt(pos) == '=' || ch == '<' && text.charAt(pos) == '>')) {
                    pos++;
                }
                set(Kind.OP, start);
                return;
            default:
                break;
        }
        String shown = Character.isISOControl(ch) ? String.format("U+%04X", (int) ch) : String.valueOf(ch);
        throw new SegmentSyntaxException(pos + 1, "unexpected character '" + shown + "'");
    }

    private static boolean isAsciiWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private void number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        int digits = digits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            digits += digits();
        }
        if (digits == 0) {
            throw new SegmentSyntaxException(start + 1, "expected a number such as 28, -5 or 0.25");
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw new SegmentSyntaxException(pos + 1, "expected the digits of the exponent");
            }
        }
        if (pos < text.length() && (isAsciiWord(text.charAt(pos)) || text.charAt(pos) == '.')) {
            throw new SegmentSyntaxException(pos + 1, "expected a space or an operator after the number");
        }
        set(Kind.NUMBER, start);
        double v = Double.parseDouble(token);
        if (!Double.isFinite(v)) {
            throw new SegmentSyntaxException(start + 1, "number is too large");
        }
    }

    private int digits() {
        int count = 0;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
            count++;
        }
        return count;
    }

    private void set(Kind k, int start) {
        kind = k;
        tokenStart = start;
        token = text.substring(start, pos);
    }
}
