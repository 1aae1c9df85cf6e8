package io.switchboard.runtime.outbox;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends e-mail from the outbox over SMTP with Spring's mail support. */
public final class EmailDeliverer implements Deliverer {
  private final JavaMailSender sender;
  private final String from;
  private final String messageIdDomain;

  public EmailDeliverer(JavaMailSender sender, String from, String messageIdDomain) {
    this.sender = sender;
    this.from = from;
    this.messageIdDomain = messageIdDomain;
  }

  @Override
  public String kind() {
    return "email";
  }

  @Override
  public void deliver(Map<String, Object> payload, String idempotencyKey) {
    SmtpSend.send(sender, () -> {
      MimeMessage message = new FixedIdMimeMessage(sender.createMimeMessage(), "<" + idempotencyKey + "@" + messageIdDomain + ">");
      MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
      helper.setFrom(from);
      helper.setTo(jakarta.mail.internet.InternetAddress.parse((String) payload.get("to")));
      if (payload.get("cc") instanceof String cc) {
        helper.setCc(jakarta.mail.internet.InternetAddress.parse(cc));
      }
      if (payload.get("replyTo") instanceof String replyTo) {
        helper.setReplyTo(replyTo);
      }
      helper.setSubject((String) payload.get("subject"));
      helper.setText((String) payload.get("body"));
      if (payload.get("inReplyTo") instanceof String answered && !answered.isBlank()) {
        String id = answered.startsWith("<") ? answered : "<" + answered + ">";
        message.setHeader("In-Reply-To", id);
        message.setHeader("References", id);
      }
      message.setHeader("X-Switchboard-Idempotency-Key", idempotencyKey);
      return message;
    });
  }
}
