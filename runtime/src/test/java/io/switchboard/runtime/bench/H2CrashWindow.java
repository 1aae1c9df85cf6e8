package io.switchboard.runtime.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * How many acknowledged commits H2 loses on kill -9: a child process commits rows as fast as it
 * can and reports each commit once it returned; the parent kills it with SIGKILL, reopens the file
 * and counts the reported commits that are not there.
 */
final class H2CrashWindow {
  private H2CrashWindow() {}

  /** The child: commit forever, print each id after its commit returned. */
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
      c.createStatement().execute("CREATE TABLE IF NOT EXISTS t (id BIGINT PRIMARY KEY, v VARCHAR(100))");
      c.setAutoCommit(false);
      PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, 'acknowledged')");
      for (long id = 1; ; id++) {
        insert.setLong(1, id);
        insert.executeUpdate();
        c.commit();
        System.out.println(id);
      }
    }
  }

  /** Kills a committing child after {@code runMillis} and returns "acknowledged / lost" for the URL options. */
  static String measure(Path dir, String options, long runMillis) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("crash-" + System.nanoTime()));
    String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("db") + options;
    Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), H2CrashWindow.class.getName(), url)).redirectErrorStream(true).start();
    long acknowledged = 0;
    long deadline = System.currentTimeMillis() + runMillis;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.chars().allMatch(Character::isDigit) && !line.isEmpty()) {
          acknowledged = Long.parseLong(line);
        }
        if (System.currentTimeMillis() >= deadline && acknowledged > 0) {
          child.destroyForcibly();
          break;
        }
      }
    }
    child.waitFor();
    long present;
    try (Connection c = DriverManager.getConnection(url, "sa", "");
         ResultSet rows = c.createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) FROM t")) {
      rows.next();
      present = rows.getLong(1);
    }
    return String.format("%,d commits acknowledged before kill -9, %,d lost", acknowledged, Math.max(0, acknowledged - present));
  }
}
