package io.switchboard.designer.security;

import io.switchboard.runtime.model.UserAccount;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.runtime.store.UserRepository;
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
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new BadRequestException("a password has at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (displayName != null && displayName.length() > 200) {
      throw new BadRequestException("a display name has at most 200 characters");
    }
    if (roles == null || roles.isEmpty()) {
      throw new BadRequestException("a user needs at least one role: " + java.util.Arrays.toString(Role.values()));
    }
    if (!users.create(username, passwords.encode(password), displayName,
        roles.stream().map(Role::name).collect(Collectors.toSet()))) {
      throw new ConflictException("the user name '" + username + "' is taken");
    }
  }
}
