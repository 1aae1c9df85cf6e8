package io.switchboard.runtime.node.reply;

import io.switchboard.flow.model.config.ReplyConfig;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Result;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.Effect;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.StepContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a text back to the customer in the conversation the interaction belongs to. On the message
 * channel it goes into the answer of the customer's message while the webhook request runs the
 * interaction, else through the outbox to the provider (after a timer, or once an agent acted); either
 * way the outbox keeps it, so the step log shows what the customer was told. On e-mail it is a reply
 * to the sender through the outbox. Any other channel has no conversation to reply in: a
 * {@code no_target} failure.
 */
public final class ReplyExecutor implements NodeExecutor {
  /** The outbox kind of a text message to a customer. */
  public static final String MESSAGE = "message";
  /** A text message longer than this is refused rather than cut: ten SMS segments. */
  public static final int MAX_CHARS = 1600;

  private final CompiledTemplate text;
  private final int next;

  public ReplyExecutor(CompileContext context) {
    this.text = context.expressions().template(context.config(ReplyConfig.class).text());
    this.next = context.ports().index("next");
  }

  @Override
  public Outcome execute(StepContext context) {
    Result<String> rendered = context.render(text);
    if (!rendered.isOk()) {
      return Outcome.fail(rendered.failure());
    }
    String body = rendered.value().strip();
    if (body.isEmpty()) {
      return Outcome.fail(Failure.of(Failure.Code.invalid_input, "the reply is empty once its text is filled in"));
    }
    if (body.length() > MAX_CHARS) {
      return Outcome.fail(Failure.of(Failure.Code.invalid_input, "the reply is " + body.length()
          + " characters long; at most " + MAX_CHARS + " go into one message").with("input", "text"));
    }
    Map<?, ?> trigger = context.lookup("trigger") instanceof Map<?, ?> map ? map : Map.of();
    String customer = trigger.get("from") instanceof String from && !from.isBlank() ? from : null;
    String channel = context.channel();
    if (customer == null && (MESSAGE.equals(channel) || "email".equals(channel))) {
      return Outcome.fail(Failure.of(Failure.Code.no_recipient, "the reply has no recipient: the " + channel
          + " this interaction started with names no sender").with("field", "from"));
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("to", customer);
    switch (channel) {
      case MESSAGE -> {
        payload.put("from", trigger.get("to"));
        payload.put("body", body);
        payload.put("inline", context.answersInline());
        if (context.answersInline()) {
          context.answer(body);
        }
      }
      case "email" -> {
        payload.put("subject", subject(trigger.get("subject")));
        payload.put("body", body);
        if (trigger.get("messageId") instanceof String answered && !answered.isBlank()) {
          payload.put("inReplyTo", answered); // so that the customer's mail program threads it, and their answer finds its case
        }
      }
      default -> {
        return Outcome.fail(Failure.of(Failure.Code.no_target, "a reply goes back in a text-message or e-mail "
            + "conversation; this interaction came through the " + channel + " channel"));
      }
    }
    context.emit(new Effect.OutboxMessage(context.newId(), MESSAGE.equals(channel) ? MESSAGE : "email", payload,
        context.idempotencyKey()));
    return Outcome.next(next);
  }

  private static String subject(Object original) {
    String subject = original instanceof String s ? s.replaceAll("[\\r\\n]+", " ").strip() : "";
    if (subject.isEmpty()) {
      return "Re: your message";
    }
    return subject.regionMatches(true, 0, "re:", 0, 3) ? subject : "Re: " + subject;
  }
}
