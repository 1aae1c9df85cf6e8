package io.switchboard.runtime.messages;

import static io.switchboard.runtime.store.jooq.Tables.MESSAGE_CONVERSATION;

import java.util.Optional;
import org.jooq.DSLContext;

/** The message conversations, through jOOQ; the writes run inside the transaction that saves the interaction. */
public final class ConversationRepository {
  private final DSLContext dsl;

  public ConversationRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Optional<Conversation> find(String customer, String address) {
    return dsl.selectFrom(MESSAGE_CONVERSATION)
        .where(MESSAGE_CONVERSATION.CUSTOMER.eq(customer).and(MESSAGE_CONVERSATION.ADDRESS.eq(address)))
        .fetchOptional(r -> new Conversation(r.getCustomer(), r.getAddress(), r.getInteractionId(), r.getLastAt()));
  }

  /** The conversation now belongs to this (new) interaction. */
  static void belongTo(DSLContext tx, String customer, String address, String interactionId, long now) {
    int updated = tx.update(MESSAGE_CONVERSATION).set(MESSAGE_CONVERSATION.INTERACTION_ID, interactionId)
        .set(MESSAGE_CONVERSATION.LAST_AT, now)
        .where(MESSAGE_CONVERSATION.CUSTOMER.eq(customer).and(MESSAGE_CONVERSATION.ADDRESS.eq(address)))
        .execute();
    if (updated == 0) {
      tx.insertInto(MESSAGE_CONVERSATION).set(MESSAGE_CONVERSATION.CUSTOMER, customer)
          .set(MESSAGE_CONVERSATION.ADDRESS, address).set(MESSAGE_CONVERSATION.INTERACTION_ID, interactionId)
          .set(MESSAGE_CONVERSATION.LAST_AT, now).execute();
    }
  }

  /** The conversation moved, if it still belongs to this interaction (a newer one may have taken it over). */
  static void moved(DSLContext tx, String customer, String address, String interactionId, long now) {
    tx.update(MESSAGE_CONVERSATION).set(MESSAGE_CONVERSATION.LAST_AT, now)
        .where(MESSAGE_CONVERSATION.CUSTOMER.eq(customer).and(MESSAGE_CONVERSATION.ADDRESS.eq(address))
            .and(MESSAGE_CONVERSATION.INTERACTION_ID.eq(interactionId)))
        .execute();
  }
}
