package io.switchboard.flow.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the simple subset of JavaScript expressions: literals, paths ({@code a.b[0]['c']}),
 * comparisons, {@code &&}, {@code ||}, {@code !} and parentheses. Anything else yields empty, and the
 * caller hands the expression to the JavaScript engine instead.
 */
public final class SimpleExpressionParser {
  private static final Set<String> RESERVED = Set.of(
      "true", "false", "null", "undefined", "new", "typeof", "void", "delete", "in", "instanceof",
      "function", "this", "var", "let", "const", "return", "if", "else", "for", "while", "do",
      "class", "import", "export", "yield", "await", "async", "with", "switch", "case", "throw",
      "try", "catch", "finally", "debugger", "super");

  private final String src;
  private int pos;

  private SimpleExpressionParser(String src) {
    this.src = src;
  }

  /** The parsed expression, or empty when the text is outside the simple subset (or not valid). */
  public static Optional<Expr> parse(String source) {
    if (source == null || source.length() > 4096) {
      return Optional.empty();
    }
    try {
      SimpleExpressionParser parser = new SimpleExpressionParser(source);
      Expr expr = parser.or();
      parser.skipSpace();
      return parser.pos == source.length() ? Optional.of(expr) : Optional.empty();
    } catch (NotSimple e) {
      return Optional.empty();
    }
  }

  private Expr or() {
    Expr left = and();
    while (consume("||")) {
      left = new Expr.Or(left, and());
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (consume("&&")) {
      left = new Expr.And(left, not());
    }
    return left;
  }

  private Expr not() {
    skipSpace();
    if (peek('!') && !src.startsWith("!=", pos)) {
      pos++;
      return new Expr.Not(not());
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = operand();
    for (String symbol : List.of("===", "!==", "==", "!=", "<=", ">=", "<", ">")) {
      if (consume(symbol)) {
        return new Expr.Compare(operator(symbol), left, operand());
      }
    }
    return left;
  }

  private static Expr.Operator operator(String symbol) {
    for (Expr.Operator op : Expr.Operator.values()) {
      if (op.symbol.equals(symbol)) {
        return op;
      }
    }
    throw new IllegalArgumentException(symbol);
  }

  private Expr operand() {
    skipSpace();
    if (pos >= src.length()) {
      throw new NotSimple();
    }
    char c = src.charAt(pos);
    if (c == '(') {
      pos++;
      Expr inner = or();
      expect(')');
      return inner;
    }
    if (c == '\'' || c == '"') {
      return new Expr.Literal(string());
    }
    if (Character.isDigit(c) || (c == '-' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
      return new Expr.Literal(number());
    }
    if (Character.isJavaIdentifierStart(c) && c != '\\') {
      String name = identifier();
      switch (name) {
        case "true": return new Expr.Literal(Boolean.TRUE);
        case "false": return new Expr.Literal(Boolean.FALSE);
        case "null": return new Expr.Literal(null);
        default:
          if (RESERVED.contains(name)) {
            throw new NotSimple();
          }
          return new Expr.Path(name, segments());
      }
    }
    throw new NotSimple();
  }

  private List<Object> segments() {
    List<Object> segments = new ArrayList<>();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '.' && pos + 1 < src.length() && Character.isJavaIdentifierStart(src.charAt(pos + 1))) {
        pos++;
        segments.add(identifier());
      } else if (c == '[') {
        pos++;
        skipSpace();
        char k = pos < src.length() ? src.charAt(pos) : 0;
        if (k == '\'' || k == '"') {
          segments.add(string());
        } else if (Character.isDigit(k)) {
          segments.add(number());
        } else {
          throw new NotSimple();
        }
        expect(']');
      } else {
        break;
      }
    }
    // a call such as a.b() or a template such as a`x` is JavaScript proper
    skipSpace();
    if (pos < src.length() && (src.charAt(pos) == '(' || src.charAt(pos) == '`')) {
      throw new NotSimple();
    }
    return segments;
  }

  private String identifier() {
    int start = pos;
    while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos)) && src.charAt(pos) != '\\') {
      pos++;
    }
    return src.substring(start, pos);
  }

  private Double number() {
    int start = pos;
    if (src.charAt(pos) == '-') {
      pos++;
    }
    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
      throw new NotSimple(); // 1e3, 0x10, 10n: leave to JavaScript
    }
    String text = src.substring(start, pos);
    if ((text.startsWith("0") && text.length() > 1 && text.charAt(1) != '.') || text.startsWith("-0") && text.length() > 2 && text.charAt(2) != '.') {
      throw new NotSimple(); // legacy octal
    }
    try {
      return Double.valueOf(text);
    } catch (NumberFormatException e) {
      throw new NotSimple();
    }
  }

  private String string() {
    char quote = src.charAt(pos++);
    StringBuilder out = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == quote) {
        return out.toString();
      }
      if (c == '\\' || c == '\n' || c == '\r') {
        throw new NotSimple(); // escapes follow JavaScript's rules: let it parse them
      }
      out.append(c);
    }
    throw new NotSimple();
  }

  private void expect(char c) {
    skipSpace();
    if (!peek(c)) {
      throw new NotSimple();
    }
    pos++;
  }

  private boolean consume(String symbol) {
    skipSpace();
    if (src.startsWith(symbol, pos)) {
      // "=" alone or "=>" is not a comparison
      int end = pos + symbol.length();
      if (end < src.length() && (src.charAt(end) == '=' || src.charAt(end) == '>') && symbol.endsWith("=")) {
        return false;
      }
      pos = end;
      return true;
    }
    return false;
  }

  private boolean peek(char c) {
    return pos < src.length() && src.charAt(pos) == c;
  }

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private static final class NotSimple extends RuntimeException {
    NotSimple() {
      super(null, null, false, false);
    }
  }
}
