package io.switchboard.designer.admin;

import io.switchboard.runtime.model.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.designer.security.ApiKeys;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.NotFoundException;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users and API keys, for admins. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration", description = "Users and API keys (role admin)")
public class AdminController {
  private final UserAccounts accounts;
  private final ApiKeys apiKeys;

  public AdminController(UserAccounts accounts, ApiKeys apiKeys) {
    this.accounts = accounts;
    this.apiKeys = apiKeys;
  }

  public record NewUser(String username, String password, String displayName, List<String> roles) {}

  public record UserView(String username, String displayName, Set<String> roles, boolean enabled, Instant createdAt) {}

  /** What an admin changes on a user; fields left out stay as they are. */
  public record UserChange(String displayName, List<String> roles, Boolean enabled, String password) {}

  public record NewApiKey(String name, List<String> roles) {}

  public record ApiKeyView(String id, String name, String prefix, Set<String> roles, String createdBy, Instant createdAt,
      Instant revokedAt) {}

  @GetMapping("/users")
  @Operation(summary = "List users")
  public List<UserView> users() {
    return accounts.list().stream().map(AdminController::view).toList();
  }

  @PostMapping("/users")
  @Operation(summary = "Create a user", description = "The password is stored as a bcrypt hash and never returned")
  public ResponseEntity<UserView> createUser(@RequestBody NewUser body) {
    if (body == null) {
      throw new BadRequestException("a body {username, password, roles} is required");
    }
    accounts.create(body.username(), body.password(), body.displayName(), roles(body.roles()));
    return ResponseEntity.status(HttpStatus.CREATED).body(view(accounts.find(body.username()).orElseThrow()));
  }

  private static UserView view(UserAccount user) {
    return new UserView(user.username(), user.displayName(), user.roles(), user.enabled(),
        Instant.ofEpochMilli(user.createdAt()));
  }

  @PatchMapping("/users/{username}")
  @Operation(summary = "Change a user", description = "Display name, roles, enabled (a disabled user cannot sign in; "
      + "their API calls are refused at once, an open screen session ends at its next page change) and a new "
      + "password; fields left out stay as they are")
  public UserView changeUser(@PathVariable String username, @RequestBody UserChange body, Principal admin) {
    if (body == null) {
      throw new BadRequestException("a body {displayName, roles, enabled, password} is required");
    }
    UserAccount current = accounts.find(username).orElseThrow(() -> new NotFoundException("no user '" + username + "'"));
    String acting = admin == null ? null : admin.getName();
    if (body.displayName() != null || body.roles() != null) {
      accounts.update(username, body.displayName() != null ? body.displayName() : current.displayName(),
          body.roles() != null ? roles(body.roles()) : current.roles().stream().flatMap(r -> Role.of(r).stream())
              .collect(Collectors.toSet()), acting);
    }
    if (body.enabled() != null) {
      accounts.setEnabled(username, body.enabled(), acting);
    }
    if (body.password() != null) {
      accounts.resetPassword(username, body.password());
    }
    return view(accounts.find(username).orElseThrow());
  }

  @GetMapping("/api-keys")
  @Operation(summary = "List API keys (never the keys themselves)")
  public List<ApiKeyView> keys() {
    return apiKeys.list().stream().map(k -> new ApiKeyView(k.id(), k.name(), k.prefix(), k.roles(), k.createdBy(),
        Instant.ofEpochMilli(k.createdAt()), k.revokedAt() == null ? null : Instant.ofEpochMilli(k.revokedAt()))).toList();
  }

  @PostMapping("/api-keys")
  @Operation(summary = "Create an API key", description = "The answer carries the key; it is shown this once only")
  public ResponseEntity<ApiKeys.Created> createKey(@RequestBody NewApiKey body, Principal admin) {
    if (body == null || body.name() == null || body.name().isBlank()) {
      throw new BadRequestException("an API key needs a name");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(apiKeys.create(body.name().strip(), roles(body.roles()),
        admin == null ? null : admin.getName()));
  }

  @DeleteMapping("/api-keys/{id}")
  @Operation(summary = "Revoke an API key")
  public ResponseEntity<Void> revoke(@PathVariable String id) {
    apiKeys.revoke(id);
    return ResponseEntity.noContent().build();
  }

  static Set<Role> roles(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw new BadRequestException("at least one role is needed: designer, agent, integrator, supervisor, admin");
    }
    return names.stream().map(n -> Role.of(n).orElseThrow(() -> new BadRequestException("'" + n
        + "' is not a role; roles are designer, agent, integrator, supervisor, admin"))).collect(Collectors.toSet());
  }
}
