package io.switchboard.designer.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** An unknown address, or a screen's subject that does not exist (a flow id no flow has): said in the app's frame. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
@PageTitle("Not found · Switchboard")
public class NotFoundView extends PageNotice implements HasErrorParameter<NotFoundException> {

  public NotFoundView(AuthenticationContext authentication) {
    super(authentication);
  }

  @Override
  public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
    showFor(this, event.getLocation().getPath());
    return HttpStatusCode.NOT_FOUND.getCode();
  }

  static void showFor(PageNotice page, String path) {
    page.show(VaadinIcon.SEARCH, "We couldn't find that page", "There is nothing at " + PageNotice.shown(path)
        + ". It may have been deleted or renamed, or the link is mistyped.");
  }
}
