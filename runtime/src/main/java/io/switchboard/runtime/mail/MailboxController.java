package io.switchboard.runtime.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The admin's mailboxes: settings (the password is never returned), the connection test, polling now, the import log. */
@RestController
@Tag(name = "Mailboxes", description = "IMAP mailboxes whose messages become threads or start e-mail flows")
public class MailboxController {
  private final MailboxService mailboxes;
  private final MailPoller poller;

  public MailboxController(MailboxService mailboxes, MailPoller poller) {
    this.mailboxes = mailboxes;
    this.poller = poller;
  }

  @GetMapping("/api/admin/mailboxes")
  @Operation(summary = "Every mailbox with its polling state")
  public List<MailboxService.View> list() {
    return mailboxes.list();
  }

  @PostMapping("/api/admin/mailboxes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a mailbox", description = "{address, host, port, security: none|ssl|starttls, username, "
      + "password, folder (INBOX), queue, flowId, pollSeconds (60, at least 5), enabled (true)}; the password is sealed "
      + "at rest and never returned (passwordSet)")
  public MailboxService.View create(@RequestBody MailboxService.Settings settings) {
    return mailboxes.create(settings);
  }

  @GetMapping("/api/admin/mailboxes/{id}")
  @Operation(summary = "One mailbox with its polling state")
  public MailboxService.View get(@PathVariable String id) {
    return mailboxes.get(id);
  }

  @PutMapping("/api/admin/mailboxes/{id}")
  @Operation(summary = "Change a mailbox", description = "A body without password keeps the stored one; another host, "
      + "user or folder starts reading that folder from its first message (Message-IDs keep anything from being imported twice)")
  public MailboxService.View update(@PathVariable String id, @RequestBody MailboxService.Settings settings) {
    return mailboxes.update(id, settings);
  }

  @DeleteMapping("/api/admin/mailboxes/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a mailbox and its import log (the threads stay)")
  public void delete(@PathVariable String id) {
    mailboxes.delete(id);
  }

  @PostMapping("/api/admin/mailboxes/{id}/test")
  @Operation(summary = "Test the connection of a saved mailbox", description = "With a body, the settings in it (not saved) "
      + "and the stored password unless the body has one; answers {ok, message}")
  public ImapConnector.TestResult test(@PathVariable String id,
      @RequestBody(required = false) MailboxService.Settings settings) {
    return settings == null ? mailboxes.test(id) : mailboxes.test(id, settings);
  }

  @PostMapping("/api/admin/mailboxes/test")
  @Operation(summary = "Test the connection of mailbox settings not saved yet", description = "Answers {ok, message}, "
      + "e.g. 'Connected; INBOX holds 3 messages' or 'Login failed: …'")
  public ImapConnector.TestResult testUnsaved(@RequestBody MailboxService.Settings settings) {
    return mailboxes.test(null, settings);
  }

  @PostMapping("/api/admin/mailboxes/{id}/poll")
  @Operation(summary = "Poll a mailbox now", description = "Unless another instance is polling it; answers what the poll did")
  public MailPoller.PollResult poll(@PathVariable String id) {
    mailboxes.get(id);
    return poller.pollNow(id);
  }

  @GetMapping("/api/admin/mailboxes/{id}/log")
  @Operation(summary = "The newest messages seen in a mailbox", description = "at, uid, messageId, from, subject, result "
      + "(imported, joined, skipped, refused), thread number, interaction, reason; limit 1–500 (50)")
  public List<MailImport> log(@PathVariable String id, @RequestParam(required = false) Integer limit) {
    return mailboxes.log(id, limit);
  }
}
