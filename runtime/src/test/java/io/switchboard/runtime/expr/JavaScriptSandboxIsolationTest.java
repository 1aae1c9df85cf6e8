package io.switchboard.runtime.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pooled contexts are shared by every flow and caller: an evaluation, whatever it does, must leave
 * nothing that a later one can observe. Each case runs on every context of the pool (sequential
 * evaluations take the idle contexts in turn), then ordinary expressions run on every context and on
 * other threads and must compute what they compute on a pristine context.
 */
class JavaScriptSandboxIsolationTest {
  private static final int POOL = 3;
  private static final JavaScriptSandbox SANDBOX = new JavaScriptSandbox(
      new SandboxLimits(20_000_000, Duration.ofSeconds(10), 10_000, 10_000, POOL));
  private static final Set<String> NAMES = Set.of("phone", "tags", "name", "n", "needle");

  /** Everything reachable from the global object and from syntax, summed up, and where a string holds the needle. */
  private static final String GLOBAL_STATE = """
      (() => {
        const seeds = [globalThis, Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function () {}),
          Object.getPrototypeOf(async function* () {}), Object.getPrototypeOf([][Symbol.iterator]()),
          Object.getPrototypeOf(new Map()[Symbol.iterator]()), Object.getPrototypeOf(new Set()[Symbol.iterator]()),
          Object.getPrototypeOf(''[Symbol.iterator]()), Object.getPrototypeOf('a'.matchAll(/a/g)),
          Object.getPrototypeOf([].values().map((x) => x)), Object.getPrototypeOf(Iterator.from({ next: () => ({ done: true }) }))];
        const ids = new Map();
        const pending = seeds.map((seed, i) => [seed, 'seed' + i]);
        const lines = [];
        const found = [];
        const describe = (v, path) => {
          if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
            const text = typeof v === 'symbol' ? v.toString() : String(v);
            if (needle && text.includes(needle)) found.push(path);
            return typeof v + ':' + text;
          }
          if (!ids.has(v)) { ids.set(v, ids.size); pending.push([v, path]); }
          return 'ref:' + ids.get(v);
        };
        const read = (v, path) => v !== null && (typeof v === 'object' || typeof v === 'function') ? typeof v : describe(v, path);
        seeds.forEach((seed, i) => describe(seed, 'seed' + i));
        while (pending.length > 0) {
          const [o, path] = pending.shift();
          lines.push(path + ' ext=' + Object.isExtensible(o) + ' proto=' + describe(Object.getPrototypeOf(o), path + '.__proto__'));
          for (const key of Reflect.ownKeys(o)) {
            const p = Reflect.getOwnPropertyDescriptor(o, key);
            const at = path + '.' + String(key);
            let line = at + ' c=' + p.configurable + ' e=' + p.enumerable;
            if ('value' in p) {
              line += ' w=' + p.writable + ' v=' + describe(p.value, at);
            } else {
              line += ' get=' + describe(p.get, at + '<get>') + ' set=' + describe(p.set, at + '<set>');
              try { line += ' read=' + read(p.get && p.get.call(o), at + '<read>'); } catch (e) { line += ' read throws'; }
            }
            lines.push(line);
          }
        }
        let hash = 0x811c9dc5;
        const all = lines.join('\\n');
        for (let i = 0; i < all.length; i++) { hash = Math.imul(hash ^ all.charCodeAt(i), 0x01000193) >>> 0; }
        return { objects: ids.size, hash, found };
      })()""";

  /** Ordinary expressions and what they give on a pristine context for the caller below. */
  private static final Map<String, Object> ORDINARY = new LinkedHashMap<>();

  static {
    ORDINARY.put("tags.includes('vip') ? 'vip' : 'standard'", "standard");
    ORDINARY.put("[...tags].map(t => t.toUpperCase())", List.of("NEW", "LOYAL"));
    ORDINARY.put("JSON.stringify({ phone, n })", "{\"phone\":\"+48600000002\",\"n\":3}");
    ORDINARY.put("({}).route ?? [].route ?? 'none'", "none");
    ORDINARY.put("typeof route + ' ' + typeof seen + ' ' + typeof globalThis.route", "undefined undefined undefined");
    ORDINARY.put("Math.max(n, 2) + Number('4') + parseInt('5')", 12);
    ORDINARY.put("`${name}-${n}`", "Ann-3");
    ORDINARY.put("new Date(0).toISOString()", "1970-01-01T00:00:00.000Z");
    ORDINARY.put("[RegExp.$1, RegExp.lastMatch, RegExp.input, RegExp['$_']].map(x => x ?? 'unset').join()", "unset,unset,unset,unset");
    ORDINARY.put("(function* () { yield n; })().next().value", 3);
    ORDINARY.put("Object.keys({ a: 1, ...{ b: 2 } }).join() + Object.entries({ c: 3 }).flat().join()", "a,bc,3");
    ORDINARY.put("String([1, 2].toString()) + ({}).toString() + Error('x').toString()", "1,2[object Object]Error: x");
    ORDINARY.put("Array.from(new Set(tags)).length + new Map([[1, 2]]).get(1)", 4);
    ORDINARY.put("(() => { let count = 0; count += 1; return count; })()", 1);
  }

