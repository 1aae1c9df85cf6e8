package io.switchboard.designer.knowledge;

import java.util.Locale;

/** Language codes as people read them ("en" → "English"). */
final class Languages {
  private Languages() {}

  static String name(String code) {
    if (code == null || code.isBlank()) {
      return "any language";
    }
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isBlank() ? code : name;
  }
}
