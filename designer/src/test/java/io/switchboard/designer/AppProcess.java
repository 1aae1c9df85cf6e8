package io.switchboard.designer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The application as a separate JVM process, so that a test can kill it with SIGKILL. */
final class AppProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private AppProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Starts the application with these extra properties and waits until it answers. */
  static AppProcess start(Path workDir, Path log, String... properties) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        SwitchboardApplication.class.getName(),
        "--server.port=" + port, "--server.address=127.0.0.1"));
    for (String property : properties) {
      command.add("--" + property);
    }
    Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    AppProcess app = new AppProcess(process, port);
    app.awaitReady();
    return app;
  }

  private void awaitReady() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url("/api/docs"))).build(),
            HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the application did not answer within 60 s");
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** kill -9: no shutdown hook, no flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }
}
