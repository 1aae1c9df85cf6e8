package io.switchboard.runtime.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.api.Api;
import io.switchboard.runtime.api.ApiTestApplication;
import io.switchboard.runtime.connector.LocalHttpServer;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.WaitingInteraction;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.knowledge.Article;
import io.switchboard.runtime.knowledge.ArticleDraft;
import io.switchboard.runtime.knowledge.KnowledgeService;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

/**
 * The self-service-first scenario end to end over {@code POST /hooks/message}, with the real knowledge
 * base (Lucene) seeded through its service and the shipped example flow: the customer describes a
 * problem, gets the article's solution and a question in the webhook's answer, and answers YES (the
 * interaction ends self-served) or NO (a case is opened and the interaction waits in the queue the
 * route step chose); a problem the knowledge base does not answer goes to a person at once.
 */
@SpringBootTest(classes = {ApiTestApplication.class, HandMovedClock.class}, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:messaging;DB_CLOSE_DELAY=-1", "switchboard.timer-interval=100ms",
        "switchboard.outbox-interval=100ms", "switchboard.http.allowed-hosts=127.0.0.1",
        "switchboard.knowledge.sample-articles=false",
        "switchboard.knowledge.index-dir=target/messaging-it-index-${random.uuid}"})
class SelfServiceIT {
  private static final String ADDRESS = "+48225550199";
  static LocalHttpServer crm;
  static Article router;

  @Value("${local.server.port}")
  int port;
  @Autowired
  KnowledgeService knowledge;
  @Autowired
  DeskService desk;
  @Autowired
  Engine.MutableClock clock;
  Api api;

  @BeforeAll
  static void startCrm() throws IOException {
    crm = new LocalHttpServer();
    crm.answer(exchange -> LocalHttpServer.respond(exchange, 200, "application/json",
        "{\"product\": \"router\", \"region\": \"north\", \"priority\": \"high\"}"));
  }

  @AfterAll
  static void stopCrm() {
    crm.close();
  }

  @BeforeEach
  void seedAndPublish() {
    api = new Api(port);
    if (router == null) {
      router = knowledge.create(new ArticleDraft("Router light blinks red",
          "The router's light blinks red and there is no internet connection.",
          "Turn it off and on again: unplug the router, wait 10 seconds, plug it back in.", "router", "en",
          List.of("network"), "published"), "kb-author");
      knowledge.create(new ArticleDraft("GPS shows no position", "The navigation unit never finds satellites.",
          "Switch it on outdoors with a clear view of the sky.", "gps", "en", List.of("gps"), "published"), "kb-author");
      knowledge.create(new ArticleDraft("Printer jams paper", "Paper gets stuck in the printer.",
          "Fan the paper before loading it.", "printer", "en", List.of(), "published"), "kb-author");
      knowledge.create(new ArticleDraft("Router firmware (draft)", "Router blinks red during an update.",
          "Never shown: a draft.", "router", "en", List.of(), "draft"), "kb-author");
    }
    api.dataStep("crm-customer", crm.url("/crm/customers"), "phone");
    if (api.get("/api/flows/self-service").status() == 404) {
      api.publish(Engine.example("self-service"));
    }
    assertThat(api.put("/api/queues/router-north", "{\"name\": \"Routers, north\", \"members\": [], "
        + "\"maxWaitSeconds\": 600}").status()).isEqualTo(200);
  }

  private Api.Answer text(String from, String body) {
    Api.Answer answer = api.form("/hooks/message", Map.of("From", from, "To", ADDRESS, "Body", body));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  private static String interaction(Api.Answer answer) {
    return answer.raw().headers().firstValue("X-Switchboard-Interaction").orElseThrow();
  }

  private static String solutionAndQuestion() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Turn it off and on again: unplug the router, "
        + "wait 10 seconds, plug it back in.\n\nDid this solve it? Reply YES or NO.</Message></Response>";
  }

