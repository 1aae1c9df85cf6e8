package io.switchboard.designer.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import java.util.Map;
import java.util.List;

/** The sign-in page; it says why a sign-in failed: a wrong name or password, or an account an admin disabled. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Switchboard")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
  /** The query parameter the sign-in page is opened with when the account is disabled. */
  public static final String DISABLED = "disabled";

  private final LoginForm login = new LoginForm();

  public LoginView() {
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    login.setAction("login");
    login.setForgotPasswordButtonVisible(false);
    add(new H1("Switchboard"), login);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
    LoginI18n i18n = LoginI18n.createDefault();
    if (parameters.containsKey(DISABLED) || parameters.containsKey("error") && refusedAsDisabled()) {
      i18n.getErrorMessage().setTitle("This account is disabled");
      i18n.getErrorMessage().setMessage("An administrator has disabled it. Ask them to enable it again.");
    }
    login.setI18n(i18n);
    login.setError(parameters.containsKey("error") || parameters.containsKey(DISABLED));
  }

  /** Spring Security keeps the last sign-in failure in the session; a disabled account is told so, not "wrong password". */
  private static boolean refusedAsDisabled() {
    VaadinSession session = VaadinSession.getCurrent();
    return session != null && session.getSession() != null
        && session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof DisabledException;
  }
}
