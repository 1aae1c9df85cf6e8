package io.switchboard.runtime.service;

import io.switchboard.runtime.model.AllowEntry;
import io.switchboard.runtime.connector.OutboundGuard;
import io.switchboard.runtime.store.OutboundAllowRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hosts data steps may call although they are loopback, private or link-local: those from
 * {@code switchboard.http.allowed-hosts}, fixed at start-up, and those an admin adds, stored and
 * applied at once.
 */
public final class OutboundAllowList {
  private final OutboundAllowRepository repository;
  private final OutboundGuard guard;

  public OutboundAllowList(OutboundAllowRepository repository, OutboundGuard guard) {
    this.repository = repository;
    this.guard = guard;
  }

  /** One entry and where it comes from: {@code configuration} or {@code admin}. */
  public record Entry(String entry, String source, Long addedAt, String addedBy) {}

  /** Applies the stored entries to the guard. */
  public void load() {
    guard.allowAlso(repository.all().stream().map(AllowEntry::entry).toList());
  }

  public List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    guard.configured().forEach(e -> entries.add(new Entry(e, "configuration", null, null)));
    repository.all().forEach(e -> entries.add(new Entry(e.entry(), "admin", e.addedAt(), e.addedBy())));
    return entries;
  }

  /**
   * @throws BadRequestException when the entry is neither a host name, an address nor a CIDR range
   */
  public Entry add(String raw, String user) {
    String entry = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    try {
      OutboundGuard.requireValidEntry(entry);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    repository.add(entry, user);
    load();
    return entries().stream().filter(e -> e.entry().equals(entry) && e.source().equals("admin")).findFirst().orElseThrow();
  }

  /**
   * @throws BadRequestException for an entry from configuration, which only configuration can remove
   * @throws NotFoundException when there is no such entry
   */
  public void remove(String raw) {
    String entry = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    if (!repository.remove(entry)) {
      if (guard.configured().stream().anyMatch(c -> c.strip().equalsIgnoreCase(entry))) {
        throw new BadRequestException("'" + entry + "' comes from switchboard.http.allowed-hosts; remove it there");
      }
      throw new NotFoundException("'" + entry + "' is not on the allow-list");
    }
    load();
  }
}
