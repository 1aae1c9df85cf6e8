package io.switchboard.designer.desk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.switchboard.designer.ui.Texts;
import io.switchboard.runtime.desk.Offer;
import io.switchboard.runtime.desk.Priorities;

/**
 * An interaction offered to the agent: channel, caller, queue, priority, waiting time, the time left
 * to take it and why this agent was chosen. A call-list call is a preview: the list, the contact and
 * the script's first prompt, taken with Call.
 */
final class OfferCard extends Div {
  /**
   * @param preview the call-list call's preview, null for any other channel
   */
  OfferCard(Offer offer, CallListWork.Preview preview, String queueName, long now, Runnable accept, Runnable decline) {
    setId("offer");
    addClassName("sb-desk-offer");
    H3 title = new H3(preview == null ? "Incoming " + Texts.channel(offer.channel()).toLowerCase(java.util.Locale.ROOT) + " · " + offer.caller() : preview.headline());
    add(title);
    if (preview != null && preview.prompt() != null) {
      Paragraph prompt = new Paragraph(preview.prompt());
      prompt.setId("offer-prompt");
      prompt.addClassName("sb-desk-offer-prompt");
      add(prompt);
    }
    Span facts = new Span("Queue " + queueName + " · priority " + Priorities.name(offer.priority()) + " · waiting ");
    facts.add(Ticker.since((now - offer.waitingSince()) / 1000));
    add(new Div(facts));
    if (offer.reason() != null && !offer.reason().isBlank()) {
      Div why = new Div("Why you: " + offer.reason());
      why.setId("offer-reason");
      why.addClassName("sb-desk-muted");
      add(why);
    }
    Span expires = new Span("Expires in ");
    expires.add(Ticker.until((offer.expiresAt() - now) / 1000));
    expires.addClassName("sb-desk-muted");
    Button yes = new Button(preview == null ? "Accept" : "Call", e -> accept.run());
    yes.setId("accept-offer");
    yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    Button no = new Button("Decline", e -> decline.run());
    no.setId("decline-offer");
    add(expires, new HorizontalLayout(yes, no));
  }

  /** Shows the offer as a browser notification, if the agent allowed them. */
  void notifyBrowser(Offer offer, CallListWork.Preview preview) {
    getElement().executeJs("if ('Notification' in window && Notification.permission === 'granted')"
        + " new Notification($0, {body: $1, tag: $2});", preview == null ? "Incoming " + offer.channel()
        : "Call list: " + preview.listName(), preview == null ? offer.caller() : preview.headline(), offer.id());
  }
}
