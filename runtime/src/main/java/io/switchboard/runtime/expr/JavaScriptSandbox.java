package io.switchboard.runtime.expr;

import io.switchboard.flow.expr.ExpressionException;
import io.switchboard.flow.expr.ExpressionSyntax;
import io.switchboard.flow.expr.Scope;
import io.switchboard.flow.json.FlowJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Runs flow expressions that are real JavaScript in GraalJS under {@link SandboxPolicy#CONSTRAINED}:
 * no host access, no class lookup, no I/O, threads or processes. Variables go in and the result
 * comes out as JSON text, so the guest never sees a host object. Each evaluation borrows a pooled
 * context (building one costs a few milliseconds), runs under a statement limit and a watchdog
 * that cancels it after the time limit, and the sizes going in and out are capped.
 *
 * <p>No evaluation can observe another, although contexts are reused: each context is made
 * read-only when it is built ({@code pristine.js} freezes every built-in reachable from the global
 * object and from syntax, the global object included, and removes the RegExp statics that hold the
 * last match), and each expression runs in strict mode inside a function of its own, so it cannot
 * create a global, change a built-in or keep anything for a later evaluation.
 */
public final class JavaScriptSandbox implements ExpressionSyntax, AutoCloseable {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  /** Names strict mode does not let an expression read, so a match is a property name: never declared. */
  private static final Set<String> STRICT_RESERVED = Set.of("arguments", "eval", "implements", "interface", "let",
      "package", "private", "protected", "public", "static", "yield");
  private static final Duration WAIT_FOR_IDLE = Duration.ofMillis(20);
  private static final Source PRISTINE = pristine();
  /** The freezing of a new context is ours, not the guest's: it does not count against the statement limit. */
  private static final Predicate<Source> COUNTED = source -> !PRISTINE.equals(source);

  private final SandboxLimits limits;
  private final BlockingQueue<PooledContext> pool;
  private final ScheduledExecutorService watchdog;
  /** Contexts built and not yet closed, idle or in use. */
  private final AtomicInteger live = new AtomicInteger();
  private volatile Engine engine;

  public JavaScriptSandbox(SandboxLimits limits) {
    this.limits = limits;
    this.pool = new ArrayBlockingQueue<>(limits.poolSize());
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "js-watchdog");
      t.setDaemon(true);
      return t;
    });
  }

  public JavaScriptSandbox() {
    this(SandboxLimits.DEFAULTS);
  }

  /** Compiles an expression: checks its syntax now and returns a function of the names it may read. */
  public CompiledExpression compile(String source, Set<String> knownNames) {
    check(source).ifPresent(message -> {
      throw new ExpressionException("'" + source + "' is not a valid expression: " + message);
    });
    List<String> used = IDENTIFIER.matcher(source).results().map(m -> m.group()).filter(knownNames::contains)
        .filter(name -> !STRICT_RESERVED.contains(name)).distinct().sorted().toList();
    // an arrow function: no arguments.callee, no prototype object, nothing of it the expression can reach
    StringBuilder fn = new StringBuilder("Object.freeze((__json) => {\n  'use strict';\n  const __scope = JSON.parse(__json);\n");
    for (String name : used) {
      fn.append("  const ").append(name).append(" = __scope['").append(name).append("'];\n");
    }
    fn.append("  const __result = (\n").append(source).append("\n  );\n")
        .append("  return __result === undefined ? null : JSON.stringify(__result);\n})");
    String function = fn.toString();
    return scope -> evaluate(function, used, scope, source);
  }

  @Override
  public Optional<String> check(String source) {
    PooledContext pc = borrow();
    boolean healthy = true;
    try {
      // strict, as it runs: what strict mode refuses (octal literals, with, delete of a name) is refused now
      pc.context.parse(Source.create("js", "'use strict';(\n" + source + "\n)"));
      return Optional.empty();
    } catch (PolyglotException e) {
      healthy = e.isSyntaxError();
      return Optional.of(readable(e.getMessage()));
    } finally {
      release(pc, healthy);
    }
  }

  /** GraalJS names our wrapper's position ("Unnamed:3:0") and its closing parenthesis; users wrote neither. */
  private static String readable(String message) {
    String text = message.lines().findFirst().orElse(message).replaceAll("Unnamed:\\d+:\\d+\\s*", "");
    return text.replaceAll("but found \\)$", "but the expression ends");
  }

  private Object evaluate(String function, List<String> names, Scope scope, String source) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : names) {
      values.put(name, scope.lookup(name));
    }
    String input = FlowJson.compact(values);
    if (input.length() > limits.maxInputChars()) {
      throw new ExpressionException("the variables '" + String.join("', '", names) + "' are too large to evaluate '"
          + source + "' (" + input.length() + " characters; the limit is " + limits.maxInputChars() + ")");
    }
    PooledContext pc = borrow();
    boolean healthy = false;
    ScheduledFuture<?> dog = watchdog.schedule(() -> pc.context.close(true), limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    try {
      pc.context.resetLimits();
      Value fn = pc.functions.computeIfAbsent(function, f -> pc.context.eval(Source.create("js", f)));
      Value result = fn.execute(input);
      healthy = true;
      if (result.isNull()) {
        return null;
      }
      String json = result.asString();
      if (json.length() > limits.maxResultChars()) {
        throw new ExpressionException("'" + source + "' produced a value too large to keep (" + json.length()
            + " characters; the limit is " + limits.maxResultChars() + ")");
      }
      return FlowJson.mapper().readValue(json, Object.class);
    } catch (PolyglotException e) {
      if (e.isCancelled() || e.isResourceExhausted()) {
        throw new ExpressionException("'" + source + "' was stopped: it ran longer than "
            + limits.timeout().toMillis() + " ms or more than " + limits.statementLimit() + " statements");
      }
      if (e.isGuestException()) {
        healthy = true;
        throw new ExpressionException("'" + source + "' failed: " + e.getMessage());
      }
      throw new ExpressionException("'" + source + "' could not be evaluated: " + e.getMessage(), e);
    } finally {
      boolean watchdogQuiet = dog.cancel(false);
      release(pc, healthy && watchdogQuiet);
    }
  }

  /**
   * An idle context, else a new one while fewer than the pool size live; beyond that, building one
   * (a read-only context costs tens of milliseconds) is worth it only after waiting about as long.
   */
  private PooledContext borrow() {
    PooledContext pc = pool.poll();
    if (pc == null && live.get() >= limits.poolSize()) {
      try {
        pc = pool.poll(WAIT_FOR_IDLE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return pc != null ? pc : build();
  }

  private PooledContext build() {
    live.incrementAndGet();
    try {
      return new PooledContext(engine(), limits);
    } catch (RuntimeException e) {
      live.decrementAndGet();
      throw e;
    }
  }

  private void release(PooledContext pc, boolean healthy) {
    if (!healthy || !pool.offer(pc)) {
      live.decrementAndGet();
      try {
        pc.context.close(true);
      } catch (RuntimeException ignored) {
        // already closed by the watchdog
      }
    }
  }

  private Engine engine() {
    Engine e = engine;
    if (e == null) {
      synchronized (this) {
        if (engine == null) {
          engine = Engine.newBuilder("js")
              .sandbox(SandboxPolicy.CONSTRAINED)
              .out(OutputStream.nullOutputStream())
              .err(OutputStream.nullOutputStream())
              .option("engine.WarnInterpreterOnly", "false")
              .build();
        }
        e = engine;
      }
    }
    return e;
  }

  /** For tests: builds contexts until the pool holds as many idle ones as it can keep. */
  void fillPool() {
    while (pool.size() < limits.poolSize()) {
      pool.add(build());
    }
  }

  /** For tests: how many contexts wait in the pool; sequential evaluations take them in turn. */
  int idleContexts() {
    return pool.size();
  }

  private static Source pristine() {
    try (InputStream in = JavaScriptSandbox.class.getResourceAsStream("pristine.js")) {
      return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), "pristine.js").build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    PooledContext pc;
    while ((pc = pool.poll()) != null) {
      pc.context.close(true);
    }
    if (engine != null) {
      engine.close(true);
    }
  }

  private static final class PooledContext {
    final Context context;
    final Map<String, Value> functions = new HashMap<>();

    PooledContext(Engine engine, SandboxLimits limits) {
      this.context = Context.newBuilder("js")
          .engine(engine)
          .sandbox(SandboxPolicy.CONSTRAINED)
          .out(OutputStream.nullOutputStream())
          .err(OutputStream.nullOutputStream())
          .resourceLimits(ResourceLimits.newBuilder().statementLimit(limits.statementLimit(), COUNTED).build())
          .build();
      context.eval(PRISTINE);
    }
  }
}
