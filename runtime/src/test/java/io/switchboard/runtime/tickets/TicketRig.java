package io.switchboard.runtime.tickets;

import io.switchboard.runtime.desk.DeskHook;
import io.switchboard.runtime.desk.DeskRepository;
import io.switchboard.runtime.desk.Queue;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.Interpreter;
import io.switchboard.runtime.engine.RuntimeServices;
import io.switchboard.runtime.outbox.EmailDeliverer;
import io.switchboard.runtime.outbox.OutboxDispatcher;
import io.switchboard.runtime.routing.RoutingRepository;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.RunnableFlows;
import io.switchboard.runtime.service.StartRequest;
import io.switchboard.runtime.store.Databases;
import io.switchboard.runtime.store.JooqInteractionStore;
import io.switchboard.runtime.store.OutboxRepository;
import io.switchboard.runtime.store.UserRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One application instance's threads on a real database, without Spring: the store with the desk's
 * and the threads' hooks, interactions, the desk's queues and agents, absences, users, the ticket
 * service and its rounds, and an outbox that sends e-mail over SMTP to {@code smtpPort} on loopback
 * (GreenMail in the tests). One hand-moved clock; two rigs on one database are two instances.
 */
public final class TicketRig implements AutoCloseable {
  public final Engine.MutableClock clock;
  public final DSLContext dsl;
  public final JooqInteractionStore store;
  public final InteractionService interactions;
  public final DeskRepository desk;
  public final RoutingRepository routing;
  public final UserRepository users;
  public final TicketRepository repository;
  public final TicketService tickets;
  public final TicketRounds rounds;
  public final OutboxRepository outbox;
  public final OutboxDispatcher dispatcher;
  private final Map<String, CompiledFlow> flows;

  public TicketRig(DataSource dataSource, Engine.MutableClock clock, Map<String, CompiledFlow> flows, int smtpPort) {
    this.clock = clock;
    this.flows = new ConcurrentHashMap<>(flows);
    this.dsl = Databases.dsl(dataSource);
    Ids ids = new Ids();
    this.desk = new DeskRepository(dsl);
    this.store = new JooqInteractionStore(dsl, clock, List.of(new DeskHook(), new TicketHook(ids, "support@switchboard.test")));
    Interpreter interpreter = new Interpreter(new RuntimeServices(clock, ids, store, desk::queueInfo), 100);
    RunnableFlows runnable = new RunnableFlows() {
      @Override
      public CompiledFlow latest(String flowId) {
        return TicketRig.this.flows.get(flowId);
      }

      @Override
      public CompiledFlow compiled(String flowId, int version) {
        return TicketRig.this.flows.get(flowId);
      }
    };
    this.outbox = new OutboxRepository(dsl, clock);
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtpPort);
    this.repository = new TicketRepository(dsl);
    this.dispatcher = new OutboxDispatcher(outbox, List.of(new EmailDeliverer(sender, "support@switchboard.test",
        io.switchboard.runtime.outbox.EmailMessageIds.DOMAIN), new ThreadEmailDeliverer(repository, () -> sender)), 3, Duration.ofMillis(50),
        Duration.ofSeconds(30), 2);
    this.interactions = new InteractionService(runnable, store, interpreter, ids, clock, dispatcher::wake, id -> List.of());
    this.routing = new RoutingRepository(dsl);
    this.users = new UserRepository(dsl, clock);
    this.tickets = new TicketService(repository, clock, ids, TicketAdapters.presence(desk, routing),
        TicketAdapters.interactions(store, interactions, runnable, id -> desk.notes(id)), TicketAdapters.people(users),
        dispatcher::wake, "switchboard.test", "support@switchboard.test");
    this.rounds = new TicketRounds(repository, clock, ids, TicketAdapters.presence(desk, routing),
        TicketAdapters.breaches(this::flowForAddress, interactions));
  }

  /** The flow whose trigger answers the channel's address, as the published flows' registry would find it. */
  private java.util.Optional<String> flowForAddress(String channel, String address) {
    return flows.values().stream().filter(f -> f.channel().equals(channel))
        .filter(f -> f.document().nodes().stream().anyMatch(n -> n.type().equals("trigger")
            && address.equals(n.config().path("address").asText(null))))
        .map(CompiledFlow::id).findFirst();
  }

  public String start(String flowId, String from, Map<String, Object> data) {
    CompiledFlow flow = flows.get(flowId);
    return interactions.start(new StartRequest(flowId, flow.channel(), from, "support@switchboard.test", Map.of(), data,
        null)).id();
  }

  public void user(String username, String displayName) {
    users.create(username, "{noop}x", displayName, Set.of("agent"));
  }

  /** A queue with these members, each signed in and available. */
  public void queue(String id, String... members) {
    desk.putQueue(new Queue(id, id, List.of(members), 600, 0, List.of()), clock.millis());
    for (String member : members) {
      desk.ensureAgent(member, clock.millis());
      desk.chooseState(member, io.switchboard.runtime.desk.AgentState.available, clock.millis());
    }
  }

  public void advance(Duration by) {
    clock.advanceMillis(by.toMillis());
  }

  @Override
  public void close() {
    rounds.close();
    dispatcher.close();
  }
}
