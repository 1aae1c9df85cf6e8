package io.switchboard.runtime.service;

/** What a trigger's address is called on each channel, for sentences a person reads. */
final class AddressWords {
  private AddressWords() {}

  static String of(String channel) {
    return switch (channel) {
      case "voice", "message" -> "number";
      case "email" -> "address";
      case "webhook" -> "path";
      case "call-list" -> "call list";
      case "sla" -> "queue";
      default -> "address";
    };
  }
}
