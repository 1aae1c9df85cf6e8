package io.switchboard.runtime.desk;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.store.TestDatabases;

/** Runs a desk benchmark on each store named in {@code -Dbench.stores} (h2, mysql), each on a fresh database. */
public final class BenchStores {
  private BenchStores() {}

  @FunctionalInterface
  public interface Run {
    void on(String store, HikariDataSource dataSource) throws Exception;
  }

  public static void each(Run run) throws Exception {
    for (String store : System.getProperty("bench.stores", "h2").split(",")) {
      if (store.equals("mysql") && !TestDatabases.mysqlReachable()) {
        System.out.println("mysql: skipped, nothing answers on 127.0.0.1:3306");
        continue;
      }
      if (!store.equals("h2") && !store.equals("mysql")) {
        continue; // the engine benchmark's other stores mean nothing here
      }
      HikariDataSource dataSource = store.equals("h2") ? TestDatabases.h2() : TestDatabases.mysql();
      dataSource.setMaximumPoolSize(8);
      try {
        run.on(store, dataSource);
      } finally {
        TestDatabases.dispose(dataSource);
      }
    }
  }
}
