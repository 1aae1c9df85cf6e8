package io.switchboard.runtime.tickets;

import java.util.List;
import java.util.Optional;

/**
 * What the mail package needs of the threads to file an inbound e-mail. The ticket service implements
 * it; each call is one transaction.
 */
public interface ThreadMail {

  /**
   * The thread an inbound message belongs to: the one holding an e-mail (in or out) with one of these
   * Message-IDs (try In-Reply-To first, then References newest first), else the thread whose number the
   * subject carries (as in "Re: Printer [#1042]"); empty for a new case.
   */
  Optional<ThreadRef> threadFor(List<String> referencedMessageIds, String subject);

  /** Opens a thread in the queue (null: none) with this message as its first entry; the customer is found or made by the sender's address. */
  ThreadRef open(InboundEmail mail, String queue);

  /**
   * Adds the message to the thread's timeline: a solved thread reopens, and an interaction of the
   * thread waiting for the event {@code customer-reply} receives it.
   */
  void append(String threadId, InboundEmail mail);

  /**
   * Keeps the message of a new case for the interaction a flow runs on it: the flow's ticket step files
   * it into the thread it creates or attaches the interaction to.
   */
  void holdForInteraction(String interactionId, InboundEmail mail);

  /** A thread's id and its number (shown as "#1042"). */
  record ThreadRef(String id, long number) {}
}
