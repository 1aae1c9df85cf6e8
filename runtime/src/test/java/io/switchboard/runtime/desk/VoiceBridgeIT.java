package io.switchboard.runtime.desk;

import static io.switchboard.runtime.Conditions.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.connector.LocalHttpServer;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.model.Delivery;
import io.switchboard.runtime.outbox.CallUpdateDeliverer;
import io.switchboard.runtime.outbox.OutboxDispatcher;
import io.switchboard.runtime.secrets.SecretBox;
import io.switchboard.runtime.service.StartRequest;
import io.switchboard.runtime.store.OutboxRepository;
import io.switchboard.runtime.store.TestDatabases;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call waits in the provider's queue; when an agent accepts it, the platform asks a loopback fake
 * provider through the outbox to bridge the call to the agent's SIP address, and tries again after a
 * provider error.
 */
class VoiceBridgeIT {
  private final HikariDataSource dataSource = TestDatabases.h2();
  private final LocalHttpServer provider;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();

  VoiceBridgeIT() throws Exception {
    provider = new LocalHttpServer();
    provider.answer(exchange -> {
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.getRequestBody().readAllBytes();
      LocalHttpServer.respond(exchange, calls.incrementAndGet() == 1 ? 503 : 200, "application/json", "{}");
    });
  }

  @AfterEach
  void close() {
    provider.close();
    TestDatabases.dispose(dataSource);
  }

  @Test
  void acceptingACallBridgesItToTheAgentThroughTheOutboxWithRetries() throws Exception {
    Engine engine = new Engine();
    DeskRig rig = new DeskRig(dataSource, engine.clock(), DeskIT.flows(engine));
    VoiceProviders providers = new VoiceProviders(rig.dsl, new SecretBox(new byte[32]), rig.clock);
    providers.put(provider.url("/2010-04-01/Accounts/AC1"), "AC1", "s3cret");
    assertThat(providers.view().orElseThrow().tokenSet()).isTrue();
    OutboxRepository outbox = new OutboxRepository(rig.dsl, rig.clock);
    try (OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, List.of(new CallUpdateDeliverer(providers::settings)), 5,
        Duration.ofSeconds(1), Duration.ofSeconds(30), 1)) {
      rig.queue("q", 600, 0, List.of("ann"));
      rig.desk.setAddress("ann", "sip:ann@pbx.example.com");
      Interaction call = rig.interactions.start(new StartRequest("call", "voice", "+48111", "+4822000000", Map.of(),
          Map.of("callSid", "CA123"), "CA123"));
      rig.available("ann");
      rig.offering.round();
      Offer offer = rig.desk.offers("ann").getFirst();
      Interaction accepted = rig.desk.accept(offer.id(), "ann");
      assertThat(accepted.instruction().target()).isEqualTo("sip:ann@pbx.example.com");

      dispatcher.handOverDue();
      assertThat(within(Duration.ofSeconds(5), () -> calls.get() == 1)).isTrue();
      assertThat(within(Duration.ofSeconds(5), () -> outbox.deliveries(call.id()).getFirst().lastError() != null)).isTrue();
      assertThat(outbox.deliveries(call.id()).getFirst().lastError()).contains("503");
      rig.advance(Duration.ofSeconds(2));
      dispatcher.handOverDue();
      assertThat(within(Duration.ofSeconds(5),
          () -> "sent".equals(outbox.deliveries(call.id()).getFirst().status()))).isTrue();

      assertThat(provider.uris()).containsOnly("/2010-04-01/Accounts/AC1/Calls/CA123");
      String body = URLDecoder.decode(provider.bodies().getLast(), StandardCharsets.UTF_8);
      assertThat(body).isEqualTo("Twiml=<Response><Dial><Sip>sip:ann@pbx.example.com</Sip></Dial></Response>");
      assertThat(authorizations).allMatch(a -> a.equals("Basic " + java.util.Base64.getEncoder()
          .encodeToString("AC1:s3cret".getBytes(StandardCharsets.UTF_8))));
      Delivery delivery = outbox.deliveries(call.id()).getFirst();
      assertThat(delivery.attempts()).isEqualTo(2);
    }
  }
}
