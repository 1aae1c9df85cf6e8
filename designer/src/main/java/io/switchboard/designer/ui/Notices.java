package io.switchboard.designer.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** How screens tell the user that something was done, or why it was not. */
public final class Notices {
  private Notices() {}

  public static void done(String message) {
    Notification.show(message, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.SUCCESS);
  }

  public static void failed(String message) {
    Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
  }

  /**
   * Runs an action the user asked for and says it was done; a refusal goes on to {@link ScreenErrors},
   * which shows it, and what follows the call in the screen does not run.
   */
  public static void attempt(Runnable action, String done) {
    action.run();
    done(done);
  }
}
