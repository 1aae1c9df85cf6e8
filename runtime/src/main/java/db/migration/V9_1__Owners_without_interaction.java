package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * An outbox message or an alert may now belong to a thread rather than an interaction (a reply written
 * from the thread screen, an SLA breach): their interaction columns become optional. H2 and MySQL
 * spell that differently, so this one migration is Java.
 */
public class V9_1__Owners_without_interaction extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    boolean mysql = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase().matches(".*(mysql|mariadb).*");
    String[][] columns = {{"outbox", "interaction_id", "CHAR(36)"}, {"outbox", "step_seq", "INT"},
        {"alert", "interaction_id", "CHAR(36)"}, {"alert", "flow_id", "VARCHAR(64)"}, {"alert", "node_id", "VARCHAR(64)"}};
    try (Statement statement = context.getConnection().createStatement()) {
      for (String[] c : columns) {
        statement.execute(mysql
            ? "ALTER TABLE " + c[0] + " MODIFY " + c[1] + " " + c[2] + " NULL"
            : "ALTER TABLE " + c[0] + " ALTER COLUMN " + c[1] + " SET NULL");
      }
    }
  }
}
