package io.switchboard.designer.routing;

import io.switchboard.designer.security.UserAccounts;
import io.switchboard.runtime.desk.AgentStatus;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.routing.AgentProfile;
import io.switchboard.runtime.routing.RoutingService;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** What the routing pickers offer: the agents (users with the agent role and agents known at the desk) and skills in use. */
@Component
public class RoutingChoices {
  private final UserAccounts users;
  private final DeskService desk;
  private final RoutingService routing;

  public RoutingChoices(UserAccounts users, DeskService desk, RoutingService routing) {
    this.users = users;
    this.desk = desk;
    this.routing = routing;
  }

  /** Agents by name, sorted. */
  public List<String> agents() {
    return List.copyOf(new TreeSet<>(Stream.concat(users.agentNames().stream(),
        desk.agents().stream().map(AgentStatus::username)).toList()));
  }

  /** Every skill some agent's profile names, sorted. */
  public List<String> skillsInUse() {
    TreeSet<String> skills = new TreeSet<>();
    for (AgentProfile profile : routing.profiles().values()) {
      skills.addAll(profile.skills().keySet());
    }
    return List.copyOf(skills);
  }
}
