package io.switchboard.runtime.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

/** Builds and sends one e-mail, turning what went wrong into a delivery failure the outbox retries or gives up on. */
public final class SmtpSend {
  private SmtpSend() {}

  /** Builds the message. */
  @FunctionalInterface
  public interface Compose {
    MimeMessage compose() throws MessagingException;
  }

  /** @throws Deliverer.DeliveryException permanent when the message cannot be built or the server refused its recipients */
  public static void send(JavaMailSender sender, Compose compose) {
    MimeMessage message;
    try {
      message = compose.compose();
    } catch (MessagingException e) {
      throw new Deliverer.DeliveryException("the e-mail could not be built: " + e.getMessage(), true, e);
    }
    try {
      sender.send(message);
    } catch (MailException e) {
      boolean permanent = e.getCause() instanceof SendFailedException;
      throw new Deliverer.DeliveryException("SMTP delivery failed: " + e.getMessage(), permanent, e);
    }
  }
}
