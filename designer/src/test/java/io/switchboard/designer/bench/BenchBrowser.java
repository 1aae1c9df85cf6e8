package io.switchboard.designer.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.List;

/** The benchmarks' browser: Debian's headless Chromium, a page of this size signed in as admin. */
final class BenchBrowser {
  private BenchBrowser() {
  }

  static Page signedIn(Playwright playwright, int port, String adminPassword, int width, int height, double timeoutMs) {
    Browser chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    Page page = chromium.newContext(new Browser.NewContextOptions().setViewportSize(width, height)).newPage();
    page.setDefaultTimeout(timeoutMs);
    page.navigate("http://127.0.0.1:" + port + "/login");
    page.getByLabel("Username").fill("admin");
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(adminPassword);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    try {
      page.locator("#current-user").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(20_000));
    } catch (RuntimeException e) {
      page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "benchmark-login.png")));
      throw e;
    }
    return page;
  }
}
