package io.switchboard.designer.knowledge;

import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.knowledge.Article;
import io.switchboard.runtime.knowledge.ArticleStatus;
import io.switchboard.runtime.knowledge.Feedback;
import io.switchboard.runtime.knowledge.KnowledgeService;
import io.switchboard.runtime.knowledge.PublicRateLimit;
import io.switchboard.runtime.knowledge.SearchHit;
import io.switchboard.runtime.knowledge.SearchRequest;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.NotFoundException;
import io.switchboard.runtime.service.StartRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What the public help page may do: search and read published articles, say whether one helped, and
 * hand the question to people in the flow {@code switchboard.knowledge.self-service-flow} (default
 * {@code self-service}). Searches and reads count against the client address's allowance, the same
 * one the public REST search uses.
 */
@Service
public class SelfService {
  static final int MAX_TEXT = 4_000;
  private static final int RESULTS = 10;

  private final KnowledgeService knowledge;
  private final PublicRateLimit limit;
  private final InteractionService interactions;
  private final String flowId;

  public SelfService(KnowledgeService knowledge, PublicRateLimit limit, InteractionService interactions,
      @Value("${switchboard.knowledge.self-service-flow:self-service}") String flowId) {
    this.knowledge = knowledge;
    this.limit = limit;
    this.interactions = interactions;
    this.flowId = flowId;
  }

  /** What a limited call gives: the value, or the seconds the client must wait. */
  public record Limited<T>(T value, long waitSeconds) {
    public boolean refused() {
      return waitSeconds > 0;
    }
  }

  /** The customer's contact and question, all optional but the question. */
  public record Question(String text, String name, String contact, String articleId) {}

  public Limited<List<SearchHit>> search(String client, String text) {
    OptionalLong wait = limit.take(client);
    if (wait.isPresent()) {
      return new Limited<>(null, wait.getAsLong());
    }
    return new Limited<>(knowledge.search(SearchRequest.published(text, null, null, List.of(), RESULTS)), 0);
  }

  public Limited<Article> read(String client, String id) {
    OptionalLong wait = limit.take(client);
    if (wait.isPresent()) {
      return new Limited<>(null, wait.getAsLong());
    }
    return new Limited<>(knowledge.readPublished(id), 0);
  }

  /** Counts that the article helped; refused (the seconds to wait) when the client is over its allowance. */
  public Limited<Boolean> helped(String client, String id) {
    OptionalLong wait = limit.take(client);
    if (wait.isPresent()) {
      return new Limited<>(false, wait.getAsLong());
    }
    knowledge.find(id).filter(a -> a.status() == ArticleStatus.PUBLISHED)
        .orElseThrow(() -> new NotFoundException("This article is no longer available."));
    knowledge.feedback(id, Feedback.HELPED);
    return new Limited<>(true, 0);
  }

  /**
   * Opens an interaction with the question in the self-service flow, on that flow's channel; the
   * trigger carries {@code text} and {@code body} (the question), {@code name}, {@code email} or
   * {@code phone}, and {@code source: help-page}. An article the customer read is counted as not helped.
   */
  public Interaction notHelped(String client, Question question) {
    String text = question.text() == null ? "" : question.text().strip();
    if (text.isEmpty()) {
      throw new BadRequestException("Tell us what you are looking for, so that someone can help.");
    }
    if (text.length() > MAX_TEXT) {
      throw new BadRequestException("Please keep the question under " + MAX_TEXT + " characters.");
    }
    OptionalLong wait = limit.take(client);
    if (wait.isPresent()) {
      throw new BadRequestException("Too many requests — try again in " + wait.getAsLong() + " seconds.");
    }
    String contact = question.contact() == null ? "" : question.contact().strip();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("text", text);
    data.put("body", text);
    data.put("source", "help-page");
    if (question.name() != null && !question.name().isBlank()) {
      data.put("name", question.name().strip());
    }
    if (!contact.isEmpty()) {
      data.put(contact.contains("@") ? "email" : "phone", contact);
    }
    if (question.articleId() != null) {
      knowledge.find(question.articleId()).ifPresent(a -> {
        data.put("article", a.title());
        knowledge.feedback(a.id(), Feedback.NOT_HELPED);
      });
    }
    return interactions.start(new StartRequest(flowId, null, contact.isEmpty() ? null : contact, "help-page",
        Map.of(), data, null));
  }

  /** Whether the contact looks like an e-mail address or a phone number (or is empty). */
  static boolean plausibleContact(String contact) {
    String c = contact == null ? "" : contact.strip();
    return c.isEmpty() || c.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || c.matches("\\+?[0-9 ()./-]{5,25}");
  }
}
