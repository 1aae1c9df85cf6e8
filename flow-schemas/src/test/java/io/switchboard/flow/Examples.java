package io.switchboard.flow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example flows of the five reference scenarios, read from the module's examples folder. */
public final class Examples {
  public static final Path FOLDER = Path.of("examples");

  private Examples() {}

  public static List<Path> all() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  public static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
