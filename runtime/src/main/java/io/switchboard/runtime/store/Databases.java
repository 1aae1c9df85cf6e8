package io.switchboard.runtime.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * Builds the jOOQ context the stores use. Names are rendered unquoted and without schema so that
 * the same generated code addresses H2 (which upper-cases unquoted names) and MySQL alike.
 */
public final class Databases {
  private Databases() {}

  public static DSLContext dsl(DataSource dataSource) {
    SQLDialect dialect;
    try (Connection connection = dataSource.getConnection()) {
      dialect = JDBCUtils.dialect(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
    }
    Settings settings = new Settings()
        .withRenderQuotedNames(RenderQuotedNames.NEVER)
        .withRenderSchema(false)
        .withExecuteLogging(false);
    return DSL.using(new DefaultConfiguration()
        .set(new DataSourceConnectionProvider(dataSource))
        .set(dialect)
        .set(settings));
  }

  /**
   * Whether the database rolled the transaction back by itself (a deadlock's victim, a serialization
   * failure): the work did not happen and may be tried again.
   */
  public static boolean isRollback(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLTransactionRollbackException
          || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40"))) {
        return true;
      }
    }
    return false;
  }

  /** Applies the Flyway migrations (the same scripts on every database). */
  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }
}
