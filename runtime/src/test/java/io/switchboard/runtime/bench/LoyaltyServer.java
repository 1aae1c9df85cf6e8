package io.switchboard.runtime.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** The CRM the priority-routing flow asks: a JDK HTTP server on 127.0.0.1 answering a loyalty tier. */
final class LoyaltyServer implements AutoCloseable {
  private static final byte[] GOLD = "{\"loyalty\":\"gold\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SILVER = "{\"loyalty\":\"silver\"}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;

  LoyaltyServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/customers", exchange -> {
      byte[] body = exchange.getRequestURI().getRawQuery().endsWith("1") ? GOLD : SILVER;
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/customers";
  }

  static String tier(String phone) {
    return phone.endsWith("1") ? "gold" : "silver";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
