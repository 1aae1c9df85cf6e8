package io.switchboard.designer.security;

import java.util.Arrays;
import java.util.Optional;

/** What a user or an API key may do. Spring Security sees them as ROLE_DESIGNER and so on. */
public enum Role {
  designer, agent, integrator, supervisor, admin;

  public static final String DESIGNER = "DESIGNER";
  public static final String AGENT = "AGENT";
  public static final String INTEGRATOR = "INTEGRATOR";
  public static final String SUPERVISOR = "SUPERVISOR";
  public static final String ADMIN = "ADMIN";

  public String authority() {
    return "ROLE_" + name().toUpperCase();
  }

  public static Optional<Role> of(String name) {
    return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
  }
}
