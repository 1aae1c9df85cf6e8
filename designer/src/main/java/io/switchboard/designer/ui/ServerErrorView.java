package io.switchboard.designer.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.runtime.service.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A screen that failed while opening. A subject the services do not know is "not found"; anything
 * else is a bug, logged with its stack trace and shown without it (Vaadin's own page prints the
 * exception).
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
@PageTitle("Something went wrong · Switchboard")
public class ServerErrorView extends PageNotice implements HasErrorParameter<Exception> {
  private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

  public ServerErrorView(AuthenticationContext authentication) {
    super(authentication);
  }

  @Override
  public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
    String path = event.getLocation().getPath();
    for (Throwable t = parameter.getCaughtException(); t != null; t = t.getCause()) {
      if (t instanceof NotFoundException) {
        NotFoundView.showFor(this, path);
        return HttpStatusCode.NOT_FOUND.getCode();
      }
    }
    log.error("Opening /{} failed", path, parameter.getCaughtException());
    show(VaadinIcon.WARNING, "Something went wrong", "This page could not be opened. Try again in a moment; "
        + "if it keeps failing, the server log has the details.");
    return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
  }
}
