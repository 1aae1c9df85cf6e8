package io.switchboard.runtime.messages;

import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.StartRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound text messages. The customer's message starts the published flow whose {@code message}
 * trigger owns the address they wrote to, unless it continues their conversation: within the timeout
 * of its last move, an interaction waiting for the event {@code message} (a wait step) goes on with the
 * text as that event's data; one that is still open but waits for something else (an agent) keeps the
 * text in its step log. Replies the flow sends meanwhile come back for the webhook's answer.
 */
public final class MessageService {
  /** The channel, the trigger's and the interactions'. */
  public static final String CHANNEL = "message";
  /** The event a customer's next message delivers to a waiting interaction. */
  public static final String EVENT = "message";
  /** A longer text is refused: ten times the longest text message a provider joins from segments. */
  static final int MAX_BODY_CHARS = 16_000;
  private static final Logger log = LoggerFactory.getLogger(MessageService.class);

  private final FlowsByAddress flows;
  private final InteractionService interactions;
  private final ConversationRepository conversations;
  private final Clock clock;
  private final Duration timeout;

  /** Which published flow's message trigger owns an address. */
  @FunctionalInterface
  public interface FlowsByAddress {
    Optional<String> flowFor(String address);
  }

  public MessageService(FlowsByAddress flows, InteractionService interactions, ConversationRepository conversations,
      Clock clock, Duration timeout) {
    this.flows = flows;
    this.interactions = interactions;
    this.conversations = conversations;
    this.clock = clock;
    this.timeout = timeout;
  }

  public MessageAnswer receive(InboundMessage message) {
    String from = message.from() == null ? "" : message.from().strip();
    String to = message.to() == null ? "" : message.to().strip();
    String body = message.body() == null ? "" : message.body();
    if (from.isEmpty() || to.isEmpty()) {
      throw new BadRequestException("From and To must not be empty");
    }
    if (body.length() > MAX_BODY_CHARS) {
      throw new BadRequestException("Body is longer than " + MAX_BODY_CHARS + " characters");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("body", body);
    if (message.messageSid() != null && !message.messageSid().isBlank()) {
      data.put("messageSid", message.messageSid().strip());
    }
    Optional<MessageAnswer> continued = continueConversation(from, to, body, data);
    if (continued.isPresent()) {
      return continued.get();
    }
    Optional<String> flowId = flows.flowFor(to);
    if (flowId.isEmpty()) {
      log.warn("A text message to {} was not answered: no published flow has a message trigger for that address", to);
      return MessageAnswer.unanswered();
    }
    Interaction started = interactions.startInConversation(new StartRequest(flowId.get(), CHANNEL, from, to, Map.of(),
        data, null));
    return new MessageAnswer(started.id(), started.answers());
  }

  private Optional<MessageAnswer> continueConversation(String from, String to, String body, Map<String, Object> data) {
    Optional<Conversation> conversation = conversations.find(from, to)
        .filter(c -> c.lastAt() >= clock.millis() - timeout.toMillis());
    if (conversation.isEmpty()) {
      return Optional.empty();
    }
    String id = conversation.get().interactionId();
    Interaction current = interactions.get(id);
    if (current.status() != InteractionStatus.waiting && current.status() != InteractionStatus.running) {
      return Optional.empty();
    }
    if (waitsForMessage(current)) {
      try {
        Interaction resumed = interactions.eventInConversation(id, EVENT, data);
        return Optional.of(new MessageAnswer(id, resumed.answers()));
      } catch (ConflictException e) {
        // another instance moved it on at the same moment: the text is kept like any other the flow did not wait for
        log.debug("Interaction {} moved on while a message came in: {}", id, e.getMessage());
      }
    }
    interactions.customerMessage(id, body, from);
    return Optional.of(new MessageAnswer(id, java.util.List.of()));
  }

  private static boolean waitsForMessage(Interaction interaction) {
    Waiting waiting = interaction.waiting();
    return interaction.status() == InteractionStatus.waiting && waiting != null && waiting.kind() == Waiting.Kind.event
        && EVENT.equals(waiting.event());
  }
}
