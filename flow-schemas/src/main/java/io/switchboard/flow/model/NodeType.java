package io.switchboard.flow.model;

import io.switchboard.flow.model.config.BranchConfig;
import io.switchboard.flow.model.config.EmailConfig;
import io.switchboard.flow.model.config.EndConfig;
import io.switchboard.flow.model.config.EscalateConfig;
import io.switchboard.flow.model.config.FetchConfig;
import io.switchboard.flow.model.config.KnowledgeConfig;
import io.switchboard.flow.model.config.ForwardConfig;
import io.switchboard.flow.model.config.ReplyConfig;
import io.switchboard.flow.model.config.RouteConfig;
import io.switchboard.flow.model.config.ScriptConfig;
import io.switchboard.flow.model.config.SetConfig;
import io.switchboard.flow.model.config.TicketConfig;
import io.switchboard.flow.model.config.TriggerConfig;
import io.switchboard.flow.model.config.WaitConfig;
import java.util.Arrays;
import java.util.Optional;

/**
 * The node types the runtime knows. Each has a schema file {@code schemas/nodes/<id>.schema.json}
 * (the source of truth for its config and ports) and a config record that mirrors it.
 */
public enum NodeType {
  TRIGGER("trigger", TriggerConfig.class),
  SET("set", SetConfig.class),
  FETCH("fetch", FetchConfig.class),
  KNOWLEDGE("knowledge", KnowledgeConfig.class),
  BRANCH("branch", BranchConfig.class),
  FORWARD("forward", ForwardConfig.class),
  ROUTE("route", RouteConfig.class),
  EMAIL("email", EmailConfig.class),
  REPLY("reply", ReplyConfig.class),
  ESCALATE("escalate", EscalateConfig.class),
  SCRIPT("script", ScriptConfig.class),
  TICKET("ticket", TicketConfig.class),
  WAIT("wait", WaitConfig.class),
  END("end", EndConfig.class);

  private final String id;
  private final Class<? extends Record> configType;

  NodeType(String id, Class<? extends Record> configType) {
    this.id = id;
    this.configType = configType;
  }

  public String id() {
    return id;
  }

  public Class<? extends Record> configType() {
    return configType;
  }

  public static Optional<NodeType> fromId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }
}
