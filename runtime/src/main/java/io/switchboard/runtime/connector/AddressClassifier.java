package io.switchboard.runtime.connector;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Tells whether an address is one outbound requests must not reach unless allow-listed: loopback,
 * private (RFC 1918, shared CGNAT space, IPv6 unique-local), link-local (which holds the cloud
 * metadata address 169.254.169.254), unspecified and multicast addresses, also when written as an
 * IPv4-mapped IPv6 address or in the decimal, octal or hexadecimal spellings URL parsers accept.
 */
public final class AddressClassifier {
  private AddressClassifier() {}

  /** Why the address is not public, or empty when it is. */
  public static Optional<String> restricted(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      if (isMappedV4(b)) {
        return restricted(v4(b[12], b[13], b[14], b[15]));
      }
      if ((b[0] & 0xfe) == 0xfc) {
        return Optional.of("a private (unique-local) address");
      }
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("a loopback address");
    }
    if (address.isAnyLocalAddress()) {
      return Optional.of("the unspecified address");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("a link-local address (this includes cloud metadata services)");
    }
    if (address.isSiteLocalAddress()) {
      return Optional.of("a private address");
    }
    if (address.isMulticastAddress()) {
      return Optional.of("a multicast address");
    }
    if (address instanceof Inet4Address) {
      byte[] b = address.getAddress();
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 100 && second >= 64 && second <= 127) {
        return Optional.of("a private (shared address space) address");
      }
      if (first == 0) {
        return Optional.of("an address of this network (0.0.0.0/8)");
      }
    }
    return Optional.empty();
  }

  /**
   * Reads a host written as an IPv4 address in any spelling the classic {@code inet_aton} accepts:
   * {@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 127.1}. Empty for anything else.
   */
  public static Optional<InetAddress> looseIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length == 0 || parts.length > 4) {
      return Optional.empty();
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Long value = number(parts[i]);
      if (value == null) {
        return Optional.empty();
      }
      values[i] = value;
    }
    long address = 0;
    int last = parts.length - 1;
    for (int i = 0; i < last; i++) {
      if (values[i] > 255) {
        return Optional.empty();
      }
      address |= values[i] << (24 - 8 * i);
    }
    long lastMax = (1L << (8 * (4 - last))) - 1;
    if (values[last] > lastMax) {
      return Optional.empty();
    }
    address |= values[last];
    return Optional.of(v4((byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address));
  }

  private static Long number(String text) {
    try {
      if (text.isEmpty()) {
        return null;
      }
      if (text.startsWith("0x") || text.startsWith("0X")) {
        return text.length() == 2 ? 0L : Long.parseLong(text.substring(2), 16);
      }
      if (text.length() > 1 && text.startsWith("0")) {
        return Long.parseLong(text.substring(1), 8);
      }
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isMappedV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private static InetAddress v4(byte a, byte b, byte c, byte d) {
    try {
      return InetAddress.getByAddress(new byte[] {a, b, c, d});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
