package io.switchboard.designer.ui;

import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.component.UI;
import io.switchboard.flow.json.FlowFormatException;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.runtime.service.NotFoundException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * The one place where a screen's failure becomes what the user sees. A refusal the services meant
 * (bad input, a conflict, something not found, text that is not JSON) is shown as it is worded; any
 * other exception is a bug, logged once with its stack trace and shown without its internals.
 */
@Component
public class ScreenErrors implements VaadinServiceInitListener, ErrorHandler {
  private static final Logger log = LoggerFactory.getLogger(ScreenErrors.class);

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
  }

  @Override
  public void error(ErrorEvent event) {
    Optional<String> refusal = refusal(event.getThrowable());
    if (refusal.isEmpty()) {
      log.error("Unexpected error on a screen", event.getThrowable());
    }
    String message = refusal.orElse("Something went wrong (" + rootCause(event.getThrowable()).getClass().getSimpleName()
        + "); the server log has the details.");
    if (UI.getCurrent() != null) {
      Notices.failed(message);
    }
  }

  /** The message to show when the failure is one the services meant; empty for a bug. */
  static Optional<String> refusal(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      switch (t) {
        case BadRequestException e -> {
          return Optional.of(withFirstProblem(e.getMessage(), e.problems()));
        }
        case ConflictException e -> {
          return Optional.of(withFirstProblem(e.getMessage(), e.problems()));
        }
        case NotFoundException e -> {
          return Optional.of(e.getMessage());
        }
        case io.switchboard.runtime.service.ForbiddenException e -> {
          return Optional.of(e.getMessage());
        }
        case FlowFormatException e -> {
          return Optional.of(e.getMessage());
        }
        case JacksonException e -> {
          return Optional.of("not valid JSON: " + e.getOriginalMessage());
        }
        default -> { }
      }
    }
    return Optional.empty();
  }

  private static String withFirstProblem(String message, java.util.List<io.switchboard.flow.validate.Problem> problems) {
    return problems.isEmpty() ? message : message + ": " + problems.getFirst().message();
  }

  private static Throwable rootCause(Throwable thrown) {
    Throwable t = thrown;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
