package io.switchboard.runtime.mail;

import io.switchboard.runtime.tickets.InboundEmail;
import io.switchboard.runtime.tickets.ThreadMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Threads kept in memory with the contract's rules (a Message-ID held by a thread, else "[#N]" in the
 * subject), shared by every poller of a test as the database-backed thread service would be. It
 * records every call, so a test sees a message filed twice.
 */
final class MemoryThreads implements ThreadMail {
  private static final Pattern NUMBER = Pattern.compile("\\[#(\\d+)]");

  record Thread(String id, long number, String queue, List<InboundEmail> mails) {}

  final List<Thread> threads = new ArrayList<>();
  final List<String> held = new ArrayList<>();
  private final AtomicLong numbers = new AtomicLong(1000);

  @Override
  public synchronized Optional<ThreadRef> threadFor(List<String> referencedMessageIds, String subject) {
    for (String id : referencedMessageIds) {
      for (Thread t : threads) {
        if (t.mails().stream().anyMatch(m -> id.equals(m.messageId()))) {
          return Optional.of(new ThreadRef(t.id(), t.number()));
        }
      }
    }
    Matcher m = NUMBER.matcher(subject == null ? "" : subject);
    if (m.find()) {
      long number = Long.parseLong(m.group(1));
      return threads.stream().filter(t -> t.number() == number).findFirst().map(t -> new ThreadRef(t.id(), t.number()));
    }
    return Optional.empty();
  }

  @Override
  public synchronized ThreadRef open(InboundEmail mail, String queue) {
    long number = numbers.incrementAndGet();
    Thread t = new Thread("t" + number, number, queue, new ArrayList<>(List.of(mail)));
    threads.add(t);
    return new ThreadRef(t.id(), t.number());
  }

  @Override
  public synchronized void append(String threadId, InboundEmail mail) {
    threads.stream().filter(t -> t.id().equals(threadId)).findFirst().orElseThrow().mails().add(mail);
  }

  @Override
  public synchronized void holdForInteraction(String interactionId, InboundEmail mail) {
    held.add(interactionId + ":" + mail.messageId());
  }

  /** Every message filed, as often as it was filed. */
  synchronized List<String> filedMessageIds() {
    return threads.stream().flatMap(t -> t.mails().stream()).map(InboundEmail::messageId).toList();
  }

  /** Our outgoing reply in a thread, as the reply composer would store it. */
  synchronized void sent(long number, String messageId) {
    threads.stream().filter(t -> t.number() == number).findFirst().orElseThrow().mails()
        .add(new InboundEmail(null, messageId, null, null, "support@example.com", null, null, null, "Re", "", null,
            null, null, null));
  }
}
