package io.switchboard.runtime.tickets;

import io.switchboard.runtime.outbox.Deliverer;
import io.switchboard.runtime.outbox.FixedIdMimeMessage;
import io.switchboard.runtime.outbox.SmtpSend;
import io.switchboard.runtime.store.jooq.tables.records.ThreadEntryRecord;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.List;
import java.util.Map;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends an e-mail written in a thread, from the outbox: the stored entry with its attachments, its own
 * Message-ID, In-Reply-To the customer's last e-mail and References to the thread's earlier ones, so
 * the customer's mail program threads it and their reply finds its way back.
 */
public final class ThreadEmailDeliverer implements Deliverer {
  private final TicketRepository repository;
  private final java.util.function.Supplier<JavaMailSender> senders;

  /** @param senders the SMTP sender, or null when none is configured (spring.mail.host) */
  public ThreadEmailDeliverer(TicketRepository repository, java.util.function.Supplier<JavaMailSender> senders) {
    this.repository = repository;
    this.senders = senders;
  }

  @Override
  public String kind() {
    return TicketService.REPLY_KIND;
  }

  @Override
  public void deliver(Map<String, Object> payload, String idempotencyKey) {
    String entryId = String.valueOf(payload.get("entryId"));
    ThreadEntryRecord entry = repository.entry(entryId)
        .orElseThrow(() -> new DeliveryException("the e-mail " + entryId + " is no longer in its thread", true, null));
    JavaMailSender sender = senders.get();
    if (sender == null) {
      throw new DeliveryException("no SMTP server is configured (set spring.mail.host)", false, null);
    }
    SmtpSend.send(sender, () -> {
      MimeMessage message = new FixedIdMimeMessage(sender.createMimeMessage(), "<" + entry.getMessageId() + ">");
      List<TicketRepository.StoredAttachment> attachments = repository.attachmentsOf(entryId);
      MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
      helper.setFrom(entry.getFromAddr());
      helper.setTo(InternetAddress.parse(entry.getToAddr()));
      if (entry.getCcAddr() != null) {
        helper.setCc(InternetAddress.parse(entry.getCcAddr()));
      }
      helper.setSubject(entry.getSubject());
      helper.setText(entry.getBody());
      for (TicketRepository.StoredAttachment a : attachments) {
        helper.addAttachment(a.name(), new ByteArrayDataSource(a.content(), a.contentType()));
      }
      if (entry.getInReplyTo() != null) {
        message.setHeader("In-Reply-To", "<" + entry.getInReplyTo() + ">");
      }
      Object references = TicketRepository.detail(entry.getDetail()).get("references");
      if (references instanceof List<?> ids && !ids.isEmpty()) {
        message.setHeader("References", String.join(" ", ids.stream().map(id -> "<" + id + ">").toList()));
      }
      message.setHeader("X-Switchboard-Thread", entry.getThreadId());
      message.setHeader("X-Switchboard-Idempotency-Key", idempotencyKey);
      return message;
    });
  }
}
