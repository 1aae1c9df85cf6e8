package io.switchboard.runtime.connector;

import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Failure.Code;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses outbound requests to loopback, private, link-local and metadata addresses unless an admin
 * allow-listed the host: by name, by address, or by CIDR range ({@code switchboard.http.allowed-hosts}).
 * The check runs on every address the host name resolves to, and again for every redirect. Entries
 * an admin adds at run time ({@link #allowAlso}) come on top of the configured ones.
 */
public final class OutboundGuard {
  private final List<String> configured;
  private volatile Rules rules;

  private record Rules(List<String> names, List<Cidr> ranges) {}

  private record Cidr(byte[] network, int bits) {
    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * @param allowed host names, addresses or CIDR ranges, e.g. {@code crm.internal}, {@code 127.0.0.1},
   *     {@code 10.0.0.0/8}
   * @throws IllegalArgumentException naming an entry that is neither
   */
  public OutboundGuard(List<String> allowed) {
    this.configured = List.copyOf(allowed);
    this.rules = parse(configured);
  }

  /**
   * Replaces the entries added at run time.
   *
   * @throws IllegalArgumentException naming an entry that is neither a host name, an address nor a CIDR range
   */
  public void allowAlso(List<String> entries) {
    List<String> all = new ArrayList<>(configured);
    all.addAll(entries);
    this.rules = parse(all);
  }

  /** The configured entries (from {@code switchboard.http.allowed-hosts}). */
  public List<String> configured() {
    return configured;
  }

  /**
   * Checks one entry as an admin typed it.
   *
   * @throws IllegalArgumentException saying why it is neither a host name, an address nor a CIDR range
   */
  public static void requireValidEntry(String entry) {
    if (entry == null || entry.isBlank()) {
      throw new IllegalArgumentException("an allow-list entry is a host name, an address or a CIDR range; it is empty");
    }
    parse(List.of(entry));
  }

  private static Rules parse(List<String> allowed) {
    List<String> names = new ArrayList<>();
    List<Cidr> ranges = new ArrayList<>();
    for (String raw : allowed) {
      String entry = raw.strip().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      String host = slash < 0 ? entry : entry.substring(0, slash);
      Optional<InetAddress> literal = literal(host);
      if (literal.isPresent()) {
        int max = literal.get().getAddress().length * 8;
        int bits;
        try {
          bits = slash < 0 ? max : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + raw + "' is not a valid CIDR range");
        }
        if (bits < 0 || bits > max) {
          throw new IllegalArgumentException("'" + raw + "' is not a valid CIDR range");
        }
        ranges.add(new Cidr(literal.get().getAddress(), bits));
      } else if (slash < 0 && host.matches("[a-z0-9.-]+")) {
        names.add(host);
      } else {
        throw new IllegalArgumentException("'" + raw + "' is neither a host name, an address nor a CIDR range");
      }
    }
    return new Rules(List.copyOf(names), List.copyOf(ranges));
  }

  /** A guard that allows nothing restricted. */
  public static OutboundGuard strict() {
    return new OutboundGuard(List.of());
  }

  public static OutboundGuard allowing(String... entries) {
    return new OutboundGuard(List.of(entries));
  }

  /**
   * The refusal when the URL's host is restricted and not allow-listed, or does not resolve; empty
   * when the call may go out.
   */
  public Optional<Failure> check(String stepName, URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return Optional.of(Failure.of(Code.invalid_request, stepName + ": the URL has no host"));
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host.toLowerCase(Locale.ROOT);
    Rules current = rules;
    if (current.names().contains(bare)) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    Optional<InetAddress> loose = AddressClassifier.looseIpv4(bare);
    try {
      addresses = loose.isPresent() ? new InetAddress[] {loose.get()} : InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      return Optional.of(Failure.retryable(Code.connection, stepName + ": the host " + bare + " does not resolve"));
    }
    for (InetAddress address : addresses) {
      Optional<String> why = AddressClassifier.restricted(address);
      if (why.isPresent() && current.ranges().stream().noneMatch(r -> r.contains(address))) {
        return Optional.of(Failure.of(Code.refused_by_guard, stepName + ": refused to call " + bare + ", which is "
            + why.get() + " (" + address.getHostAddress()
            + "); an admin can allow-list it (Administration, or switchboard.http.allowed-hosts)"));
      }
    }
    return Optional.empty();
  }

  private static Optional<InetAddress> literal(String host) {
    if (host.contains(":")) {
      try {
        return Optional.of(InetAddress.getByName(host));
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return AddressClassifier.looseIpv4(host);
    }
    return Optional.empty();
  }
}
