package io.switchboard.runtime.node.email;

import io.switchboard.flow.expr.ExpressionException;
import io.switchboard.flow.model.config.EmailConfig;
import io.switchboard.runtime.engine.Effect;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.StepContext;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds an e-mail from its templates and puts it in the outbox, which sends it after the step is
 * committed. Takes {@code sent} once it is queued, {@code failed} when it cannot be built (e.g. no
 * valid recipient).
 */
public final class EmailExecutor implements NodeExecutor {
  private final CompiledTemplate to;
  private final CompiledTemplate cc;
  private final CompiledTemplate replyTo;
  private final CompiledTemplate subject;
  private final CompiledTemplate body;
  private final int sent;
  private final int failed;

  public EmailExecutor(CompileContext context) {
    EmailConfig config = context.config(EmailConfig.class);
    this.to = context.expressions().template(config.to());
    this.cc = context.expressions().template(config.cc());
    this.replyTo = context.expressions().template(config.replyTo());
    this.subject = context.expressions().template(config.subject());
    this.body = context.expressions().template(config.body());
    this.sent = context.ports().index("sent");
    this.failed = context.ports().index("failed");
  }

  @Override
  public Outcome execute(StepContext context) {
    Map<String, Object> message = new LinkedHashMap<>();
    try {
      message.put("to", addresses("to", context.render(to), true));
      putIfPresent(message, "cc", addresses("cc", context.render(cc), false));
      putIfPresent(message, "replyTo", addresses("reply-to", context.render(replyTo), false));
      message.put("subject", context.render(subject).replaceAll("[\\r\\n]+", " "));
      message.put("body", context.render(body));
    } catch (ExpressionException | IllegalArgumentException e) {
      context.note(e.getMessage());
      return Outcome.next(failed);
    }
    String key = context.idempotencyKey();
    context.emit(new Effect.OutboxMessage(context.newId(), "email", message, key));
    return Outcome.next(sent);
  }

  private static String addresses(String field, String text, boolean required) {
    if (text.isBlank()) {
      if (required) {
        throw new IllegalArgumentException("the e-mail has no recipient: '" + field + "' is empty");
      }
      return "";
    }
    try {
      InternetAddress[] parsed = InternetAddress.parse(text, true);
      for (InternetAddress address : parsed) {
        address.validate();
      }
      return text.strip();
    } catch (AddressException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid e-mail address for '" + field + "'");
    }
  }

  private static void putIfPresent(Map<String, Object> message, String key, String value) {
    if (!value.isEmpty()) {
      message.put(key, value);
    }
  }
}
