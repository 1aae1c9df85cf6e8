package io.switchboard.runtime.mail;

import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.secrets.SecretBox;
import io.switchboard.runtime.service.FlowService;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.NotFoundException;
import io.switchboard.runtime.tickets.ThreadMail;
import java.time.Clock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Wires inbound e-mail: the mailboxes, the reader and classifier, the filer and the poller. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
public class MailConfiguration {

  @Bean
  MailboxRepository mailboxRepository(DSLContext dsl) {
    return new MailboxRepository(dsl);
  }

  @Bean
  ImapConnector imapConnector(MailProperties properties) {
    return new ImapConnector(properties);
  }

  @Bean
  MailboxService mailboxService(MailboxRepository repository, SecretBox secrets, ImapConnector connector,
      FlowService flows, Clock clock, Ids ids) {
    return new MailboxService(repository, secrets, connector, flowId -> exists(flows, flowId), clock, ids::next);
  }

  private static boolean exists(FlowService flows, String flowId) {
    try {
      flows.draft(flowId);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Bean(destroyMethod = "close")
  MailPoller mailPoller(MailboxRepository repository, MailboxService mailboxes, ImapConnector connector,
      ObjectProvider<ThreadMail> threads, InteractionService interactions, FlowService flows, Clock clock, Ids ids,
      MailProperties properties) {
    return new MailPoller(repository, mailboxes, connector, new MessageReader(properties.maxAttachmentBytes()),
        new MailClassifier(properties.ownMessageIdDomains()),
        new MailFiler(threads::getIfAvailable, interactions, flows::flowForAddress), clock, properties, ids::next);
  }

  @Bean
  MailPolling mailPolling(MailPoller poller, ObjectProvider<ThreadMail> threads, MailProperties properties) {
    return new MailPolling(poller, threads, properties);
  }

  /** Starts polling once the application is ready, unless {@code switchboard.mail.polling=false}. */
  public static final class MailPolling {
    private static final Logger LOG = LoggerFactory.getLogger(MailPolling.class);
    private final MailPoller poller;
    private final ObjectProvider<ThreadMail> threads;
    private final MailProperties properties;

    MailPolling(MailPoller poller, ObjectProvider<ThreadMail> threads, MailProperties properties) {
      this.poller = poller;
      this.threads = threads;
      this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
      if (!properties.polling()) {
        LOG.info("mailbox polling is off on this instance (switchboard.mail.polling=false)");
      } else if (threads.getIfAvailable() == null) {
        LOG.warn("mailbox polling is off: there is no thread service to file messages into");
      } else {
        poller.start();
      }
    }
  }
}
