package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import io.switchboard.runtime.engine.TinyFlow;
import io.switchboard.runtime.failure.Failure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyExecutorTest extends ExecutorTestSupport {
  private static final String VARIABLES = "[{\"name\": \"name\", \"type\": \"string\"}]";
  private static final String NODES = """
      {"id": "r", "type": "reply", "config": {"text": "Hello {{ name }} & welcome <3"}},
      {"id": "ok", "type": "end", "config": {"outcome": "replied"}},
      {"id": "ko", "type": "end", "config": {"outcome": "{{ interaction.error.code }}"}}""";
  private static final String EDGES = """
      {"from": "t", "port": "next", "to": "r"}, {"from": "r", "port": "next", "to": "ok"},
      {"from": "r", "port": "error", "to": "ko"}""";
  private static final Map<String, Object> SMS = Map.of("from", "+48600000001", "to", "+48225550199");

  private Effect.OutboxMessage onlyMessage() {
    assertThat(engine.store.effects()).hasSize(1);
    return (Effect.OutboxMessage) engine.store.effects().getFirst();
  }

  @Test
  void inTheCustomersOwnMessageRequestTheTextGoesIntoTheAnswerAndTheOutboxKeepsIt() {
    flow = engine.compile(TinyFlow.of("message", VARIABLES, NODES, EDGES));
    Interaction it = engine.startInConversation(flow, "message", SMS, Map.of("name", "Ann"));

    assertThat(it.outcome()).isEqualTo("replied");
    assertThat(it.answers()).containsExactly("Hello Ann & welcome <3");
    Effect.OutboxMessage message = onlyMessage();
    assertThat(message.kind()).isEqualTo("message");
    assertThat(message.payload()).containsEntry("to", "+48600000001").containsEntry("from", "+48225550199")
        .containsEntry("body", "Hello Ann & welcome <3").containsEntry("inline", true);
  }

  @Test
  void afterATimerNobodyWaitsForAnAnswerSoTheTextGoesToTheProviderThroughTheOutbox() {
    CompiledFlow waiting = engine.compile(TinyFlow.of("message", VARIABLES, """
        {"id": "w", "type": "wait", "config": {"seconds": 60}},""" + NODES, """
        {"from": "t", "port": "next", "to": "w"}, {"from": "w", "port": "next", "to": "r"},
        {"from": "w", "port": "timeout", "to": "ko"}, {"from": "r", "port": "next", "to": "ok"},
        {"from": "r", "port": "error", "to": "ko"}"""));
    // the timer service resumes the interaction from the store, outside any request of the customer's
    Interaction restored = engine.start(waiting, "message", SMS, Map.of("name", "Ann"));
    engine.clock().advanceSeconds(60);
    engine.resume(waiting, restored, new Resume.TimerFired());

    assertThat(restored.outcome()).isEqualTo("replied");
    assertThat(restored.answers()).isEmpty();
    assertThat(onlyMessage().payload()).containsEntry("inline", false).containsEntry("to", "+48600000001");
  }

  @Test
  void onEmailItRepliesToTheSenderWithTheSubjectAnswered() {
    Interaction it = run("email", VARIABLES, NODES, EDGES,
        Map.of("from", "ann@example.com", "to", "help@example.com", "subject", "Router\r\nblinks"), Map.of("name", "Ann"));

    assertThat(it.outcome()).isEqualTo("replied");
    Effect.OutboxMessage mail = onlyMessage();
    assertThat(mail.kind()).isEqualTo("email");
    assertThat(mail.payload()).containsEntry("to", "ann@example.com").containsEntry("subject", "Re: Router blinks")
        .containsEntry("body", "Hello Ann & welcome <3");
  }

  @Test
  void aCallHasNoConversationToReplyIn() {
    Interaction it = run("voice", VARIABLES, NODES, EDGES, Map.of("from", "+48600000001"), Map.of("name", "Ann"));

    assertThat(it.outcome()).isEqualTo("no_target");
    assertThat(step(it, "r").error().message()).contains("came through the voice channel");
    assertThat(engine.store.effects()).isEmpty();
  }

  @Test
  void anEmptyTextOrNoSenderFailsTheStepWithoutSendingAnything() {
    Interaction empty = run("message", VARIABLES, NODES.replace("Hello {{ name }} & welcome <3", "{{ name }}"), EDGES, SMS,
        Map.of());
    assertThat(empty.outcome()).isEqualTo("invalid_input");

    flow = engine.compile(TinyFlow.of("message", VARIABLES, NODES, "{\"from\": \"t\", \"port\": \"next\", \"to\": \"r\"}, "
        + "{\"from\": \"r\", \"port\": \"next\", \"to\": \"ok\"}"));
    Interaction anonymous = engine.start(flow, "message", Map.of("to", "+48225550199"), Map.of("name", "Ann"));
    assertThat(anonymous.status()).as("no error port: the interaction fails").isEqualTo(InteractionStatus.failed);
    assertThat(anonymous.error().code()).isEqualTo(Failure.Code.no_recipient);
    assertThat(engine.store.effects()).isEmpty();
  }
}
