-- Text-message conversations: a customer's address and the address they wrote to, the interaction the
-- conversation belongs to, and when it last moved (a message in, or a step of that interaction saved).
-- The customer's next message within the conversation timeout continues that interaction; the row is
-- in the database, so any instance behind the load balancer finds it.
CREATE TABLE message_conversation (
  customer        VARCHAR(320) NOT NULL,
  address         VARCHAR(320) NOT NULL,
  interaction_id  CHAR(36)     NOT NULL,
  last_at         BIGINT       NOT NULL,
  PRIMARY KEY (customer, address)
);
CREATE INDEX message_conversation_interaction ON message_conversation (interaction_id);
