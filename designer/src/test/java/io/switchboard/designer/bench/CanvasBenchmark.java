package io.switchboard.designer.bench;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.switchboard.designer.SwitchboardApplication;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.service.FlowService;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the canvas copes with a 500-node flow in Debian's Chromium: the time from opening the flow
 * until all nodes are drawn and a click on a node has come back from the server with its
 * properties, and the frame intervals while a node is dragged.
 *
 * <p>Run: {@code ./mvnw -q -pl flow-schemas,runtime,designer -Pui-bench verify -DskipTests}.
 */
public final class CanvasBenchmark {
  private static final int NODES = 500;
  private static final int RUNS = 5;

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    ConfigurableApplicationContext app = SpringApplication.run(SwitchboardApplication.class, "--server.port=0",
        "--server.address=127.0.0.1", "--spring.datasource.url=jdbc:h2:mem:canvasbench;DB_CLOSE_DELAY=-1",
        "--switchboard.admin.password=bench-admin-pw", "--logging.level.root=WARN");
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    app.getBean(FlowService.class).saveDraft("big", FlowJson.write(bigFlow()), "bench", null);

    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Page page = BenchBrowser.signedIn(playwright, port, "bench-admin-pw", 1600, 1000, 60_000);

      long[] open = new long[RUNS];
      // where the time goes: the editor's page is there, the first node is drawn, all are drawn (then the click)
      long[] editor = new long[RUNS];
      long[] first = new long[RUNS];
      long[] all = new long[RUNS];
      double[] frames = new double[0];
      for (int run = 0; run < RUNS; run++) {
        // every run opens the same flow: the previous run's drag moved n250 onto its neighbours
        app.getBean(FlowService.class).saveDraft("big", FlowJson.write(bigFlow()), "bench", null);
        long t0 = System.nanoTime();
        page.navigate("http://127.0.0.1:" + port + "/flows/big");
        page.waitForFunction("() => document.querySelector('flow-canvas') !== null");
        editor[run] = (System.nanoTime() - t0) / 1_000_000;
        page.waitForFunction("() => document.querySelector('.react-flow__node') !== null");
        first[run] = (System.nanoTime() - t0) / 1_000_000;
        page.waitForFunction("n => document.querySelectorAll('.react-flow__node').length >= n", NODES);
        all[run] = (System.nanoTime() - t0) / 1_000_000;
        page.locator(".react-flow__node[data-id='n250'] .sb-card-head").click(new com.microsoft.playwright.Locator.ClickOptions()
            .setForce(true));
        try {
          page.locator("#node-properties").getByText("n250").first().waitFor();
        } catch (RuntimeException e) {
          page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "canvas-benchmark-open.png")));
          throw e;
        }
        open[run] = (System.nanoTime() - t0) / 1_000_000;
        frames = dragFrames(page);
      }
      Arrays.sort(frames);
      System.out.printf("%d-node flow, %d runs: opened and interactive in median %d ms (min %d, max %d)%n", NODES, RUNS,
          median(open), Arrays.stream(open).min().orElseThrow(), Arrays.stream(open).max().orElseThrow());
      System.out.printf("  medians from opening: editor's page %d ms, first node drawn %d ms, all drawn %d ms,"
          + " the clicked node's properties %d ms%n", median(editor), median(first), median(all), median(open));
      System.out.printf("dragging a node: %d frames, median interval %.1f ms, p95 %.1f ms, max %.1f ms%n", frames.length,
          frames[frames.length / 2], frames[(int) (frames.length * 0.95)], frames[frames.length - 1]);
    } finally {
      app.close();
    }
    System.exit(0);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Drags the node in the middle of the flow and returns the intervals between animation frames meanwhile. */
  private static double[] dragFrames(Page page) {
    page.evaluate("() => { window.__frames = []; let last = performance.now(); window.__recording = true;"
        + " const tick = t => { if (!window.__recording) return; window.__frames.push(t - last); last = t;"
        + " requestAnimationFrame(tick); }; requestAnimationFrame(tick); }");
    var box = page.locator(".react-flow__node[data-id='n250'] .sb-card-head").boundingBox();
    page.mouse().move(box.x + 10, box.y + 5);
    page.mouse().down();
    for (int i = 1; i <= 60; i++) {
      page.mouse().move(box.x + 10 + i * 3, box.y + 5 + i * 2);
    }
    page.mouse().up();
    Object intervals = page.evaluate("() => { window.__recording = false; return window.__frames.slice(1); }");
    List<Double> values = new ArrayList<>();
    for (Object value : (List<?>) intervals) {
      values.add(((Number) value).doubleValue());
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** 500 nodes: a trigger, then set nodes in a 25-wide grid, each leading to the next. */
  private static ObjectNode bigFlow() {
    ObjectNode doc = FlowJson.mapper().createObjectNode();
    doc.put("format", "switchboard.flow/1").put("id", "big").put("name", "Big flow");
    ArrayNode variables = doc.putArray("variables");
    variables.addObject().put("name", "n").put("type", "number");
    ArrayNode nodes = doc.putArray("nodes");
    ArrayNode edges = doc.putArray("edges");
    ObjectNode layout = doc.putObject("layout");
    for (int i = 0; i < NODES; i++) {
      String id = "n" + i;
      ObjectNode node = nodes.addObject().put("id", id);
      if (i == 0) {
        node.put("type", "trigger").putObject("config").put("channel", "message");
      } else if (i == NODES - 1) {
        node.put("type", "end").putObject("config").put("outcome", "done");
      } else {
        node.put("type", "set").put("label", "Step " + i).putObject("config").putObject("assignments").put("n", "" + i);
      }
      if (i > 0) {
        edges.addObject().put("from", "n" + (i - 1)).put("port", "next").put("to", id);
      }
      layout.putObject(id).put("x", (i % 25) * 220).put("y", (i / 25) * 160);
    }
    return doc;
  }
}
