package io.switchboard.runtime.api;

import io.switchboard.runtime.store.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The five scenarios again, with the application on MySQL (MariaDB on CI's machine), in a database
 * of its own that is dropped at the end. Skipped, and reported as skipped, when no MySQL-compatible
 * server answers on 127.0.0.1:3306.
 */
@EnabledIf(value = "io.switchboard.runtime.store.TestDatabases#mysqlReachable",
    disabledReason = "no MySQL-compatible server on 127.0.0.1:3306: MySQL scenario tests skipped")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestExecutionListeners(listeners = ScenarioMySqlIT.DropTheDatabase.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ScenarioMySqlIT extends ScenarioIT {
  private static String url;

  @DynamicPropertySource
  static void mysql(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> {
      if (url == null) {
        url = TestDatabases.createMysqlDatabase("switchboard_scenarios");
      }
      return url;
    });
    registry.add("spring.datasource.username", () -> "root");
    registry.add("spring.datasource.password", () -> "");
  }

  /**
   * Drops the database after the application is closed: listeners finish a test class in reverse
   * order, so this one, first in order, runs after {@code @DirtiesContext} has closed the context and
   * no pooled connection or background round holds the database any more.
   */
  public static final class DropTheDatabase implements TestExecutionListener, Ordered {
    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void afterTestClass(TestContext testContext) {
      if (url != null) {
        TestDatabases.dropMysqlDatabase(url);
      }
    }
  }
}
