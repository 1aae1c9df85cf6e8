package io.switchboard.designer.tickets;

import io.switchboard.designer.security.UserAccounts;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.QueueStats;
import io.switchboard.runtime.tickets.TicketService;
import io.switchboard.runtime.tickets.TicketStatus;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** What the ticket screens' pickers offer: queues by name, the people threads go to, statuses in order. */
@Component
public class TicketChoices {
  private final DeskService desk;
  private final UserAccounts users;
  private final TicketService tickets;
  private final Clock clock;

  public TicketChoices(DeskService desk, UserAccounts users, TicketService tickets, Clock clock) {
    this.desk = desk;
    this.users = users;
    this.tickets = tickets;
    this.clock = clock;
  }

  /** The time the services work with, so that "in 35 min" agrees with their deadlines. */
  public long now() {
    return clock.millis();
  }

  /** Queue ids with their names, sorted by name. */
  public Map<String, String> queues() {
    Map<String, String> queues = new LinkedHashMap<>();
    desk.queues().stream().map(QueueStats::queue).sorted(Comparator.comparing(q -> q.name().toLowerCase()))
        .forEach(q -> queues.put(q.id(), q.name()));
    return queues;
  }

  /** The users with the agent role, sorted. */
  public List<String> people() {
    return List.copyOf(new TreeSet<>(users.agentNames()));
  }

  /** The statuses in their order, by id. */
  public Map<String, TicketStatus> statuses() {
    Map<String, TicketStatus> statuses = new LinkedHashMap<>();
    tickets.statuses().stream().sorted(Comparator.comparingInt(TicketStatus::position))
        .forEach(s -> statuses.put(s.id(), s));
    return statuses;
  }
}
