package io.switchboard.designer.desk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.switchboard.runtime.desk.AgentState;
import io.switchboard.runtime.desk.AgentStatus;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** After End: the wrap-up code (one of the queue's, or free text when it has none) and the after-call work left. */
final class WrapUpPanel extends VerticalLayout {
  WrapUpPanel(DeskWorkspace.View view, AgentStatus me, long now, Consumer<String> wrapUp) {
    setId("wrap-up");
    setPadding(false);
    add(new H3("Wrap up"));
    add(new Span("The interaction with " + view.caller() + " has ended"
        + (view.outcome() == null ? "." : " (" + view.outcome() + ").")));
    if (me.state() == AgentState.after_call_work && me.afterCallWorkUntil() != null) {
      Span left = new Span("After-call work left: ");
      Ticker countdown = Ticker.until((me.afterCallWorkUntil() - now) / 1000);
      countdown.setId("acw-countdown");
      left.add(countdown);
      add(left);
    }
    Supplier<String> code;
    if (view.wrapUpCodes().isEmpty()) {
      TextField text = new TextField("Wrap-up");
      text.setId("wrap-up-code");
      text.setWidthFull();
      text.setMaxLength(100);
      add(text);
      code = text::getValue;
    } else {
      Select<String> select = new Select<>();
      select.setLabel("Wrap-up code");
      select.setId("wrap-up-code");
      select.setItems(view.wrapUpCodes());
      select.setWidthFull();
      add(select);
      code = select::getValue;
    }
    Button done = new Button("Wrap up", e -> wrapUp.accept(code.get()));
    done.setId("wrap-up-done");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(done);
  }
}
