package io.switchboard.runtime.connector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret this process holds, in every form it takes in a request, so that the logging layer
 * can blank them out of any log line whatever logged it (a framework's debug output, an exception
 * message). Steps register theirs when built; OAuth2 tokens as they are fetched (the last 1,000).
 * A secret on its way in, in a JSON field a step definition keeps secrets in ({@code value},
 * {@code password}, {@code clientSecret}), is blanked out by its field name before it is known.
 */
public final class KnownSecrets {
  private static final int MAX_TOKENS = 1000;
  private static final Map<String, Set<String>> BY_STEP = new ConcurrentHashMap<>();
  private static final Set<String> TOKENS = new LinkedHashSet<>();
  private static volatile Redactor redactor = Redactor.NONE;

  private KnownSecrets() {}

  /** Adds a step's secret forms; those it had before stay known too, as they may still be in flight. */
  public static void remember(String stepId, List<String> forms) {
    if (forms.isEmpty()) {
      return;
    }
    BY_STEP.computeIfAbsent(stepId, k -> ConcurrentHashMap.newKeySet()).addAll(forms);
    rebuild();
  }

  public static void rememberToken(String token) {
    synchronized (TOKENS) {
      TOKENS.add(token);
      if (TOKENS.size() > MAX_TOKENS) {
        TOKENS.remove(TOKENS.iterator().next());
      }
    }
    rebuild();
  }

  /** Forgets a deleted step's secrets. */
  public static void forget(String stepId) {
    if (BY_STEP.remove(stepId) != null) {
      rebuild();
    }
  }

  private static final java.util.regex.Pattern SECRET_FIELD = java.util.regex.Pattern.compile(
      "(\\\\?\"(?:" + String.join("|", StepAuth.Definition.SECRET_FIELDS) + ")\\\\?\"\\s*[:=]\\s*\\\\?\")[^\"\\\\]*");

  public static String redact(String text) {
    String known = redactor.redact(text);
    return known == null || known.indexOf('"') < 0 ? known : SECRET_FIELD.matcher(known).replaceAll("$1" + Redactor.MASK);
  }

  private static synchronized void rebuild() {
    List<String> all = new ArrayList<>();
    BY_STEP.values().forEach(all::addAll);
    synchronized (TOKENS) {
      all.addAll(TOKENS);
    }
    redactor = new Redactor(all);
  }
}
