package io.switchboard.runtime.desk;

import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.Interpreter;
import io.switchboard.runtime.engine.RuntimeServices;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.RunnableFlows;
import io.switchboard.runtime.service.StartRequest;
import io.switchboard.runtime.store.Databases;
import io.switchboard.runtime.store.JooqInteractionStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * One application instance's desk on a real database, without Spring: the store with the desk's
 * hook, the interpreter that knows the desk's queues, the interaction service, the offering component
 * and the desk service, all on one hand-moved clock. Two rigs on one database are two instances.
 */
final class DeskRig {
  final Engine.MutableClock clock;
  final DSLContext dsl;
  final DeskRepository repository;
  final JooqInteractionStore store;
  final InteractionService interactions;
  final Offering offering;
  final DeskService desk;
  final CallListService callLists;
  final io.switchboard.runtime.routing.RegionService regions;
  final io.switchboard.runtime.routing.RoutingRepository routingRepository;
  final io.switchboard.runtime.routing.RoutingMatcher matcher;
  final io.switchboard.runtime.routing.RoutingService routing;
  private final Map<String, CompiledFlow> flows;

  DeskRig(DataSource dataSource, Engine.MutableClock clock, Map<String, CompiledFlow> flows) {
    this(dataSource, clock, flows, Offering.Settings.DEFAULTS);
  }

  DeskRig(DataSource dataSource, Engine.MutableClock clock, Map<String, CompiledFlow> flows, Offering.Settings settings) {
    this.clock = clock;
    this.flows = new ConcurrentHashMap<>(flows);
    this.dsl = Databases.dsl(dataSource);
    this.repository = new DeskRepository(dsl);
    this.store = new JooqInteractionStore(dsl, clock, List.of(new DeskHook(),
        new io.switchboard.runtime.tickets.TicketHook(new Ids())));
    Ids ids = new Ids();
    Interpreter interpreter = new Interpreter(new RuntimeServices(clock, ids, store,
        repository::queueInfo), 100);
    RunnableFlows runnable = new RunnableFlows() {
      @Override
      public CompiledFlow latest(String flowId) {
        return DeskRig.this.flows.get(flowId);
      }

      @Override
      public CompiledFlow compiled(String flowId, int version) {
        return DeskRig.this.flows.get(flowId);
      }
    };
    this.interactions = new InteractionService(runnable, store, interpreter, ids, clock, () -> { }, id -> List.of());
    this.regions = new io.switchboard.runtime.routing.RegionService(new io.switchboard.runtime.routing.RegionRepository(dsl,
        clock));
    this.routingRepository = new io.switchboard.runtime.routing.RoutingRepository(dsl);
    this.matcher = new io.switchboard.runtime.routing.RoutingMatcher(routingRepository, repository,
        io.switchboard.runtime.routing.CallerRegions.resolver(regions, "PL"));
    this.offering = new Offering(repository, matcher, clock, ids, settings);
    this.desk = new DeskService(repository, interactions, offering, clock, ids, username -> true);
    this.callLists = new CallListService(new CallListRepository(dsl), repository, runnable, interactions, clock, ids,
        settings.presenceTimeout());
    offering.beforeOffers(callLists::dialDue);
    this.routing = new io.switchboard.runtime.routing.RoutingService(routingRepository, matcher, desk, regions,
        username -> true, clock, ids);
    offering.keepDecisions(routing::record);
  }

  String start(String flowId, String from) {
    CompiledFlow flow = flows.get(flowId);
    return interactions.start(new StartRequest(flowId, flow.channel(), from, "+4822000000", Map.of(), Map.of(), null)).id();
  }

  /** An agent who is available now, in these queues' member lists already. */
  void available(String... usernames) {
    for (String username : usernames) {
      desk.chooseState(username, "available");
    }
  }

  void queue(String id, int maxWaitSeconds, int afterCallWorkSeconds, List<String> members, String... codes) {
    desk.putQueue(new Queue(id, id, members, maxWaitSeconds, afterCallWorkSeconds, List.of(codes)));
  }

  void advance(Duration by) {
    clock.advanceMillis(by.toMillis());
  }
}
