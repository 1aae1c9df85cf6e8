package io.switchboard.designer.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a user or an API key may do. Spring Security sees them as ROLE_DESIGNER and so on. */
public enum Role {
  designer("Flow designer"), agent("Agent"), integrator("Integrator"), supervisor("Supervisor"), admin("Administrator");

  public static final String DESIGNER = "DESIGNER";
  public static final String AGENT = "AGENT";
  public static final String INTEGRATOR = "INTEGRATOR";
  public static final String SUPERVISOR = "SUPERVISOR";
  public static final String ADMIN = "ADMIN";

  private final String label;

  Role(String label) {
    this.label = label;
  }

  /** The name a person reads on screen ("Flow designer"); the enum name stays the key the API and database use. */
  public String label() {
    return label;
  }

  public String authority() {
    return "ROLE_" + name().toUpperCase();
  }

  public static Optional<Role> of(String name) {
    return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
  }

  /** Stored role keys as a person reads them, in the enum's order: "Flow designer, Agent"; unknown keys as they are. */
  public static String labels(Collection<String> keys) {
    String known = Arrays.stream(values()).filter(r -> keys.contains(r.name())).map(Role::label)
        .collect(Collectors.joining(", "));
    String unknown = keys.stream().filter(k -> of(k).isEmpty()).collect(Collectors.joining(", "));
    return known.isEmpty() || unknown.isEmpty() ? known + unknown : known + ", " + unknown;
  }
}
