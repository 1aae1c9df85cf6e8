package io.switchboard.designer;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Debian's Chromium driven by Playwright (which must not download a browser here), with a
 * screenshot under target/playwright for every failed test. Registered as a static extension, it
 * closes the browser once the class's tests are done.
 */
final class Browser implements TestWatcher, AfterAllCallback, AutoCloseable {
  private final Playwright playwright;
  private final com.microsoft.playwright.Browser chromium;
  private Page page;

  Browser() {
    // a 2-core CI machine under load can take more than Playwright's default 5 s to show a server's answer;
    // assertions wait as long as actions do
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
  }

  /** A fresh page in a fresh context (no cookies: signed out). */
  Page newPage() {
    return newPage(1400, 900);
  }

  /** A fresh page in a fresh context with this viewport. */
  Page newPage(int width, int height) {
    page = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height))
        .newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  /** A fresh page signed in as the user, once the screen shows who is signed in. */
  Page signIn(int port, String user, String password) {
    return signIn(port, user, password, 1400, 900);
  }

  /** A fresh page with this viewport, signed in as the user. */
  Page signIn(int port, String user, String password, int width, int height) {
    Page signedIn = newPage(width, height);
    signedIn.navigate("http://127.0.0.1:" + port + "/login");
    signedIn.getByLabel("Username").fill(user);
    signedIn.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
    signedIn.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
        .click();
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(signedIn.locator("#current-user")).hasText(user);
    return signedIn;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (page != null) {
      try {
        Path folder = Files.createDirectories(Path.of("target", "playwright"));
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
            .setPath(folder.resolve(context.getDisplayName().replaceAll("[^A-Za-z0-9]+", "_") + ".png")));
      } catch (Exception e) {
        cause.addSuppressed(e);
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    chromium.close();
    playwright.close();
  }
}
