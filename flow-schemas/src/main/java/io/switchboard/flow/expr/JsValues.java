package io.switchboard.flow.expr;

import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** JavaScript's rules for truthiness, equality, ordering and member access over JSON-like values. */
public final class JsValues {
  /** Stands for JavaScript's {@code undefined}: a missing property. */
  public static final Object UNDEFINED = new Object() {
    @Override
    public String toString() {
      return "undefined";
    }
  };

  private JsValues() {}

  public static boolean truthy(Object v) {
    if (v == null || v == UNDEFINED) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    return true;
  }

  static Object member(Object target, Object key, String description) {
    if (target == null || target == UNDEFINED) {
      throw new ExpressionException("Cannot read '" + key + "' of " + description + ", which is " + target);
    }
    if (target instanceof Map<?, ?> map) {
      String name = String.valueOf(key instanceof Double d && d == Math.rint(d) ? (Object) d.longValue() : key);
      return map.containsKey(name) ? map.get(name) : UNDEFINED;
    }
    if (target instanceof List<?> list) {
      if ("length".equals(key)) {
        return (double) list.size();
      }
      Integer index = index(key);
      return index != null && index >= 0 && index < list.size() ? list.get(index) : UNDEFINED;
    }
    if (target instanceof String s) {
      if ("length".equals(key)) {
        return (double) s.length();
      }
      Integer index = index(key);
      return index != null && index >= 0 && index < s.length() ? String.valueOf(s.charAt(index)) : UNDEFINED;
    }
    return UNDEFINED;
  }

  private static Integer index(Object key) {
    if (key instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    if (key instanceof String s && !s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 10) {
      return Integer.parseInt(s);
    }
    return null;
  }

  public static boolean strictEquals(Object l, Object r) {
    if (l instanceof Number a && r instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    if (l == null || r == null || l == UNDEFINED || r == UNDEFINED) {
      return l == r;
    }
    if (l instanceof String || l instanceof Boolean) {
      return l.equals(r);
    }
    return l == r;
  }

  public static boolean looseEquals(Object l, Object r) {
    boolean lNullish = l == null || l == UNDEFINED;
    boolean rNullish = r == null || r == UNDEFINED;
    if (lNullish || rNullish) {
      return lNullish && rNullish;
    }
    if (l.getClass() == r.getClass() || (l instanceof Number && r instanceof Number)) {
      return strictEquals(l, r);
    }
    if (isPrimitive(l) && isPrimitive(r)) {
      return toNumber(l) == toNumber(r);
    }
    return false;
  }

  static boolean compare(Object l, Object r, IntPredicate test) {
    if (l instanceof String a && r instanceof String b) {
      return test.test(a.compareTo(b));
    }
    double a = toNumber(l);
    double b = toNumber(r);
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return false;
    }
    return test.test(Double.compare(a, b) == 0 ? 0 : (a < b ? -1 : 1));
  }

  private static boolean isPrimitive(Object v) {
    return v instanceof String || v instanceof Number || v instanceof Boolean;
  }

  public static double toNumber(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      String t = s.strip();
      if (t.isEmpty()) {
        return 0;
      }
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** JavaScript's {@code String(v)} for JSON-like values, as used by templates. */
  public static String toText(Object v) {
    if (v == null) {
      return "";
    }
    if (v == UNDEFINED) {
      return "";
    }
    if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(v);
  }
}
