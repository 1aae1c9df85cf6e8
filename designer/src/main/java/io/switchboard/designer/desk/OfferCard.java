package io.switchboard.designer.desk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.switchboard.runtime.desk.Offer;
import io.switchboard.runtime.desk.Priorities;

/** An interaction offered to the agent: channel, caller, queue, priority, waiting time, the time left to take it. */
final class OfferCard extends Div {
  OfferCard(Offer offer, String queueName, long now, Runnable accept, Runnable decline) {
    setId("offer");
    addClassName("sb-desk-offer");
    H3 title = new H3("Incoming " + offer.channel() + " · " + offer.caller());
    Span facts = new Span("Queue " + queueName + " · priority " + Priorities.name(offer.priority()) + " · waiting ");
    facts.add(Ticker.since((now - offer.waitingSince()) / 1000));
    Span expires = new Span("Expires in ");
    expires.add(Ticker.until((offer.expiresAt() - now) / 1000));
    expires.addClassName("sb-desk-muted");
    Button yes = new Button("Accept", e -> accept.run());
    yes.setId("accept-offer");
    yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    Button no = new Button("Decline", e -> decline.run());
    no.setId("decline-offer");
    add(title, new Div(facts), expires, new HorizontalLayout(yes, no));
  }

  /** Shows the offer as a browser notification, if the agent allowed them. */
  void notifyBrowser(Offer offer) {
    getElement().executeJs("if ('Notification' in window && Notification.permission === 'granted')"
        + " new Notification($0, {body: $1, tag: $2});", "Incoming " + offer.channel(), offer.caller(), offer.id());
  }
}
