package io.switchboard.designer.flows;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** Makes a flow id (a lower-case slug, never changed afterwards) from a name. */
final class FlowIds {
  private FlowIds() {}

  static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ł", "l").replace("Ł", "L");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    slug = slug.isEmpty() ? "flow" : slug;
    return slug.length() > 56 ? slug.substring(0, 56).replaceAll("-+$", "") : slug;
  }

  /** The slug of the name, with -2, -3 … added while it is taken. */
  static String fresh(String name, Predicate<String> taken) {
    String base = slug(name);
    String id = base;
    for (int n = 2; taken.test(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }
}
