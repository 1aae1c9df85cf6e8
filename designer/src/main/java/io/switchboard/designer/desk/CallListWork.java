package io.switchboard.designer.desk;

import io.switchboard.runtime.desk.CallListEntry;
import io.switchboard.runtime.desk.CallListService;
import io.switchboard.runtime.desk.CallOutcome;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.Offer;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.service.ForbiddenException;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.NotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The agent's side of a call-list call: the preview in the offer (which list, whom to call, the
 * script's first prompt) and the outcome they record. Every read and action first checks that the
 * agent may see (or holds) the interaction.
 */
@Service
public class CallListWork {
  static final String CHANNEL = "call-list";

  private final CallListService lists;
  private final DeskService desk;
  private final InteractionService interactions;

  public CallListWork(CallListService lists, DeskService desk, InteractionService interactions) {
    this.lists = lists;
    this.desk = desk;
    this.interactions = interactions;
  }

  /** What the agent previews before calling: the list, the contact, and the prompt the script opens with. */
  public record Preview(String listName, String contactName, String number, String prompt) {
    String headline() {
      return "Call list: " + listName + " — " + (contactName == null ? number : contactName + ", " + number);
    }
  }

  /** The preview of an offered call-list call; empty for any other channel. */
  public Optional<Preview> preview(Offer offer, String username) {
    if (!CHANNEL.equals(offer.channel()) || !desk.mayView(offer.interactionId(), username)) {
      return Optional.empty();
    }
    Interaction it = interactions.get(offer.interactionId());
    String listId = text(it.trigger().get("callListId"));
    String listName;
    try {
      listName = listId == null ? it.queue() : lists.get(listId).name();
    } catch (NotFoundException deleted) {
      listName = listId;
    }
    Object prompt = it.waiting() == null ? null : it.waiting().details().get("prompt");
    String number = text(it.trigger().get("from"));
    return Optional.of(new Preview(listName, text(it.trigger().get("name")), number == null ? "no number" : number,
        text(prompt)));
  }

  /** The entry the interaction calls, with the outcome recorded so far. */
  public Optional<CallListEntry> entry(String interactionId, String username) {
    mayView(interactionId, username);
    return lists.entryFor(interactionId);
  }

  /**
   * Records how the call went, while the agent holds the call or, once ended, until they wrap it up;
   * {@code callBackAt} (epoch ms) only for a call back.
   */
  public CallListEntry record(String interactionId, String username, CallOutcome outcome, Long callBackAt) {
    if (!mayRecord(interactionId, username)) {
      throw new ForbiddenException("interaction " + interactionId + " is not assigned to you");
    }
    return lists.outcome(interactionId, username, outcome.name(), callBackAt);
  }

  /** Whether the call is the agent's and not wrapped up yet. */
  public boolean mayRecord(String interactionId, String username) {
    return desk.assignment(interactionId).map(a -> a.username().equals(username) && a.wrappedAt() == null).orElse(false);
  }

  private void mayView(String interactionId, String username) {
    if (!desk.mayView(interactionId, username)) {
      throw new ForbiddenException("interaction " + interactionId + " is not assigned to you");
    }
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }
}
