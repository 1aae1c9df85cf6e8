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
 * Shows a service's refusal next to the field it is about: the field the message names first gets it
 * as its error; a message naming no field goes to the form's own line.
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

  /** The refusal goes to the field named earliest in it ("the body names {{ nope }}…" is about the body). */
  private void show(String message) {
    String text = message.toLowerCase(java.util.Locale.ROOT);
    HasValidation target = null;
    int at = Integer.MAX_VALUE;
    for (Map.Entry<String, HasValidation> field : fields.entrySet()) {
      int i = text.indexOf(field.getKey());
      if (i >= 0 && i < at) {
        at = i;
        target = field.getValue();
      }
    }
    if (target == null) {
      general.setText(message);
      return;
    }
    target.setErrorMessage(message);
    target.setInvalid(true);
  }
}
