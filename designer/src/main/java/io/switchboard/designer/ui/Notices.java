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

  /** Runs an action the user asked for and says how it went; the refusal's message is shown as it is. */
  public static boolean attempt(Runnable action, String done) {
    try {
      action.run();
      done(done);
      return true;
    } catch (RuntimeException e) {
      failed(e.getMessage());
      return false;
    }
  }
}
