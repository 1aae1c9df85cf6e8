package io.switchboard.runtime.web;

import io.switchboard.runtime.service.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who calls the API, as the application's security saw them. An agent who is nothing else (no
 * supervisor, admin, designer or integrator role) reaches only their own interactions.
 */
public record Caller(String username, boolean agentOnly) {
  private static final String[] WIDER_ROLES = {"SUPERVISOR", "ADMIN", "DESIGNER", "INTEGRATOR"};

  public static Caller of(HttpServletRequest request) {
    String username = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
    boolean wider = false;
    for (String role : WIDER_ROLES) {
      wider |= request.isUserInRole(role);
    }
    return new Caller(username, username != null && request.isUserInRole("AGENT") && !wider);
  }

  /** The signed-in user's name, for what only a person does (take offers, write notes). */
  public String person() {
    if (username == null) {
      throw new BadRequestException("this needs a signed-in user (HTTP Basic), not an anonymous call");
    }
    return username;
  }
}
