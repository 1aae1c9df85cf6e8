package io.switchboard.designer.security;

import io.switchboard.runtime.store.UserRepository;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * A fresh install has one user, {@code admin}. Its first password comes from
 * {@code SWITCHBOARD_ADMIN_PASSWORD} (property {@code switchboard.admin.password}); without it a
 * password is generated and printed once.
 */
@Component
class AdminBootstrap implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final UserRepository users;
  private final UserAccounts accounts;
  private final String configuredPassword;

  AdminBootstrap(UserRepository users, UserAccounts accounts,
      @Value("${switchboard.admin.password:}") String configuredPassword) {
    this.users = users;
    this.accounts = accounts;
    this.configuredPassword = configuredPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!users.isEmpty()) {
      return;
    }
    boolean generated = configuredPassword.isBlank();
    String password = generated ? UserAccounts.generatePassword() : configuredPassword;
    accounts.create("admin", password, "Administrator", Set.of(Role.admin));
    if (generated) {
      // printed once, on the console only; it is not stored anywhere in clear
      System.out.println("\n=== Switchboard: first start. User 'admin', password: " + password
          + "  (set SWITCHBOARD_ADMIN_PASSWORD to choose it) ===\n");
      log.warn("Created user 'admin' with a generated password (printed on the console above)");
    } else {
      log.info("Created user 'admin' with the password from switchboard.admin.password");
    }
  }
}
