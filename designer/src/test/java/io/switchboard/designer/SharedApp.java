package io.switchboard.designer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * One started application shared by the browser tests that carry this annotation: Spring's test
 * context cache keeps a single context for identical configurations, so these classes start the
 * application once. Tests under it use their own flow ids and user names, never a clean database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:shared-app;DB_CLOSE_DELAY=-1", "switchboard.admin.password=" + SharedApp.ADMIN_PASSWORD})
public @interface SharedApp {
  String ADMIN_PASSWORD = "shared-admin-pw";
}
