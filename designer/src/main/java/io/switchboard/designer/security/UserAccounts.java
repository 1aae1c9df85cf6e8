package io.switchboard.designer.security;

import io.switchboard.runtime.model.UserAccount;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.runtime.service.NotFoundException;
import io.switchboard.runtime.store.UserRepository;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Users in the database, with hashed passwords, for sign-in and for administration. */
@Service
public class UserAccounts implements UserDetailsService {
  static final int MIN_PASSWORD_LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserRepository users;
  private final PasswordEncoder passwords;

  public UserAccounts(UserRepository users, PasswordEncoder passwords) {
    this.users = users;
    this.passwords = passwords;
  }

  /** Every user, by name. */
  public List<UserAccount> list() {
    return users.list();
  }

  public Optional<UserAccount> find(String username) {
    return users.find(username);
  }

  /** The names of the users who take interactions. */
  public List<String> agentNames() {
    return users.list().stream().filter(u -> u.roles().contains(Role.agent.name())).map(UserAccount::username).toList();
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserAccount user = users.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    return User.withUsername(user.username()).password(user.passwordHash()).disabled(!user.enabled())
        .authorities(user.roles().stream().flatMap(r -> Role.of(r).stream())
            .map(r -> new SimpleGrantedAuthority(r.authority())).toList())
        .build();
  }

  /**
   * Creates a user.
   *
   * @throws BadRequestException for a bad name, a short password or no role
   * @throws ConflictException when the name is taken
   */
  public void create(String username, String password, String displayName, Set<Role> roles) {
    if (username == null || !username.matches("[A-Za-z0-9._@-]{2,100}")) {
      throw new BadRequestException("a user name has 2 to 100 letters, digits or . _ @ -");
    }
    checkPassword(password);
    checkDisplayName(displayName);
    checkRoles(roles);
    if (!users.create(username, passwords.encode(password), blankToNull(displayName), keys(roles))) {
      throw new ConflictException("the user name '" + username + "' is taken");
    }
  }

  /** The name to show for a user: the display name when there is one, else the user name. */
  public String shownName(String username) {
    return users.find(username).map(UserAccounts::shownName).orElse(username);
  }

  /** The display name when there is one, else the user name. */
  public static String shownName(UserAccount user) {
    return user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
  }

  /**
   * Changes a user's display name and roles. An admin keeps their own administrator role, so that
   * someone can always manage users.
   *
   * @throws NotFoundException when there is no such user
   * @throws BadRequestException for no role, a long display name, or an admin removing their own admin role
   */
  public void update(String username, String displayName, Set<Role> roles, String actingAdmin) {
    checkDisplayName(displayName);
    checkRoles(roles);
    if (username.equals(actingAdmin) && !roles.contains(Role.admin)) {
      throw new BadRequestException("you cannot take the Administrator role from yourself; another administrator can");
    }
    if (!users.update(username, blankToNull(displayName), keys(roles))) {
      throw new NotFoundException("no user '" + username + "'");
    }
  }

  /**
   * Lets a user sign in again, or stops them from signing in. A session already open ends at its
   * next page change (the screens check the account as they navigate); API calls are refused at once.
   *
   * @throws BadRequestException when an admin tries to disable themselves
   * @throws NotFoundException when there is no such user
   */
  public void setEnabled(String username, boolean enabled, String actingAdmin) {
    if (!enabled && username.equals(actingAdmin)) {
      throw new BadRequestException("you cannot disable your own account");
    }
    if (!users.setEnabled(username, enabled)) {
      throw new NotFoundException("no user '" + username + "'");
    }
  }

  /**
   * Sets a new password.
   *
   * @throws BadRequestException for a short password
   * @throws NotFoundException when there is no such user
   */
  public void resetPassword(String username, String password) {
    checkPassword(password);
    if (!users.setPasswordHash(username, passwords.encode(password))) {
      throw new NotFoundException("no user '" + username + "'");
    }
  }

  /** A random password of 20 characters that fit a URL, for an admin to pass on once. */
  public static String generatePassword() {
    byte[] bytes = new byte[15];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the user exists and may sign in: a disabled user's open session ends at its next page change. */
  public boolean mayUseScreens(String username) {
    return users.find(username).map(UserAccount::enabled).orElse(false);
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new BadRequestException("a password has at least " + MIN_PASSWORD_LENGTH + " characters");
    }
  }

  private static void checkDisplayName(String displayName) {
    if (displayName != null && displayName.length() > 200) {
      throw new BadRequestException("a display name has at most 200 characters");
    }
  }

  private static void checkRoles(Set<Role> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new BadRequestException("a user needs at least one role: " + java.util.Arrays.toString(Role.values()));
    }
  }

  private static Set<String> keys(Set<Role> roles) {
    return roles.stream().map(Role::name).collect(Collectors.toSet());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
