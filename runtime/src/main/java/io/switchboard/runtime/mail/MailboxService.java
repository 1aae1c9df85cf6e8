package io.switchboard.runtime.mail;

import io.switchboard.runtime.secrets.SecretBox;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.runtime.service.NotFoundException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * The admin's mailboxes: checked settings, the password sealed at rest (owner {@code mailbox:<id>})
 * and never shown again, the connection test, and each mailbox's import log.
 */
public final class MailboxService {
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,253})|\\[[0-9A-Fa-f:.]+\\]");
  private static final Pattern FLOW_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final int MAX_LOG = 500;

  private final MailboxRepository repository;
  private final SecretBox secrets;
  private final ImapConnector connector;
  private final Predicate<String> flowExists;
  private final Clock clock;
  private final Supplier<String> ids;

  public MailboxService(MailboxRepository repository, SecretBox secrets, ImapConnector connector,
      Predicate<String> flowExists, Clock clock, Supplier<String> ids) {
    this.repository = repository;
    this.secrets = secrets;
    this.connector = connector;
    this.flowExists = flowExists;
    this.clock = clock;
    this.ids = ids;
  }

  /** A mailbox as written by an admin; absent fields take their defaults, a null password keeps the stored one. */
  public record Settings(String address, String host, Integer port, String security, String username, String password,
      String folder, String queue, String flowId, Integer pollSeconds, Boolean enabled) {

    @Override
    public String toString() {
      return "Settings[address=" + address + ", host=" + host + ", port=" + port + ", security=" + security
          + ", username=" + username + ", password=" + (password == null ? "unchanged" : "[redacted]") + "]";
    }
  }

  /** A mailbox as the admin sees it: the password only as whether one is stored. */
  public record View(String id, String address, String host, int port, Mailbox.Security security, String username,
      boolean passwordSet, String folder, String queue, String flowId, int pollSeconds, boolean enabled,
      Instant lastPolledAt, String lastError, Long uidValidity, long lastUid, Instant createdAt, Instant updatedAt) {}

  public List<View> list() {
    return repository.list().stream().map(MailboxService::view).toList();
  }

  public View get(String id) {
    return view(state(id));
  }

  public View create(Settings settings) {
    Mailbox mailbox = checked(ids.get(), settings);
    String sealed = settings.password() == null ? null : secrets.seal(settings.password(), Mailbox.secretOwner(mailbox.id()));
    try {
      repository.insert(mailbox, sealed, clock.millis());
    } catch (IntegrityConstraintViolationException e) {
      throw taken(mailbox.address());
    }
    return get(mailbox.id());
  }

  public View update(String id, Settings settings) {
    MailboxState before = state(id);
    Mailbox mailbox = checked(id, settings);
    Mailbox old = before.mailbox();
    boolean otherFolder = !(old.host().equalsIgnoreCase(mailbox.host()) && old.port() == mailbox.port()
        && old.username().equals(mailbox.username()) && old.folder().equals(mailbox.folder()));
    String sealed = settings.password() == null ? null : secrets.seal(settings.password(), Mailbox.secretOwner(id));
    try {
      if (!repository.update(mailbox, sealed, otherFolder, clock.millis())) {
        throw new NotFoundException("no mailbox '" + id + "'");
      }
    } catch (IntegrityConstraintViolationException e) {
      throw taken(mailbox.address());
    }
    return get(id);
  }

  public void delete(String id) {
    if (!repository.delete(id)) {
      throw new NotFoundException("no mailbox '" + id + "'");
    }
  }

  /** Connects to a saved mailbox with its stored password. */
  public ImapConnector.TestResult test(String id) {
    MailboxState state = state(id);
    return connector.test(state.mailbox(), password(state));
  }

  /**
   * Connects with settings not saved yet (the admin's form); without a password, the one stored for
   * {@code id} (when given) is used.
   */
  public ImapConnector.TestResult test(String id, Settings settings) {
    Mailbox mailbox = checked(id == null ? "unsaved" : id, settings);
    String password = settings.password();
    if (password == null && id != null) {
      password = password(state(id));
    }
    return connector.test(mailbox, password);
  }

  /** The newest imports first, at most {@code limit} (1–500, default 50). */
  public List<MailImport> log(String id, Integer limit) {
    state(id);
    int n = limit == null ? 50 : limit;
    if (n < 1 || n > MAX_LOG) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LOG);
    }
    return repository.log(id, n);
  }

  /** The stored password, opened; re-sealed when it was sealed with a previous key. */
  String password(MailboxState state) {
    if (state.sealedPassword() == null) {
      return "";
    }
    String owner = Mailbox.secretOwner(state.mailbox().id());
    SecretBox.Opened opened = secrets.opened(state.sealedPassword(), owner);
    if (opened.withPreviousKey()) {
      repository.reseal(state.mailbox().id(), secrets.seal(opened.text(), owner));
    }
    return opened.text();
  }

  private MailboxState state(String id) {
    return repository.find(id).orElseThrow(() -> new NotFoundException("no mailbox '" + id + "'"));
  }

  private static ConflictException taken(String address) {
    return new ConflictException("another mailbox has the address " + address);
  }

  private Mailbox checked(String id, Settings s) {
    if (s == null) {
      throw new BadRequestException("a body {address, host, port, security, username, password, folder, queue, flowId, "
          + "pollSeconds, enabled} is required");
    }
    String address = required("address", s.address(), MailboxRepository.MAX_ADDRESS);
    try {
      new InternetAddress(address, true);
    } catch (AddressException e) {
      throw new BadRequestException("address is not an e-mail address: " + address);
    }
    if (!address.contains("@")) {
      throw new BadRequestException("address is not an e-mail address: " + address);
    }
    String host = required("host", s.host(), 255);
    if (!HOST.matcher(host).matches()) {
      throw new BadRequestException("host must be a host name or address, e.g. imap.example.com");
    }
    Mailbox.Security security;
    try {
      security = s.security() == null ? Mailbox.Security.ssl : Mailbox.Security.valueOf(s.security().strip().toLowerCase());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("security must be none, ssl or starttls, not '" + s.security() + "'");
    }
    int port = s.port() == null ? (security == Mailbox.Security.ssl ? 993 : 143) : s.port();
    if (port < 1 || port > 65535) {
      throw new BadRequestException("port must be between 1 and 65535");
    }
    String username = required("username", s.username(), MailboxRepository.MAX_ADDRESS);
    if (s.password() != null && s.password().length() > 1000) {
      throw new BadRequestException("password must be at most 1000 characters");
    }
    String folder = s.folder() == null || s.folder().isBlank() ? "INBOX" : s.folder().strip();
    if (folder.length() > 200) {
      throw new BadRequestException("folder must be at most 200 characters");
    }
    String queue = required("queue", s.queue(), 100);
    String flowId = s.flowId() == null || s.flowId().isBlank() ? null : s.flowId().strip();
    if (flowId != null && (!FLOW_ID.matcher(flowId).matches() || !flowExists.test(flowId))) {
      throw new BadRequestException("flowId names no flow: '" + flowId + "'");
    }
    int pollSeconds = s.pollSeconds() == null ? 60 : s.pollSeconds();
    if (pollSeconds < 5 || pollSeconds > 86_400) {
      throw new BadRequestException("pollSeconds must be between 5 and 86400");
    }
    return new Mailbox(id, address, host, port, security, username, folder, queue, flowId, pollSeconds,
        !Objects.equals(s.enabled(), Boolean.FALSE));
  }

  private static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException(field + " is required");
    }
    if (value.strip().length() > max) {
      throw new BadRequestException(field + " must be at most " + max + " characters");
    }
    return value.strip();
  }

  private static View view(MailboxState s) {
    Mailbox m = s.mailbox();
    return new View(m.id(), m.address(), m.host(), m.port(), m.security(), m.username(), s.sealedPassword() != null,
        m.folder(), m.queue(), m.flowId(), m.pollSeconds(), m.enabled(),
        s.lastPolledAt() == null ? null : Instant.ofEpochMilli(s.lastPolledAt()), s.lastError(), s.uidValidity(),
        s.lastUid(), Instant.ofEpochMilli(s.createdAt()), Instant.ofEpochMilli(s.updatedAt()));
  }
}