  private static Map<String, Object> caller(String phone) {
    return Map.of("phone", phone, "tags", List.of("new", "loyal"), "name", "Ann", "n", 3, "needle", "");
  }

  private static final Map<String, Object> LATER_CALLER = caller("+48600000002");
  private static CompiledExpression globalState;
  private static Map<String, Object> pristineState;

  @BeforeAll
  static void recordTheStateOfAPristineContext() {
    SANDBOX.fillPool();
    globalState = SANDBOX.compile(GLOBAL_STATE, NAMES);
    pristineState = state(LATER_CALLER).getFirst();
  }

  @AfterAll
  static void close() {
    SANDBOX.close();
  }

  /** The global state of each context of the pool; where the needle was found is left out. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> state(Map<String, Object> variables) {
    return onEveryContext(globalState, variables).stream().map(value -> {
      Map<String, Object> state = new LinkedHashMap<>((Map<String, Object>) value);
      state.remove("found");
      return state;
    }).toList();
  }

  /** As many evaluations in a row as the pool holds contexts: each context runs one. */
  private static List<Object> onEveryContext(CompiledExpression expression, Map<String, Object> variables) {
    assertThat(SANDBOX.idleContexts()).as("every context is idle, so the next evaluations take each in turn")
        .isEqualTo(POOL);
    List<Object> values = new ArrayList<>();
    for (int context = 0; context < POOL; context++) {
      values.add(expression.evaluate(variables::get));
    }
    return values;
  }

