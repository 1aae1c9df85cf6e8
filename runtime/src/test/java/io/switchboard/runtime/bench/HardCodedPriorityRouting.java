package io.switchboard.runtime.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.connector.DataStep;
import io.switchboard.runtime.connector.HttpCall;
import io.switchboard.runtime.connector.HttpFetcher;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The priority-routing flow written by hand: the floor Switchboard is measured against. It uses the
 * same data step or the same HTTP client, and writes the same rows (an interaction and its four
 * steps) in one JDBC transaction.
 */
final class HardCodedPriorityRouting {
  private final String url;
  private final DataStep inProcess;
  private final HttpFetcher http;
  private final HikariDataSource dataSource;
  private final Map<String, String> memory = new ConcurrentHashMap<>();

  HardCodedPriorityRouting(String url, DataStep inProcess, HttpFetcher http, HikariDataSource dataSource) {
    this.url = url;
    this.inProcess = inProcess;
    this.http = http;
    this.dataSource = dataSource;
  }

  void handle(String id, String phone) throws Exception {
    long started = System.currentTimeMillis();
    Object answer = url == null
        ? inProcess.call(Map.of("phone", phone))
        : http.fetch("crm", new HttpCall("GET", URI.create(url + "?phone=" + phone.replace("+", "%2B")), Map.of(), null,
            Duration.ofSeconds(5)));
    String loyalty = (String) ((Map<?, ?>) ((io.switchboard.runtime.failure.Result<?>) answer).value()).get("loyalty");
    String target = "gold".equals(loyalty) || "platinum".equals(loyalty) ? "sip:vip@pbx.example.com" : "regular";
    if (dataSource == null) {
      memory.put(id, target);
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement interaction = c.prepareStatement("INSERT INTO interaction (id, flow_id, flow_version, channel, "
          + "status, current_node, variables, trigger_data, instruction, outcome, step_count, revision, created_at, updated_at) "
          + "VALUES (?, 'priority-routing', 1, 'voice', 'completed', 'n4', ?, ?, ?, ?, 4, 1, ?, ?)");
           PreparedStatement steps = c.prepareStatement("INSERT INTO interaction_step (interaction_id, seq, node_id, node_type, "
               + "port, started_at, duration_ns, changes) VALUES (?, ?, ?, ?, ?, ?, 0, ?)")) {
        interaction.setString(1, id);
        interaction.setString(2, FlowJson.compact(Map.of("loyalty", loyalty)));
        interaction.setString(3, FlowJson.compact(Map.of("from", phone)));
        interaction.setString(4, target);
        interaction.setString(5, "forwarded to " + target);
        interaction.setLong(6, started);
        interaction.setLong(7, started);
        interaction.executeUpdate();
        String[][] log = {{"n1", "trigger", "next", null}, {"n2", "fetch", "ok", FlowJson.compact(Map.of("loyalty", loyalty))},
            {"n3", "branch", target.startsWith("sip") ? "vip" : "else", null}, {"n4", "forward", "connected", null}};
        for (int i = 0; i < log.length; i++) {
          steps.setString(1, id);
          steps.setInt(2, i + 1);
          steps.setString(3, log[i][0]);
          steps.setString(4, log[i][1]);
          steps.setString(5, log[i][2]);
          steps.setLong(6, started * 1000);
          steps.setString(7, log[i][3]);
          steps.addBatch();
        }
        steps.executeBatch();
      }
      c.commit();
    }
  }

  void clear() {
    memory.clear();
  }
}
