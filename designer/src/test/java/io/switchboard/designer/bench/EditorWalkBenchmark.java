package io.switchboard.designer.bench;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.designer.EditorPage;
import io.switchboard.designer.LoopbackServer;
import io.switchboard.designer.PriorityRoutingWalk;
import io.switchboard.designer.SwitchboardApplication;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.service.DataStepService;
import io.switchboard.runtime.tickets.TicketService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long a designer takes, scripted, to build the priority-routing flow from an empty canvas,
 * test it and publish it in Debian's Chromium at 1366×768 ({@link PriorityRoutingWalk}: drag four
 * steps, fill their forms, connect five paths, read the problems, run the draft, publish): the
 * time per phase and in all, median of the runs. Then it refreshes the README's screenshots of
 * the main screens under {@code docs/screenshots}.
 *
 * <p>Run: {@code ./mvnw -q -pl flow-schemas,runtime,designer -Pui-bench verify -DskipTests
 * -Dui.bench.main=io.switchboard.designer.bench.EditorWalkBenchmark}.
 */
public final class EditorWalkBenchmark {
  private static final int RUNS = 3;

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    HttpServer crm = LoopbackServer.start("/customers", exchange -> LoopbackServer.json(exchange, 200,
        exchange.getRequestURI().getRawQuery().endsWith("1") ? "{\"loyalty\":\"gold\"}" : "{\"loyalty\":\"basic\"}"));
    ConfigurableApplicationContext app = SpringApplication.run(SwitchboardApplication.class, "--server.port=0",
        "--server.address=127.0.0.1", "--spring.datasource.url=jdbc:h2:mem:walkbench;DB_CLOSE_DELAY=-1",
        "--switchboard.admin.password=bench-admin-pw", "--switchboard.http.allowed-hosts=127.0.0.1",
        "--switchboard.knowledge.index-dir=target/walkbench-index", "--logging.level.root=WARN");
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    app.getBean(DataStepService.class).create(FlowJson.readTree("{\"id\": \"crm-customer\", \"name\": \"CRM customer\","
        + " \"description\": \"The caller's loyalty tier from the CRM, by phone number.\", \"url\": \"http://127.0.0.1:"
        + crm.getAddress().getPort() + "/customers\", \"query\": {\"phone\": \"{{ input.phone }}\"}, \"inputs\": [{\"name\":"
        + " \"phone\", \"required\": true}], \"outputs\": [{\"variable\": \"loyalty\", \"path\": \"$.loyalty\"}]}"), "ines");

    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Page page = BenchBrowser.signedIn(playwright, port, "bench-admin-pw", 1366, 768, 30_000);
      com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);

      PriorityRoutingWalk walk = new PriorityRoutingWalk(page, port);
      List<Map<String, Long>> runs = new ArrayList<>();
      for (int run = 1; run <= RUNS; run++) {
        try {
          runs.add(walk.walk("VIP routing " + run, "vip-routing-" + run, "+4822111223" + run));
        } catch (RuntimeException | AssertionError e) {
          page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "editor-walk-failed.png")));
          throw e;
        }
      }
      report(runs);
      screenshots(page, port, app);
    } finally {
      app.close();
      crm.stop(0);
    }
    System.exit(0);
  }

  private static void report(List<Map<String, Long>> runs) {
    Map<String, List<Long>> byPhase = new LinkedHashMap<>();
    List<Long> totals = new ArrayList<>();
    for (Map<String, Long> run : runs) {
      run.forEach((phase, ms) -> byPhase.computeIfAbsent(phase, p -> new ArrayList<>()).add(ms));
      totals.add(run.values().stream().mapToLong(Long::longValue).sum());
    }
    System.out.printf("priority-routing flow built from an empty canvas, tested and published, %d runs at 1366x768:%n", runs.size());
    byPhase.forEach((phase, values) -> System.out.printf("  %-20s median %6d ms%n", phase, median(values)));
    System.out.printf("  %-20s median %6d ms (min %d, max %d)%n", "in all", median(totals),
        totals.stream().mapToLong(Long::longValue).min().orElse(0), totals.stream().mapToLong(Long::longValue).max().orElse(0));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** The README's pictures: the screens as a first-time user sees them, with the walk's flows in them. */
  private static void screenshots(Page page, int port, ConfigurableApplicationContext app) throws Exception {
    Path folder = Paths.get(System.getProperty("bench.screenshots", "../docs/screenshots"));
    Files.createDirectories(folder);
    TicketService tickets = app.getBean(TicketService.class);
    tickets.open(new TicketService.NewThread("Printer jams on every second page", "Ewa Nowak", "ewa@example.com",
        "+48600000002", null, "high", null, "Called twice this week."), "admin");
    tickets.open(new TicketService.NewThread("Invoice 2026/11/042 shows the wrong address", "Jan Kowalski",
        "jan@example.com", null, null, "normal", null, null), "admin");
    String base = "http://127.0.0.1:" + port;

    page.navigate(base + "/flows/vip-routing-1");
    page.locator(".react-flow__node[data-id='fetch1']").waitFor();
    EditorPage.openTab(page, "test-run");
    page.locator("#test-from input").fill("+48600000001");
    page.locator("#test-start").click();
    page.locator("#test-status").getByText("sip:vip@pbx.example.com").first().waitFor();
    page.locator("#test-steps vaadin-grid-cell-content").getByText("Loyalty from CRM").first().click();
    shoot(page, folder, "editor");
    for (String[] screen : new String[][] {{"", "home"}, {"/flows", "flows"}, {"/integrations", "integrations"},
        {"/threads", "threads"}, {"/desk", "desk"}}) {
      page.navigate(base + screen[0]);
      page.locator("#current-user").waitFor();
      page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
      shoot(page, folder, screen[1]);
    }
  }

  private static void shoot(Page page, Path folder, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + ".png")));
    System.out.println("  screenshot " + folder.resolve(name + ".png").normalize());
  }
}
