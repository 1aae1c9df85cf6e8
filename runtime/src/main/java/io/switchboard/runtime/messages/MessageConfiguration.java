package io.switchboard.runtime.messages;

import io.switchboard.runtime.desk.VoiceProviders;
import io.switchboard.runtime.service.FlowService;
import io.switchboard.runtime.service.InteractionService;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The message channel: the conversations, kept in step with their interactions by a save hook, the
 * service behind {@code POST /hooks/message}, and the outbox's deliverer of text messages.
 * {@code switchboard.messages.conversation-timeout} (default 30 minutes) is how long after its last
 * move a customer's next message still continues their interaction.
 */
@Configuration(proxyBeanMethods = false)
public class MessageConfiguration {

  @Bean
  ConversationHook conversationHook() {
    return new ConversationHook();
  }

  @Bean
  MessageDeliverer messageDeliverer(VoiceProviders providers) {
    return new MessageDeliverer(providers::settings);
  }

  @Bean
  MessageService messageService(FlowService flows, InteractionService interactions, DSLContext dsl, Clock clock,
      @Value("${switchboard.messages.conversation-timeout:30m}") Duration timeout) {
    return new MessageService(address -> flows.flowForAddress(MessageService.CHANNEL, address), interactions,
        new ConversationRepository(dsl), clock, timeout);
  }
}
