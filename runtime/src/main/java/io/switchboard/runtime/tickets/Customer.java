package io.switchboard.runtime.tickets;

import java.util.List;

/** Someone who contacts us, recognised by any of their e-mail addresses or phone numbers. */
public record Customer(String id, String name, List<String> emails, List<String> phones) {
  public Customer {
    emails = emails == null ? List.of() : List.copyOf(emails);
    phones = phones == null ? List.of() : List.copyOf(phones);
  }

  /** The name when known, else the first address or number. */
  public String displayName() {
    if (name != null && !name.isBlank()) {
      return name;
    }
    return !emails.isEmpty() ? emails.getFirst() : phones.isEmpty() ? "unknown" : phones.getFirst();
  }
}
