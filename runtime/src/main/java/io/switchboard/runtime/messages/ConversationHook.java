package io.switchboard.runtime.messages;

import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.store.JooqInteractionStore;
import org.jooq.DSLContext;

/**
 * Keeps the conversation of a message interaction in step with it, in the transaction that saves it:
 * a new interaction takes the conversation of its customer and address over, and every later save
 * (a message in, a reply out, a timer) marks the conversation as moved.
 */
final class ConversationHook implements JooqInteractionStore.SaveHook {

  @Override
  public void inTransaction(DSLContext tx, Interaction interaction, long now) {
    if (!MessageService.CHANNEL.equals(interaction.channel())
        || !(interaction.trigger().get("from") instanceof String customer)
        || !(interaction.trigger().get("to") instanceof String address)) {
      return;
    }
    if (interaction.isNew()) {
      ConversationRepository.belongTo(tx, customer, address, interaction.id(), now);
    } else {
      ConversationRepository.moved(tx, customer, address, interaction.id(), now);
    }
  }
}
