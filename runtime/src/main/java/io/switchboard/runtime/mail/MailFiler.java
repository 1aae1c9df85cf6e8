package io.switchboard.runtime.mail;

import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.NotFoundException;
import io.switchboard.runtime.service.StartRequest;
import io.switchboard.runtime.tickets.InboundEmail;
import io.switchboard.runtime.tickets.ThreadMail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Files a message a person wrote: into the thread it answers (In-Reply-To, then References newest
 * first, then the thread number in the subject), else into the flow that takes the mailbox's new
 * cases (the mailbox's own flow, else the published flow whose e-mail trigger owns the address),
 * else into a new thread in the mailbox's queue. A message already in a thread (the same Message-ID
 * arrived in another mailbox, or an import whose completion was lost) is not filed twice.
 */
final class MailFiler {
  private static final int MAX_BODY_CHARS = 64 * 1024;
  private final Supplier<ThreadMail> threadService;
  private final InteractionService interactions;
  private final BiFunction<String, String, Optional<String>> flowForAddress;

  /** @param flowForAddress the published flow whose trigger of a channel owns an address */
  MailFiler(Supplier<ThreadMail> threads, InteractionService interactions,
      BiFunction<String, String, Optional<String>> flowForAddress) {
    this.threadService = threads;
    this.interactions = interactions;
    this.flowForAddress = flowForAddress;
  }

  /**
   * @param started told the interaction a flow was started on before the message is handed to it,
   *     so that an import interrupted in between hands it to the same interaction
   */
  /** Whether the thread service is there (the application has one; a tool without it cannot file). */
  boolean ready() {
    return threadService.get() != null;
  }

  MailboxRepository.Outcome file(Mailbox mailbox, InboundEmail mail, Consumer<String> started) {
    ThreadMail threads = threadService.get();
    Optional<ThreadMail.ThreadRef> already = threads.threadFor(List.of(mail.messageId()), "");
    if (already.isPresent()) {
      return new MailboxRepository.Outcome("skipped", already.get().id(), already.get().number(), null,
          "already in thread #" + already.get().number());
    }
    Optional<ThreadMail.ThreadRef> thread = threads.threadFor(referenced(mail), mail.subject() == null ? "" : mail.subject());
    if (thread.isPresent()) {
      threads.append(thread.get().id(), mail);
      return new MailboxRepository.Outcome("joined", thread.get().id(), thread.get().number(), null, mail.problem());
    }
    String flowId = mailbox.flowId() != null ? mailbox.flowId() : flowForAddress.apply("email", mailbox.address())
        .or(() -> flowForAddress.apply("email", mailbox.address().toLowerCase(Locale.ROOT))).orElse(null);
    String notRun = null;
    if (flowId != null) {
      try {
        String interactionId = interactions.start(new StartRequest(flowId, "email", mail.from(), mailbox.address(),
            Map.of(), triggerData(mail), null)).id();
        started.accept(interactionId);
        threads.holdForInteraction(interactionId, mail);
        return new MailboxRepository.Outcome("imported", null, null, interactionId, mail.problem());
      } catch (BadRequestException | ConflictException | NotFoundException e) {
        notRun = "the flow '" + flowId + "' could not be started (" + e.getMessage() + "); opened in queue "
            + mailbox.queue();
      }
    }
    ThreadMail.ThreadRef opened = threads.open(mail, mailbox.queue());
    return new MailboxRepository.Outcome("imported", opened.id(), opened.number(), null, join(notRun, mail.problem()));
  }

  /** Completes an import a poll left half done: the message is filed unless it already was. */
  MailboxRepository.Outcome recover(Mailbox mailbox, InboundEmail mail, String interactionId, Consumer<String> started) {
    if (interactionId != null) {
      ThreadMail threads = threadService.get();
      // the flow was started: it gets the message (holding it again is harmless), no second interaction
      threads.holdForInteraction(interactionId, mail);
      return new MailboxRepository.Outcome("imported", null, null, interactionId, mail.problem());
    }
    return file(mailbox, mail, started);
  }

  /** In-Reply-To first, then References newest first. */
  static List<String> referenced(InboundEmail mail) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    if (mail.inReplyTo() != null) {
      ids.add(mail.inReplyTo());
    }
    List<String> references = new ArrayList<>(mail.references());
    java.util.Collections.reverse(references);
    ids.addAll(references);
    ids.remove(mail.messageId());
    return List.copyOf(ids);
  }

  private static Map<String, Object> triggerData(InboundEmail mail) {
    Map<String, Object> data = new HashMap<>();
    data.put("subject", mail.subject() == null ? "" : mail.subject());
    // the whole text is in the held message; the trigger data stays well under its 256 KiB limit
    data.put("body", MailboxRepository.cut(mail.text() == null ? "" : mail.text(), MAX_BODY_CHARS));
    data.put("messageId", mail.messageId());
    if (mail.inReplyTo() != null) {
      data.put("inReplyTo", mail.inReplyTo());
    }
    if (mail.fromName() != null) {
      data.put("fromName", mail.fromName());
    }
    data.put("cc", mail.cc());
    return data;
  }

  private static String join(String a, String b) {
    return a == null ? b : b == null ? a : a + "; " + b;
  }
}
