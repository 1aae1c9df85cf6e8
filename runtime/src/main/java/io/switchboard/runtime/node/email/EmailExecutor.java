package io.switchboard.runtime.node.email;

import io.switchboard.flow.model.config.EmailConfig;
import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Result;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.StepContext;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashMap;
import java.util.List;
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
    Result<String> toText = context.render(to).flatMap(text -> addresses("to", text, true));
    Result<String> ccText = context.render(cc).flatMap(text -> addresses("cc", text, false));
    Result<String> replyToText = context.render(replyTo).flatMap(text -> addresses("reply-to", text, false));
    Result<String> subjectText = context.render(subject);
    Result<String> bodyText = context.render(body);
    for (Result<String> part : List.of(toText, ccText, replyToText, subjectText, bodyText)) {
      if (!part.isOk()) {
        return Outcome.failVia(failed, part.failure());
      }
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("to", toText.value());
    putIfPresent(message, "cc", ccText.value());
    putIfPresent(message, "replyTo", replyToText.value());
    message.put("subject", subjectText.value().replaceAll("[\\r\\n]+", " "));
    message.put("body", bodyText.value());
    context.emit(new Effect.OutboxMessage(context.newId(), "email", message, context.idempotencyKey()));
    return Outcome.next(sent);
  }

  private static Result<String> addresses(String field, String text, boolean required) {
    if (text.isBlank()) {
      return required
          ? Result.err(Failure.of(Failure.Code.no_recipient, "the e-mail has no recipient: '" + field + "' is empty"))
          : Result.ok("");
    }
    try {
      InternetAddress[] parsed = InternetAddress.parse(text, true);
      for (InternetAddress address : parsed) {
        address.validate();
      }
      return Result.ok(text.strip());
    } catch (AddressException e) {
      return Result.err(Failure.of(Failure.Code.no_recipient, "'" + text + "' is not a valid e-mail address for '"
          + field + "'").with("field", field));
    }
  }

  private static void putIfPresent(Map<String, Object> message, String key, String value) {
    if (!value.isEmpty()) {
      message.put(key, value);
    }
  }
}
