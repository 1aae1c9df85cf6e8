package io.switchboard.runtime.config;

import io.switchboard.flow.validate.FlowValidator;
import io.switchboard.runtime.connector.DataStepCatalog;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.connector.OutboundGuard;
import io.switchboard.runtime.desk.CallListRepository;
import io.switchboard.runtime.desk.CallListService;
import io.switchboard.runtime.desk.DeskHook;
import io.switchboard.runtime.desk.DeskRepository;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.Offering;
import io.switchboard.runtime.desk.VoiceProviders;
import io.switchboard.runtime.outbox.CallUpdateDeliverer;
import io.switchboard.runtime.engine.FlowCompiler;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.Interpreter;
import io.switchboard.runtime.expr.JavaScriptSandbox;
import io.switchboard.runtime.expr.SandboxLimits;
import io.switchboard.runtime.engine.RuntimeServices;
import io.switchboard.runtime.node.knowledge.KnowledgeLookup;
import io.switchboard.runtime.outbox.Deliverer;
import io.switchboard.runtime.outbox.EmailDeliverer;
import io.switchboard.runtime.outbox.OutboxDispatcher;
import io.switchboard.runtime.routing.CallerRegions;
import io.switchboard.runtime.routing.RegionRepository;
import io.switchboard.runtime.routing.RoutingMatcher;
import io.switchboard.runtime.routing.RoutingRepository;
import io.switchboard.runtime.routing.RoutingService;
import io.switchboard.runtime.routing.RegionService;
import io.switchboard.runtime.secrets.SecretBox;
import io.switchboard.runtime.secrets.SecretKeys;
import io.switchboard.runtime.service.AlertService;
import io.switchboard.runtime.service.DataStepService;
import io.switchboard.runtime.service.DataStepTester;
import io.switchboard.runtime.service.FlowService;
import io.switchboard.runtime.scripts.ScriptDocuments;
import io.switchboard.runtime.service.OutboundAllowList;
import io.switchboard.runtime.service.RegistrySync;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.TestRun;
import io.switchboard.runtime.service.TimerService;
import io.switchboard.runtime.store.AlertRepository;
import io.switchboard.runtime.store.DataStepRepository;
import io.switchboard.runtime.store.OutboundAllowRepository;
import io.switchboard.runtime.store.Databases;
import io.switchboard.runtime.store.FlowRepository;
import io.switchboard.runtime.store.InteractionStore;
import io.switchboard.runtime.store.JooqInteractionStore;
import io.switchboard.runtime.store.OutboxRepository;
import io.switchboard.runtime.store.UserRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import io.switchboard.runtime.api.RequestSizeLimit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;

