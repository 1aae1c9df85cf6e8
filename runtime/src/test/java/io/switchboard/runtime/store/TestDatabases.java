package io.switchboard.runtime.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The databases the store tests run on: H2 (always) and MySQL when a MySQL-compatible server answers
 * on 127.0.0.1:3306 (user root, empty password, as on CI's machine). Each call makes a fresh,
 * migrated database.
 */
public final class TestDatabases {
  public static final String MYSQL_HOST = "127.0.0.1";
  public static final int MYSQL_PORT = 3306;

  private TestDatabases() {}

  /** A named database factory, for parameterized tests. */
  public record Kind(String name, Supplier<HikariDataSource> create) {
    @Override
    public String toString() {
      return name;
    }
  }

  public static List<Kind> all() {
    return List.of(new Kind("H2", TestDatabases::h2), new Kind("MySQL", TestDatabases::mysql));
  }

  public static boolean mysqlReachable() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(MYSQL_HOST, MYSQL_PORT), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static HikariDataSource h2() {
    HikariDataSource ds = pool("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
    Databases.migrate(ds);
    return ds;
  }

  /** A fresh utf8mb4 database on the local MySQL server; the caller checks {@link #mysqlReachable()} first. */
  public static HikariDataSource mysql() {
    HikariDataSource ds = pool(createMysqlDatabase("switchboard_test"), "root");
    Databases.migrate(ds);
    return ds;
  }

  /**
   * Creates an empty utf8mb4 database whose name is {@code prefix} and a random suffix, unique to
   * this run, so that two builds on one server never share a database or drop each other's.
   *
   * @return its JDBC URL, for {@link #dropMysqlDatabase}
   */
  public static String createMysqlDatabase(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String server = "jdbc:mysql://" + MYSQL_HOST + ":" + MYSQL_PORT + "/";
    try (Connection c = DriverManager.getConnection(server, "root", ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + server + ": " + e.getMessage(), e);
    }
    return server + name;
  }

  /** Drops a database made by {@link #createMysqlDatabase}; close every pool on it first. */
  public static void dropMysqlDatabase(String url) {
    String server = url.substring(0, url.lastIndexOf('/') + 1);
    try (Connection c = DriverManager.getConnection(server, "root", ""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Drops a MySQL test database made by {@link #mysql()}; H2 in-memory databases just go away. */
  public static void dispose(HikariDataSource ds) {
    String url = ds.getJdbcUrl();
    ds.close();
    if (url.startsWith("jdbc:mysql:")) {
      dropMysqlDatabase(url);
    }
  }

  private static HikariDataSource pool(String url, String user) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    ds.setUsername(user);
    ds.setPassword("");
    ds.setMaximumPoolSize(4);
    return ds;
  }
}
