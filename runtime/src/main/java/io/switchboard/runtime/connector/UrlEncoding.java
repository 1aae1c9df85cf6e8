package io.switchboard.runtime.connector;

import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Failure.Code;
import io.switchboard.runtime.failure.Result;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How values go into request URLs. A value is percent-encoded as UTF-8 except for the unreserved
 * characters of RFC 3986, which is right for a path segment, a query name or value and a fragment
 * alike: nothing in it can end its part of the URL. A path may still not hold a {@code .} or
 * {@code ..} segment, since a server that resolves them would be asked for another resource.
 */
public final class UrlEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlEncoding() {}

  /** The value with every character but {@code A-Z a-z 0-9 - . _ ~} percent-encoded. */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * The rendered URL of a request as the URI to send, or why it is not sent: not a valid URL, not
   * http(s) with a host, or a path with a dot segment.
   *
   * @param shown how the URL appears in a message (e.g. with secrets redacted)
   * @param hint added to the message when the URL is not http(s), e.g. how to write a base URL
   */
  public static Result<URI> target(String stepName, String target, UnaryOperator<String> shown, String hint) {
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      return Result.err(Failure.of(Code.invalid_request, stepName + ": '" + shown.apply(target) + "' is not a valid URL"));
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      return Result.err(Failure.of(Code.invalid_request, stepName + ": '" + shown.apply(target)
          + "' is not an http or https URL" + hint));
    }
    Optional<String> dots = dotSegment(uri);
    if (dots.isPresent()) {
      return Result.err(Failure.of(Code.invalid_request, stepName + ": the path of '" + shown.apply(target) + "' has a '"
          + shown.apply(dots.get()) + "' segment, which could reach another resource than the one written; it is not sent"));
    }
    return Result.ok(uri);
  }

  /** The first {@code .} or {@code ..} segment of the URI's path, percent-encoded dots counted, if any. */
  public static Optional<String> dotSegment(URI uri) {
    String path = uri.getRawPath();
    if (path == null) {
      return Optional.empty();
    }
    for (String segment : path.split("/", -1)) {
      String plain = segment.toUpperCase(Locale.ROOT).replace("%2E", ".");
      if (plain.equals(".") || plain.equals("..")) {
        return Optional.of(segment);
      }
    }
    return Optional.empty();
  }
}
