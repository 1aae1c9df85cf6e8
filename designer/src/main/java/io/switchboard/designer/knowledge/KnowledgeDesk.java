package io.switchboard.designer.knowledge;

import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.knowledge.Article;
import io.switchboard.runtime.knowledge.ArticleText;
import io.switchboard.runtime.knowledge.Feedback;
import io.switchboard.runtime.knowledge.KnowledgeService;
import io.switchboard.runtime.knowledge.SearchHit;
import io.switchboard.runtime.knowledge.SearchRequest;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ForbiddenException;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.tickets.Ticket;
import io.switchboard.runtime.tickets.TicketService;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The knowledge panel's side of the agent workspace: what to search for first (the interaction's
 * {@code problem} variable, else the trigger's body, subject or text), published articles, marking
 * one used, and sending one to the customer by e-mail as a reply in the interaction's thread — a
 * thread is opened for the interaction first when it has none, so that the e-mail goes through the
 * thread's outbox and stays in its timeline.
 */
@Service
public class KnowledgeDesk {
  private static final int RESULTS = 8;
  private static final List<String> TEXT_KEYS = List.of("body", "text", "message", "subject");

  private final KnowledgeService knowledge;
  private final InteractionService interactions;
  private final DeskService desk;
  private final TicketService tickets;

  public KnowledgeDesk(KnowledgeService knowledge, InteractionService interactions, DeskService desk,
      TicketService tickets) {
    this.knowledge = knowledge;
    this.interactions = interactions;
    this.desk = desk;
    this.tickets = tickets;
  }

  /** What the panel starts with: the text to search and the customer's e-mail address, when known. */
  public record Start(String text, String customerEmail) {}

  public Start start(String interactionId, String agent) {
    mayView(interactionId, agent);
    Interaction it = interactions.get(interactionId);
    return new Start(problemText(it.variables(), it.trigger()), customerEmail(it));
  }

  public List<SearchHit> search(String text) {
    return knowledge.search(SearchRequest.published(text, null, null, List.of(), RESULTS));
  }

  public Article article(String id) {
    return knowledge.get(id);
  }

  /** The agent used the article to solve the case: it counts as helped. */
  public Article markUsed(String articleId) {
    return knowledge.feedback(articleId, Feedback.HELPED);
  }

  /** Where the sent article went. */
  public record Sent(long threadNumber, boolean newThread, String to) {}

  /**
   * Sends the article's solution to {@code to} as a reply in the interaction's (first) thread, opening
   * one for the interaction when it has none; the article counts as sent.
   */
  public Sent send(String interactionId, String agent, String articleId, String to) {
    if (!desk.holds(interactionId, agent)) {
      throw new ForbiddenException("interaction " + interactionId + " is not assigned to you");
    }
    if (to == null || to.isBlank()) {
      throw new BadRequestException("Write the customer's e-mail address to send the article.");
    }
    Article article = knowledge.get(articleId);
    List<Ticket> threads = tickets.threadsOf(interactionId);
    boolean opened = threads.isEmpty();
    Ticket thread = opened ? open(interactionId, agent, article, to.strip()) : threads.getFirst();
    tickets.reply(thread.id(), new TicketService.Reply(List.of(to.strip()), List.of(), null, List.of(), article.title(),
        body(article), List.of(), null), agent);
    knowledge.feedback(articleId, Feedback.SENT);
    return new Sent(thread.number(), opened, to.strip());
  }

  private Ticket open(String interactionId, String agent, Article article, String to) {
    return tickets.openFor(interactionId, new TicketService.NewThread(article.title(), null, to, null, null, null, null,
        null), agent);
  }

  private static String body(Article article) {
    String problem = ArticleText.plain(article.problem());
    String solution = ArticleText.plain(article.solution());
    return (problem.isEmpty() ? "" : problem + "\n\n") + solution;
  }

  static String problemText(Map<String, Object> variables, Map<String, Object> trigger) {
    if (variables.get("problem") instanceof String p && !p.isBlank()) {
      return p.strip();
    }
    for (String key : TEXT_KEYS) {
      if (trigger.get(key) instanceof String s && !s.isBlank()) {
        return s.strip();
      }
    }
    return "";
  }

  private String customerEmail(Interaction it) {
    for (Ticket thread : tickets.threadsOf(it.id())) {
      if (thread.customer() != null && !thread.customer().emails().isEmpty()) {
        return thread.customer().emails().getFirst();
      }
    }
    for (Object value : List.of(String.valueOf(it.variables().get("email")), String.valueOf(it.trigger().get("email")),
        String.valueOf(it.trigger().get("from")))) {
      String s = value.toString();
      if (s.contains("@") && !s.equals("null")) {
        return s.strip();
      }
    }
    return "";
  }

  private void mayView(String interactionId, String agent) {
    if (!desk.mayView(interactionId, agent)) {
      throw new ForbiddenException("interaction " + interactionId + " is not assigned to you");
    }
  }
}
