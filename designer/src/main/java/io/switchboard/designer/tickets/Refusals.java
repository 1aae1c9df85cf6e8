package io.switchboard.designer.tickets;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Span;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.runtime.service.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Shows a service's refusal next to the field it is about: the first field whose words the message
 * names gets it as its error; a message naming no field goes to the form's own line.
 */
final class Refusals {
  private final Map<String, HasValidation> fields = new LinkedHashMap<>();
  private final Span general = new Span();

  Refusals() {
    general.addClassName("sb-error");
    general.setId("form-error");
  }

  /** A field and the word the service's messages call it by ("subject", "e-mail", "label"). */
  Refusals field(String word, HasValidation field) {
    fields.put(word, field);
    return this;
  }

  Span line() {
    return general;
  }

  /** Runs the action; true when the service took it, false (with the refusal shown) when it refused. */
  boolean attempt(Runnable action) {
    return attemptGet(() -> {
      action.run();
      return Boolean.TRUE;
    }) != null;
  }

  <T> T attemptGet(Supplier<T> action) {
    clear();
    try {
      return action.get();
    } catch (BadRequestException | ConflictException | NotFoundException refused) {
      show(refused.getMessage());
      return null;
    }
  }

  void clear() {
    fields.values().forEach(f -> {
      f.setInvalid(false);
      f.setErrorMessage(null);
    });
    general.setText("");
  }

  private void show(String message) {
    for (Map.Entry<String, HasValidation> field : fields.entrySet()) {
      if (message.toLowerCase().contains(field.getKey())) {
        field.getValue().setErrorMessage(message);
        field.getValue().setInvalid(true);
        return;
      }
    }
    general.setText(message);
  }
}