/** Wires the runtime: plain Java objects, built once, with the database and mail that Spring Boot configures. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RuntimeProperties.class)
@PropertySource("classpath:switchboard-runtime.properties")
public class RuntimeConfiguration {

  /** Request bodies over their limit are refused before security or a controller reads them. */
  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(RuntimeProperties properties) {
    FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
        new RequestSizeLimit(properties.maxRequestBytes(), properties.maxHookRequestBytes()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/api/*", "/hooks/*");
    return registration;
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Ids ids() {
    return new Ids();
  }

  @Bean(destroyMethod = "close")
  JavaScriptSandbox javaScriptSandbox(RuntimeProperties properties) {
    SandboxLimits defaults = SandboxLimits.DEFAULTS;
    return new JavaScriptSandbox(new SandboxLimits(properties.expressions().statementLimit(),
        properties.expressions().timeout(), defaults.maxInputChars(), defaults.maxResultChars(), defaults.poolSize()));
  }

  /** Outbound HTTP refuses loopback, private and metadata addresses except those allow-listed. */
  @Bean
  HttpFetcher httpFetcher(RuntimeProperties properties) {
    return new HttpFetcher(new OutboundGuard(properties.http().allowedHosts()));
  }

  /** The key that seals data step secrets; in production mode the application does not start without one. */
  @Bean
  SecretBox secretBox(RuntimeProperties properties) {
    return SecretKeys.box(properties.secrets().key(), properties.secrets().previousKeys(), properties.production(),
        Path.of(properties.secrets().keyFile()));
  }

  /** The data steps flows call, filled from the registry at start-up and kept current by it. */
  @Bean
  DataStepCatalog dataStepCatalog() {
    return new DataStepCatalog();
  }

  @Bean
  DataStepRepository dataStepRepository(DSLContext dsl, Clock clock) {
    return new DataStepRepository(dsl, clock);
  }

  @Bean
  DataStepService dataStepService(DataStepRepository steps, FlowRepository flows, SecretBox secrets,
      JavaScriptSandbox sandbox, HttpFetcher http, DataStepCatalog catalog, Clock clock, FlowService flowService) {
    // the drafts' problems depend on the registered steps: the flow list shows what holds now
    return new DataStepService(steps, flows, secrets, sandbox, http, catalog, clock, flowService::revalidateDrafts);
  }

  @Bean
  DataStepTester dataStepTester() {
    return new DataStepTester();
  }

  @Bean
  OutboundAllowList outboundAllowList(DSLContext dsl, Clock clock, HttpFetcher http) {
    return new OutboundAllowList(new OutboundAllowRepository(dsl, clock), http.guard());
  }

  @Bean(destroyMethod = "close")
  RegistrySync registrySync(DataStepService steps, OutboundAllowList allowList) {
    return new RegistrySync(steps, allowList);
  }

  /**
   * Once every singleton exists (the migrations ran) and before the web server takes requests: the
   * stored data steps go into the catalog, the admin's allow-list into the guard.
   */
  @Bean
  SmartInitializingSingleton registryLoader(RegistrySync sync) {
    return sync::syncNow;
  }

  @Bean
  DSLContext dslContext(DataSource dataSource) {
    return Databases.dsl(dataSource);
  }

  /** Interactions, with the desk's queues (and the features' other hooks, such as threads) kept in step in the same transactions. */
  @Bean
  InteractionStore interactionStore(DSLContext dsl, Clock clock, ObjectProvider<JooqInteractionStore.SaveHook> hooks) {
    List<JooqInteractionStore.SaveHook> all = new ArrayList<>();
    all.add(new DeskHook());
    hooks.orderedStream().forEach(all::add);
    return new JooqInteractionStore(dsl, clock, all);
  }

  /** Call lists; their due entries are started in each offering round, before the offers. */
  @Bean
  CallListService callListService(DSLContext dsl, DeskRepository desk, FlowService flows, InteractionService interactions,
      Clock clock, Ids ids, Offering offering, RuntimeProperties properties) {
    CallListService lists = new CallListService(new CallListRepository(dsl), desk, flows, interactions, clock, ids,
        properties.desk().presenceTimeout());
    offering.beforeOffers(lists::dialDue);
    return lists;
  }

  @Bean
  VoiceProviders voiceProviders(DSLContext dsl, SecretBox secrets, Clock clock) {
    return new VoiceProviders(dsl, secrets, clock);
  }

  @Bean
  DeskRepository deskRepository(DSLContext dsl) {
    return new DeskRepository(dsl);
  }

  /** The one component that decides who is offered what. */
  @Bean(destroyMethod = "close")
  Offering offering(DeskRepository desk, RoutingMatcher matcher, Clock clock, Ids ids, RuntimeProperties properties) {
    return new Offering(desk, matcher, clock, ids, new Offering.Settings(properties.desk().offerTimeout(),
        properties.desk().presenceTimeout(), Offering.Settings.DEFAULTS.batch()));
  }

  @Bean
  RoutingRepository routingRepository(DSLContext dsl) {
    return new RoutingRepository(dsl);
  }

  /** The router the offering component decides through: skills, regions, capacity, substitutes, expanding steps. */
  @Bean
  RoutingMatcher routingMatcher(RoutingRepository routing, DeskRepository desk, RegionService regions,
      RuntimeProperties properties) {
    return new RoutingMatcher(routing, desk, CallerRegions.resolver(regions, properties.desk().defaultCountry()));
  }

  @Bean
  RoutingService routingService(RoutingRepository routing, RoutingMatcher matcher, DeskService desk, RegionService regions,
      UserRepository users, Clock clock, Ids ids, Offering offering) {
    RoutingService service = new RoutingService(routing, matcher, desk, regions,
        username -> users.find(username).isPresent(), clock, ids);
    offering.keepDecisions(service::record);
    return service;
  }

  @Bean
  DeskService deskService(DeskRepository desk, InteractionService interactions, Offering offering, Clock clock, Ids ids,
      UserRepository users) {
    return new DeskService(desk, interactions, offering, clock, ids, username -> users.find(username).isPresent());
  }

  @Bean
  FlowRepository flowRepository(DSLContext dsl, Clock clock) {
    return new FlowRepository(dsl, clock);
  }

  @Bean
  OutboxRepository outboxRepository(DSLContext dsl, Clock clock) {
    return new OutboxRepository(dsl, clock);
  }

  @Bean
  UserRepository userRepository(DSLContext dsl, Clock clock) {
    return new UserRepository(dsl, clock);
  }

  @Bean
  AlertService alertService(DSLContext dsl) {
    return new AlertService(new AlertRepository(dsl));
  }

  @Bean
  RegionService regionService(DSLContext dsl, Clock clock) {
    return new RegionService(new RegionRepository(dsl, clock));
  }

  @Bean
  FlowService flowService(FlowRepository flows, JavaScriptSandbox sandbox, DataStepCatalog dataSteps, HttpFetcher http) {
    return new FlowService(flows, new FlowValidator(sandbox, dataSteps.directory()), new FlowCompiler(sandbox, dataSteps, http));
  }

  /** The agent scripts of published versions, read from the flow service. */
  @Bean
  ScriptDocuments scriptDocuments(FlowService flows) {
    return new ScriptDocuments(flows);
  }

  /** Designers' test runs go through the same service and interpreter, with the same step limit. */
  @Bean
  TestRun.Factory testRuns(JavaScriptSandbox sandbox, DataStepCatalog dataSteps, HttpFetcher http, Clock clock,
      RuntimeProperties properties, ObjectProvider<KnowledgeLookup> knowledge) {
    return new TestRun.Factory(sandbox, dataSteps, http, clock, properties.maxAutomaticSteps(),
        knowledge.getIfAvailable(() -> KnowledgeLookup.NONE));
  }

  @Bean
  Interpreter interpreter(Clock clock, Ids ids, InteractionStore store, DeskRepository desk, RuntimeProperties properties,
      ObjectProvider<KnowledgeLookup> knowledge) {
    return new Interpreter(new RuntimeServices(clock, ids, store, desk::queueInfo,
        knowledge.getIfAvailable(() -> KnowledgeLookup.NONE)), properties.maxAutomaticSteps());
  }

  @Bean(destroyMethod = "close")
  OutboxDispatcher outboxDispatcher(OutboxRepository outbox, ObjectProvider<JavaMailSender> mail, VoiceProviders voice,
      ObjectProvider<Deliverer> features, RuntimeProperties properties) {
    List<Deliverer> deliverers = new ArrayList<>();
    deliverers.add(new CallUpdateDeliverer(voice::settings));
    features.orderedStream().forEach(deliverers::add);
    mail.ifAvailable(sender -> deliverers.add(new EmailDeliverer(sender, properties.mailFrom(),
        io.switchboard.runtime.outbox.EmailMessageIds.DOMAIN)));
    return new OutboxDispatcher(outbox, deliverers, properties.outboxMaxAttempts(), properties.outboxBackoff(),
        properties.outboxLease(), properties.outboxWorkers());
  }

  @Bean
  InteractionService interactionService(FlowService flows, InteractionStore store, Interpreter interpreter, Ids ids,
      Clock clock, OutboxDispatcher dispatcher, OutboxRepository outbox) {
    return new InteractionService(flows, store, interpreter, ids, clock, dispatcher::wake, outbox::deliveries);
  }

  @Bean(destroyMethod = "close")
  TimerService timerService(InteractionStore store, InteractionService interactions, Clock clock,
      RuntimeProperties properties) {
    return new TimerService(store, interactions, clock, properties.timerWorkers());
  }

  /** Background work starts once the migrations ran and the application is ready. */
  @Bean
  BackgroundWork backgroundWork(OutboxDispatcher dispatcher, TimerService timers, RegistrySync registry,
      Offering offering, RuntimeProperties properties) {
    return new BackgroundWork(dispatcher, timers, registry, offering, properties);
  }

  /** Starts the outbox and timer loops when the application is ready. */
  public static final class BackgroundWork {
    private final OutboxDispatcher dispatcher;
    private final TimerService timers;
    private final RegistrySync registry;
    private final Offering offering;
    private final RuntimeProperties properties;

    BackgroundWork(OutboxDispatcher dispatcher, TimerService timers, RegistrySync registry, Offering offering,
        RuntimeProperties properties) {
      this.dispatcher = dispatcher;
      this.timers = timers;
      this.registry = registry;
      this.offering = offering;
      this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
      dispatcher.start(properties.outboxInterval());
      timers.start(properties.timerInterval());
      registry.start(properties.registrySyncInterval());
      offering.start(properties.desk().offeringInterval());
    }
  }
}