  @Test
  void theCustomerWhoseProblemTheArticleSolvesEndsSelfServed() {
    Api.Answer problem = text("+48600000002", "My router blinks red and the internet is gone");
    assertThat(problem.body()).isEqualTo(solutionAndQuestion());
    JsonNode offered = api.get("/api/interactions/" + interaction(problem)).json();
    assertThat(offered.path("variables").path("answer").path("id").asString()).isEqualTo(router.id());
    assertThat(offered.path("variables").path("answer").path("score").asDouble()).isGreaterThanOrEqualTo(2);
    assertThat(offered.path("variables").path("answers").size())
        .as("articles sharing a word or a sound score far below the step's minimum of 2; the draft is never offered")
        .isEqualTo(1);
    assertThat(offered.path("waitingFor").path("event").asString()).isEqualTo("message");

    Api.Answer yes = text("+48600000002", " yes ");
    assertThat(interaction(yes)).isEqualTo(interaction(problem));
    assertThat(yes.body()).contains("<Message>Glad it helped! Write again any time.</Message>");
    JsonNode done = api.get("/api/interactions/" + interaction(problem)).json();
    assertThat(done.path("status").asString()).isEqualTo("completed");
    assertThat(done.path("outcome").asString()).isEqualTo("self-served");
    assertThat(done.path("variables").path("ticketId").isNull()).as("no case was opened").isTrue();
  }

  @Test
  void theCustomerWhoAnswersNoGetsACaseAndWaitsInTheRoutedQueue() {
    Api.Answer problem = text("+48600000001", "router blinking red, no internet");
    assertThat(problem.body()).isEqualTo(solutionAndQuestion());
    String id = interaction(problem);

    clock.advanceSeconds(120);
    Api.Answer no = text("+48600000001", "NO");
    assertThat(interaction(no)).isEqualTo(id);
    JsonNode routed = api.get("/api/interactions/" + id).json();
    String ticketId = routed.path("variables").path("ticketId").asString();
    assertThat(ticketId).isNotBlank();
    assertThat(no.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Thank you. A person "
        + "will get back to you shortly; your case number is " + ticketId + ".</Message></Response>");
    assertThat(routed.path("status").asString()).isEqualTo("waiting");
    assertThat(routed.path("waitingFor").path("kind").asString()).isEqualTo("queue");
    assertThat(routed.path("queue").asString()).isEqualTo("router-north");
    assertThat(routed.path("priority").asString()).isEqualTo("high");
    assertThat(routed.path("waitingFor").path("details").path("requirements").path("skills").get(0).path("skill")
        .asString()).isEqualTo("product:router");
    assertThat(desk.waiting(100)).filteredOn(w -> w.interactionId().equals(id)).singleElement()
        .extracting(WaitingInteraction::queueId, WaitingInteraction::channel, WaitingInteraction::caller)
        .containsExactly("router-north", "message", "+48600000001");

    clock.advanceSeconds(30);
    Api.Answer meanwhile = text("+48600000001", "hello? still there?");
    assertThat(interaction(meanwhile)).as("the customer writes on in the same conversation").isEqualTo(id);
    assertThat(meanwhile.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    assertThat(desk.waiting(100)).filteredOn(w -> w.interactionId().equals(id)).hasSize(1);

    // the case's timeline holds the whole conversation, in order, beside the interaction's card
    List<String> conversation = new java.util.ArrayList<>();
    for (JsonNode entry : api.get("/api/threads/" + ticketId).json().path("timeline")) {
      if (entry.path("kind").asString().equals("message")) {
        conversation.add(entry.path("direction").asString() + ": " + entry.path("body").asString());
      }
    }
    assertThat(conversation).containsExactly("in: router blinking red, no internet",
        "out: Turn it off and on again: unplug the router, wait 10 seconds, plug it back in.\n\n"
            + "Did this solve it? Reply YES or NO.", "in: NO",
        "out: Thank you. A person will get back to you shortly; your case number is " + ticketId + ".",
        "in: hello? still there?");
  }

  @Test
  void aProblemTheKnowledgeBaseDoesNotAnswerGoesToAPersonAtOnce() {
    // fuzzy and phonetic matching find a near word in the GPS article, far below the step's minimum score
    Api.Answer problem = text("+48600000003", "my espresso machine makes a strange noise");
    JsonNode routed = api.get("/api/interactions/" + interaction(problem)).json();

    assertThat(routed.path("variables").path("answers").size()).as(routed.path("variables").toString()).isZero();
    assertThat(problem.body()).contains("A person will get back to you shortly");
    assertThat(routed.path("waitingFor").path("kind").asString()).as(routed.toString()).isEqualTo("queue");
    assertThat(routed.path("queue").asString()).isEqualTo("router-north");
  }
}
