package io.switchboard.runtime.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.runtime.connector.DataStep;
import io.switchboard.runtime.connector.DataStepCatalog;
import io.switchboard.runtime.connector.HttpDataStep;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.FlowCompiler;
import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.Interpreter;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.expr.CompiledExpression;
import io.switchboard.runtime.expr.ExpressionCompiler;
import io.switchboard.runtime.expr.JavaScriptSandbox;
import io.switchboard.runtime.engine.RuntimeServices;
import io.switchboard.runtime.store.Databases;
import io.switchboard.runtime.store.InMemoryInteractionStore;
import io.switchboard.runtime.store.InteractionStore;
import io.switchboard.runtime.store.JooqInteractionStore;
import io.switchboard.runtime.failure.Result;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures the priority-routing flow (trigger → fetch loyalty → branch → forward) on Switchboard
 * and, in the same run, the same logic hard-coded in plain Java with the same data step, HTTP client
 * and store writes; prints Switchboard's figure as a ratio to the hard-coded one.
 *
 * <p>Run: {@code ./mvnw -q -pl runtime -am -Pbench verify} (options: {@code -Dbench.seconds=5}).
 */
public final class EngineBenchmark {
  private static final int CLEAR_EVERY = 50_000;

  private final double seconds = Double.parseDouble(System.getProperty("bench.seconds", "5"));
  private final double warmup = Double.parseDouble(System.getProperty("bench.warmup", "3"));
  private final Path dataDir = Path.of(System.getProperty("bench.dir", "target/bench"));
  private final List<String> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    new EngineBenchmark().run();
    System.exit(0);
  }

  private void run() throws Exception {
    System.out.printf("Priority routing, %.0f s per figure after %.0f s warm-up, %d cores, Java %s%n%n", seconds, warmup,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    rows.add("| store | data step | threads | Switchboard /s | p50 µs | p99 µs | hard-coded /s | p50 µs | p99 µs | ratio |");
    rows.add("|---|---|---|---|---|---|---|---|---|---|");
    try (LoyaltyServer crm = new LoyaltyServer(); JavaScriptSandbox sandbox = new JavaScriptSandbox()) {
      HttpFetcher http = new HttpFetcher(io.switchboard.runtime.connector.OutboundGuard.allowing("127.0.0.1"));
      DataStep inProcess = input -> Result.ok(Map.of("loyalty", LoyaltyServer.tier((String) input.get("phone"))));
      DataStep overHttp = new HttpDataStep(io.switchboard.runtime.connector.StepDefinition.get("crm-customer",
          crm.url() + "?phone={{ input.phone }}"), sandbox, http);
      for (String store : List.of(System.getProperty("bench.stores", "memory,h2,h2-delayed").split(","))) {
        for (String step : List.of("in-process", "http")) {
          for (int threads : List.of(1, 2)) {
            compare(store, step, threads, sandbox, step.equals("http") ? overHttp : inProcess, crm.url(), http);
          }
        }
      }
      System.out.println();
      rows.forEach(System.out::println);
      System.out.println();
      expressions(sandbox);
      stepOverhead(sandbox, inProcess);
      crashWindow();
    }
  }

  private void compare(String store, String step, int threads, JavaScriptSandbox sandbox, DataStep dataStep, String url,
      HttpFetcher http) throws Exception {
    try (Setup setup = Setup.of(store, dataDir)) {
      DataStepCatalog catalog = new DataStepCatalog().register("crm-customer", dataStep);
      CompiledFlow flow = new FlowCompiler(sandbox, catalog, http).compile(priorityRouting(), 1);
      Interpreter interpreter = new Interpreter(new RuntimeServices(Clock.systemUTC(), new Ids(), setup.store()), 1000);
      Ids ids = new Ids();
      Measurement.Result switchboard = Measurement.run((thread, i) -> {
        Interaction it = new Interaction(ids.next(), "priority-routing", 1, "voice",
            Map.of("from", phone(i), "to", "+48221234567", "channel", "voice"), variables(), System.currentTimeMillis());
        interpreter.start(flow, it);
        setup.store().save(it);
        setup.clearNow(i);
      }, threads, warmup, seconds);

      HardCodedPriorityRouting hardCoded = new HardCodedPriorityRouting(step.equals("http") ? url : null, dataStep, http,
          setup.dataSource());
      Measurement.Result plain = Measurement.run((thread, i) -> {
        hardCoded.handle(ids.next(), phone(i));
        if (i % CLEAR_EVERY == 0) {
          hardCoded.clear();
        }
      }, threads, warmup, seconds);

      String row = String.format("| %s | %s | %d | %,.0f | %.1f | %.1f | %,.0f | %.1f | %.1f | %.2f |", setup.label(), step,
          threads, switchboard.perSecond(), switchboard.p50Micros(), switchboard.p99Micros(), plain.perSecond(),
          plain.p50Micros(), plain.p99Micros(), switchboard.perSecond() / plain.perSecond());
      System.out.println(row);
      rows.add(row);
    }
  }

  /** What a kill -9 costs on H2 with and without its write delay (3 runs each). */
  private void crashWindow() throws Exception {
    System.out.println();
    for (String options : List.of(";WRITE_DELAY=0", "")) {
      for (int run = 0; run < 3; run++) {
        System.out.printf("H2 %s, kill -9 after 3 s: %s%n", options.isEmpty() ? "default write delay" : options.substring(1),
            H2CrashWindow.measure(dataDir, options, 3000));
      }
    }
  }

  /** The fast path against the JavaScript engine for the branch condition of the flow. */
  private void expressions(JavaScriptSandbox sandbox) throws Exception {
    String source = "loyalty == 'gold' || loyalty == 'platinum'";
    Map<String, Object> variables = Map.of("loyalty", "silver");
    CompiledExpression fast = new ExpressionCompiler(sandbox, Set.of("loyalty")).expression(source);
    CompiledExpression js = sandbox.compile(source, Set.of("loyalty"));
    for (var entry : Map.of("fast path (no JS engine)", fast, "GraalJS sandbox", js).entrySet()) {
      Measurement.Result r = Measurement.run((thread, i) -> entry.getValue().evaluate(variables::get), 1, warmup, seconds / 2);
      System.out.printf("expression `%s`, %s: %,.0f evaluations/s, p50 %.2f µs, p99 %.2f µs%n", source, entry.getKey(),
          r.perSecond(), r.p50Micros(), r.p99Micros());
    }
  }

  /** Per-step engine time from the step log of in-memory, in-process runs (no I/O). */
  private void stepOverhead(JavaScriptSandbox sandbox, DataStep inProcess) {
    InMemoryInteractionStore store = new InMemoryInteractionStore(Clock.systemUTC());
    CompiledFlow flow = new FlowCompiler(sandbox, new DataStepCatalog().register("crm-customer", inProcess),
        new HttpFetcher(io.switchboard.runtime.connector.OutboundGuard.allowing("127.0.0.1"))).compile(priorityRouting(), 1);
    Interpreter interpreter = new Interpreter(new RuntimeServices(Clock.systemUTC(), new Ids(), store), 1000);
    Ids ids = new Ids();
    long[] durations = new long[400_000];
    int n = 0;
    for (int i = 0; i < 200_000; i++) {
      Interaction it = new Interaction(ids.next(), "priority-routing", 1, "voice", Map.of("from", phone(i)), variables(), 0);
      interpreter.start(flow, it);
      if (i >= 100_000) {
        for (StepRecord step : it.newSteps()) {
          if (n < durations.length) {
            durations[n++] = step.durationNanos();
          }
        }
      }
    }
    Arrays.sort(durations, 0, n);
    System.out.printf("engine time per step (step log, in memory, in-process data step): p50 %.2f µs, p99 %.2f µs, max %.1f µs over %,d steps%n",
        Measurement.percentile(durations, n, 0.5) / 1000.0, Measurement.percentile(durations, n, 0.99) / 1000.0,
        durations[n - 1] / 1000.0, n);
  }

  private static Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>(4);
    variables.put("loyalty", null);
    return variables;
  }

  private static String phone(long i) {
    return "+4860000000" + (i % 2);
  }

  private static FlowDocument priorityRouting() {
    try (InputStream in = EngineBenchmark.class.getClassLoader().getResourceAsStream("examples/priority-routing.json")) {
      return FlowJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The store of one figure: in memory, or a fresh H2 file database. */
  private record Setup(String label, InteractionStore store, HikariDataSource dataSource, InMemoryInteractionStore memory)
      implements AutoCloseable {

    static Setup of(String kind, Path dir) throws Exception {
      if (kind.equals("memory")) {
        InMemoryInteractionStore memory = new InMemoryInteractionStore(Clock.systemUTC());
        return new Setup("in memory", memory, null, memory);
      }
      // "h2": the application's default, each commit written to the file before the call returns;
      // "h2-delayed": H2's own default, commits written up to 500 ms later (lost on kill -9)
      boolean delayed = kind.equals("h2-delayed");
      Path folder = Files.createDirectories(dir.resolve("h2-" + System.nanoTime()));
      HikariDataSource ds = new HikariDataSource();
      ds.setJdbcUrl("jdbc:h2:file:" + folder.toAbsolutePath().resolve("bench") + (delayed ? "" : ";WRITE_DELAY=0"));
      ds.setUsername("sa");
      ds.setPassword("");
      ds.setMaximumPoolSize(4);
      Databases.migrate(ds);
      return new Setup(delayed ? "H2 file, H2's default write delay (500 ms)" : "H2 file, WRITE_DELAY=0", new JooqInteractionStore(Databases.dsl(ds), Clock.systemUTC()),
          ds, null);
    }

    void clearNow(long iteration) {
      if (memory != null && iteration % CLEAR_EVERY == 0) {
        memory.clear();
      }
    }

    @Override
    public void close() {
      if (dataSource != null) {
        dataSource.close();
      }
    }
  }

}
