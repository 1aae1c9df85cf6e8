package io.switchboard.runtime.tickets;

import io.switchboard.runtime.config.RuntimeProperties;
import io.switchboard.runtime.desk.DeskRepository;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.outbox.Deliverer;
import io.switchboard.runtime.outbox.OutboxDispatcher;
import io.switchboard.runtime.routing.RoutingRepository;
import io.switchboard.runtime.service.FlowService;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.store.InteractionStore;
import io.switchboard.runtime.store.UserRepository;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;

/** The threads: repository, service, the hook that files flows' ticket steps, replies' delivery and the background rounds. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TicketConfiguration.TicketProperties.class)
public class TicketConfiguration {
  /**
   * @param roundInterval how often SLA clocks are checked and threads assigned (default 5 s)
   * @param messageIdDomain the domain of the Message-IDs of replies (default: the domain of switchboard.mail-from)
   */
  @ConfigurationProperties("switchboard.tickets")
  public record TicketProperties(Duration roundInterval, String messageIdDomain) {
    public TicketProperties {
      roundInterval = roundInterval == null ? Duration.ofSeconds(5) : roundInterval;
    }
  }

  @Bean
  TicketRepository ticketRepository(DSLContext dsl) {
    return new TicketRepository(dsl);
  }

  @Bean
  TicketHook ticketHook(Ids ids, RuntimeProperties runtime) {
    return new TicketHook(ids, runtime.mailFrom());
  }

  @Bean
  Deliverer threadEmailDeliverer(TicketRepository repository, ObjectProvider<JavaMailSender> mail) {
    return new ThreadEmailDeliverer(repository, mail::getIfAvailable);
  }

  @Bean
  TicketPorts.Presence ticketPresence(DeskRepository desk, RoutingRepository routing) {
    return TicketAdapters.presence(desk, routing);
  }

  @Bean
  TicketPorts.Interactions ticketInteractions(InteractionStore store, InteractionService interactions, FlowService flows,
      DeskService desk) {
    return TicketAdapters.interactions(store, interactions, flows, id -> desk.notes(id));
  }

  @Bean
  TicketPorts.People ticketPeople(UserRepository users) {
    return TicketAdapters.people(users);
  }

  @Bean
  TicketPorts.Breaches ticketBreaches(FlowService flows, InteractionService interactions) {
    return TicketAdapters.breaches(flows::flowForAddress, interactions);
  }

  @Bean
  TicketService ticketService(TicketRepository repository, Clock clock, Ids ids, TicketPorts.Presence presence,
      TicketPorts.Interactions interactions, TicketPorts.People people, OutboxDispatcher outbox,
      RuntimeProperties runtime, TicketProperties properties) {
    String from = runtime.mailFrom();
    String domain = properties.messageIdDomain() != null ? properties.messageIdDomain()
        : from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip() : "switchboard";
    return new TicketService(repository, clock, ids, presence, interactions, people, outbox::wake, domain, from);
  }

  @Bean(destroyMethod = "close")
  TicketRounds ticketRounds(TicketRepository repository, Clock clock, Ids ids, TicketPorts.Presence presence,
      TicketPorts.Breaches breaches) {
    return new TicketRounds(repository, clock, ids, presence, breaches);
  }

  @Bean
  RoundsStarter ticketRoundsStarter(TicketRounds rounds, TicketProperties properties) {
    return new RoundsStarter(rounds, properties.roundInterval());
  }

  /** Starts the rounds once the migrations ran and the application is ready. */
  public static final class RoundsStarter {
    private final TicketRounds rounds;
    private final Duration interval;

    RoundsStarter(TicketRounds rounds, Duration interval) {
      this.rounds = rounds;
      this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
      rounds.start(interval);
    }
  }
}
