package io.switchboard.designer.flows.properties;

/** JSON pointer segments (RFC 6901): a name with / or ~ in it is one segment. */
final class Pointers {
  private Pointers() {}

  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }

  /** The first segment of a pointer such as {@code /target/kind}: {@code target}; null for "". */
  static String head(String pointer) {
    if (pointer.isEmpty()) {
      return null;
    }
    int next = pointer.indexOf('/', 1);
    return unescape(next < 0 ? pointer.substring(1) : pointer.substring(1, next));
  }

  /** The pointer below the first segment: {@code /kind} for {@code /target/kind}. */
  static String rest(String pointer) {
    int next = pointer.indexOf('/', 1);
    return next < 0 ? "" : pointer.substring(next);
  }
}
