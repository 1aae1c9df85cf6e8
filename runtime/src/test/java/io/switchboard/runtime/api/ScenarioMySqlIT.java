package io.switchboard.runtime.api;

import io.switchboard.runtime.store.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The five scenarios again, with the application on MySQL (MariaDB on CI's machine). Skipped, and
 * reported as skipped, when no MySQL-compatible server answers on 127.0.0.1:3306.
 */
@EnabledIf(value = "io.switchboard.runtime.store.TestDatabases#mysqlReachable",
    disabledReason = "no MySQL-compatible server on 127.0.0.1:3306: MySQL scenario tests skipped")
class ScenarioMySqlIT extends ScenarioIT {
  private static final String DATABASE = "switchboard_scenarios_" + UUID.randomUUID().toString().substring(0, 8);

  @DynamicPropertySource
  static void mysql(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> {
      String server = "jdbc:mysql://" + TestDatabases.MYSQL_HOST + ":" + TestDatabases.MYSQL_PORT + "/";
      try (Connection c = DriverManager.getConnection(server, "root", ""); Statement s = c.createStatement()) {
        // the application context outlives this class (Spring caches it), so the database of an
        // earlier run is dropped here rather than after the tests
        List<String> stale = new ArrayList<>();
        try (ResultSet names = s.executeQuery("SHOW DATABASES LIKE 'switchboard\\_scenarios\\_%'")) {
          while (names.next()) {
            stale.add(names.getString(1));
          }
        }
        for (String name : stale) {
          s.execute("DROP DATABASE " + name);
        }
        s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return server + DATABASE;
    });
    registry.add("spring.datasource.username", () -> "root");
    registry.add("spring.datasource.password", () -> "");
  }

}
