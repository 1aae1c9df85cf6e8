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

  /** Applies the Flyway migrations (the same scripts on every database). */
  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }
}
