package io.switchboard.runtime.service;

/** How refusals quote a value that may be huge: its start, enough to recognise it. */
final class Limits {
  private Limits() {}

  static String shown(String value) {
    if (value == null) {
      return "";
    }
    return value.length() <= 40 ? value : value.substring(0, 40) + "… (" + value.length() + " characters)";
  }
}
