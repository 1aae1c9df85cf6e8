package io.switchboard.designer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The example flows shipped by flow-schemas. */
final class Examples {
  private Examples() {}

  static String priorityRouting() {
    return read("priority-routing");
  }

  static String read(String id) {
    try (InputStream in = Examples.class.getClassLoader().getResourceAsStream("examples/" + id + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
