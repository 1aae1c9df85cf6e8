package io.switchboard.runtime.bench;

import io.switchboard.runtime.expr.CompiledExpression;
import io.switchboard.runtime.expr.JavaScriptSandbox;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;

/**
 * Measures expressions that take the GraalJS sandbox, on 1 and 2 threads (and 8, more than the pool
 * holds, for the first), and what a fresh context per evaluation would cost instead of a pooled one.
 *
 * <p>Run: {@code ./mvnw -q -pl runtime -am -Pbench verify -Dbench.main=io.switchboard.runtime.bench.ExpressionBenchmark}.
 */
public final class ExpressionBenchmark {
  private static final Map<String, Object> VARIABLES = Map.of("loyalty", "silver", "tags", List.of(1, 2, 3, 4),
      "name", "Ann", "n", 3);
  private static final Set<String> NAMES = VARIABLES.keySet();
  private static final List<String> SOURCES = List.of("loyalty === 'gold' || loyalty === 'platinum'",
      "[...tags].map(x => x * 2)", "JSON.stringify({name, tags})", "`${name}-${n}`", "new Date(0).toISOString()");

  private final double seconds = Double.parseDouble(System.getProperty("bench.seconds", "5"));
  private final double warmup = Double.parseDouble(System.getProperty("bench.warmup", "3"));

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    new ExpressionBenchmark().run();
    System.exit(0);
  }

  private void run() throws Exception {
    System.out.printf("Expressions in the GraalJS sandbox, %.0f s per figure after %.0f s warm-up, %d cores, Java %s%n%n",
        seconds, warmup, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    System.out.println("| expression | threads | evaluations/s | p50 µs | p99 µs |");
    System.out.println("|---|---|---|---|---|");
    try (JavaScriptSandbox sandbox = new JavaScriptSandbox()) {
      for (String source : SOURCES) {
        // GraalJS warms up over all of them: without this the first figures carry the warm-up
        CompiledExpression expression = sandbox.compile(source, NAMES);
        Measurement.run((thread, i) -> expression.evaluate(VARIABLES::get), 2, warmup, 0.1);
      }
      for (String source : SOURCES) {
        CompiledExpression expression = sandbox.compile(source, NAMES);
        // 8 threads on a pool of 2 × cores: evaluations preempted while holding a context leave others without one
        for (int threads : source.equals(SOURCES.getFirst()) ? List.of(1, 2, 8) : List.of(1, 2)) {
          Measurement.Result r = Measurement.run((thread, i) -> expression.evaluate(VARIABLES::get), threads, warmup, seconds);
          System.out.printf("| `%s` | %d | %,.0f | %.1f | %.1f |%n", source, threads, r.perSecond(), r.p50Micros(),
              r.p99Micros());
        }
      }
    }
    System.out.println();
    freshContexts();
  }

  private void fresh(String label, Engine engine, Source setUp, Source function) throws Exception {
    Measurement.Result r = Measurement.run((thread, i) -> {
      try (Context context = Context.newBuilder("js").engine(engine).sandbox(SandboxPolicy.CONSTRAINED)
          .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream()).build()) {
        if (setUp != null) {
          context.eval(setUp);
        }
        context.eval(function).execute("{\"n\":3}").asString();
      }
    }, 1, warmup, seconds);
    System.out.printf("%s: %,.0f evaluations/s, p50 %.1f µs, p99 %.1f µs%n", label, r.perSecond(), r.p50Micros(),
        r.p99Micros());
  }

  /** The alternative to pooling: a context of a shared engine built, used once and closed per evaluation. */
  private void freshContexts() throws Exception {
    try (Engine engine = Engine.newBuilder("js").sandbox(SandboxPolicy.CONSTRAINED).out(OutputStream.nullOutputStream())
        .err(OutputStream.nullOutputStream()).option("engine.WarnInterpreterOnly", "false").build()) {
      Source function = Source.create("js", "(function(json) { const s = JSON.parse(json); return JSON.stringify(s.n * 2); })");
      fresh("fresh context per evaluation (shared engine)", engine, null, function);
      // what a pool miss costs when a new context is made read-only before use (absent before the sandbox did so)
      try (InputStream in = ExpressionBenchmark.class.getResourceAsStream("/io/switchboard/runtime/expr/pristine.js")) {
        if (in != null) {
          Source pristine = Source.create("js", new String(in.readAllBytes(), StandardCharsets.UTF_8));
          fresh("fresh context made read-only by pristine.js, per evaluation", engine, pristine, function);
        }
      }
    }
  }
}
