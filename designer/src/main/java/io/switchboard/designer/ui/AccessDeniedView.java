package io.switchboard.designer.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * A signed-in user opening a screen their roles do not include (an agent opening the flows). Vaadin's
 * access control reroutes here; signed-out users go to the sign-in page instead.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
@PageTitle("No access · Switchboard")
public class AccessDeniedView extends PageNotice implements HasErrorParameter<AccessDeniedException> {

  public AccessDeniedView(AuthenticationContext authentication) {
    super(authentication);
  }

  @Override
  public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    show(VaadinIcon.LOCK, "You don't have access to this page", "Your roles don't let you open "
        + PageNotice.shown(event.getLocation().getPath()) + ". The menu shows what you can open; "
        + "if you need this page, ask whoever manages users to give you the role.");
    return HttpStatusCode.FORBIDDEN.getCode();
  }
}