  /** The value or the failure of one evaluation. */
  private static String outcome(CompiledExpression expression, Map<String, Object> variables) {
    try {
      return "value " + expression.evaluate(variables::get);
    } catch (RuntimeException e) {
      return "failure " + e.getMessage();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "(() => { JSON.stringify = () => '\"vip\"'; return 1; })()",
      "(() => { JSON.parse = () => ({ tags: ['vip'] }); return 1; })()",
      "(() => { delete JSON.stringify; return 1; })()",
      "(() => { Object.prototype.route = 'vip'; return 1; })()",
      "(() => { Object.defineProperty(Object.prototype, 'toJSON', { value: () => 'vip' }); return 1; })()",
      "(() => { Object.setPrototypeOf(Array.prototype, { route: 'vip' }); return 1; })()",
      "(() => { Array.prototype.includes = () => true; return 1; })()",
      "(() => { Array.prototype.map = () => ['vip']; return 1; })()",
      "(() => { Array.prototype[Symbol.iterator] = function* () { yield 'vip'; }; return 1; })()",
      "(() => { Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true }); return 1; })()",
      "(() => { Object.getPrototypeOf(function* () {}).prototype.next = () => ({ done: true }); return 1; })()",
      "(() => { String.prototype.toUpperCase = () => 'VIP'; return 1; })()",
      "(() => { Number.prototype.toString = () => 'vip'; return 1; })()",
      "(() => { Function.prototype.call = () => 'vip'; return 1; })()",
      "(() => { Math.max = () => 99; return 1; })()",
      "(() => { Reflect.ownKeys = () => []; return 1; })()",
      "(() => { Promise.prototype.then = () => 'vip'; return 1; })()",
      "(() => { Date.prototype.toISOString = () => 'vip'; return 1; })()",
      "(() => { Error.prototype.toString = () => 'vip'; return 1; })()",
      "(() => { globalThis.route = 'vip'; return 1; })()",
      "(() => { route = 'vip'; return 1; })()",
      "(0, eval)('var route = \"vip\"; 1')",
      "(0, eval)('function route() { return \"vip\"; } 1')",
      "Function('route = \"vip\"; return 1')()",
      "(() => { globalThis.seen = []; const parse = JSON.parse; JSON.parse = (t) => { seen.push(t); return parse(t); }; return 1; })()",
      "(() => { globalThis.count = (globalThis.count ?? 0) + 1; return count; })()",
      "(() => { arguments.callee.count = (arguments.callee.count ?? 0) + 1; return arguments.callee.count; })()",
      "(() => { Object.defineProperty(globalThis, 'route', { get: () => 'vip' }); return 1; })()",
      "(() => { Object.freeze = () => {}; return 1; })()"})
  void nothingAnEvaluationDoesIsSeenByALaterOne(String poison) throws Exception {
    CompiledExpression poisoning = SANDBOX.compile(poison, NAMES);
    Map<String, CompiledExpression> ordinary = new LinkedHashMap<>();
    ORDINARY.keySet().forEach(source -> ordinary.put(source, SANDBOX.compile(source, NAMES)));
    assertThat(SANDBOX.idleContexts()).as("every context is idle, so the next evaluations take each in turn")
        .isEqualTo(POOL);
    List<String> outcomes = new ArrayList<>();
    for (int round = 0; round < 2 * POOL; round++) {
      outcomes.add(outcome(poisoning, caller("+4860000000" + round)));
    }
    assertThat(outcomes).as("the same expression again, on every context").containsOnly(outcomes.getFirst());
    assertThat(SANDBOX.idleContexts()).as("no context was dropped: all of them ran it").isEqualTo(POOL);

    for (int round = 0; round < 2; round++) {
      ordinary.forEach((source, expression) -> assertThat(onEveryContext(expression, LATER_CALLER)).as(source)
          .containsOnly(ORDINARY.get(source)));
    }
    assertThat(state(LATER_CALLER)).as("the global state of every context").containsOnly(pristineState);
    try (ExecutorService threads = Executors.newFixedThreadPool(POOL + 1)) {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < POOL + 1; t++) {
        runs.add(threads.submit(() -> ordinary.forEach((source, expression) ->
            assertThat(expression.evaluate(LATER_CALLER::get)).as(source).isEqualTo(ORDINARY.get(source)))));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLaterCallerCannotReadAnEarlierCallersValues() {
    String stash = """
        (() => {
          const kept = [phone, /\\+(\\d+)/.exec(phone)[1], name];
          for (const keep of [() => { globalThis.stash = kept; }, () => { Object.prototype.stash = kept; },
              () => { Array.prototype.push(kept); }, () => { JSON.stash = kept; }, () => { Math.stash = kept; },
              () => { /(\\d+)/.test(phone); }, () => { 'x'.replace(/x/, phone); }, () => { Symbol.for(phone); },
              () => { Error.stackTraceLimit = kept; }, () => { RegExp.stash = kept; }]) {
            try { keep(); } catch (e) { }
          }
          return 1;
        })()""";
    Map<String, Object> earlier = new LinkedHashMap<>(caller("+48700000001"));
    earlier.put("name", "Earlier Caller");
    onEveryContext(SANDBOX.compile(stash, NAMES), earlier);
    CompiledExpression read = SANDBOX.compile("[globalThis.stash, ({}).stash, [][0], JSON.stash, Math.stash, RegExp.stash, RegExp.$1,"
        + " RegExp.lastMatch, RegExp.input, Error.stackTraceLimit].map(x => String(x)).join()", NAMES);
    Map<String, Object> later = new LinkedHashMap<>(LATER_CALLER);
    for (String needle : List.of("700000001", "Earlier Caller")) {
      later.put("needle", needle);
      for (Object state : onEveryContext(globalState, later)) {
        assertThat((List<Object>) ((Map<String, Object>) state).get("found"))
            .as("where the earlier caller's %s can be read", needle).isEmpty();
      }
      assertThat(onEveryContext(read, later)).allSatisfy(text -> assertThat(text).asString().doesNotContain(needle));
    }
  }

  @Test
  void everyReachableBuiltInAndTheGlobalObjectAreFrozen() {
    String unfrozen = GLOBAL_STATE.replace("return { objects: ids.size, hash, found };",
        "return [...ids.keys()].filter(o => !Object.isFrozen(o)).map(o => typeof o === 'function' ? o.name : String(o));");
    for (Object names : onEveryContext(SANDBOX.compile(unfrozen, NAMES), LATER_CALLER)) {
      assertThat(names).asList().as("objects that are not frozen").isEmpty();
    }
    assertThat((Integer) pristineState.get("objects")).as("objects reached").isGreaterThan(500);
  }
}
