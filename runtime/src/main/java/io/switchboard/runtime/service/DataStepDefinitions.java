package io.switchboard.runtime.service;

import com.networknt.schema.Error;
import io.switchboard.flow.expr.ExpressionException;
import io.switchboard.flow.expr.Template;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.schema.NodeTypeCatalog;
import io.switchboard.flow.schema.SchemaErrors;
import io.switchboard.flow.validate.Problem;
import io.switchboard.runtime.connector.HttpDataStep;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.connector.StepDefinition;
import io.switchboard.runtime.expr.JavaScriptSandbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns what an integrator sent into a data step, or says every way it is wrong: first the data
 * step schema, then what a schema cannot say (unique names, templates that use declared inputs only,
 * templates and JSONPaths that compile, the secret the authentication needs).
 */
public final class DataStepDefinitions {
  private static final Pattern INPUT_REFERENCE = Pattern.compile("\\binput\\.([A-Za-z_][A-Za-z0-9_]*)");

  private final JavaScriptSandbox sandbox;
  private final HttpFetcher http;
  private final java.time.Clock clock;

  public DataStepDefinitions(JavaScriptSandbox sandbox, HttpFetcher http, java.time.Clock clock) {
    this.sandbox = sandbox;
    this.http = http;
    this.clock = clock;
  }

  /**
   * @throws BadRequestException with one problem per fault, each with a JSON pointer into the definition
   */
  public StepDefinition parse(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      throw new BadRequestException("a data step is a JSON object");
    }
    List<Problem> problems = new ArrayList<>();
    for (Error error : SchemaErrors.validate(NodeTypeCatalog.get().dataStepSchema(), tree)) {
      SchemaErrors.sentence(error, NodeTypeCatalog.get().dataStepSchemaDocument()).ifPresent(sentence ->
          problems.add(Problem.error(SchemaErrors.pointer(error), null, sentence)));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("the data step is not valid", problems);
    }
    StepDefinition step;
    try {
      step = FlowJson.mapper().treeToValue(tree, StepDefinition.class);
    } catch (JacksonException e) {
      throw new BadRequestException("the data step is not valid: " + e.getOriginalMessage());
    }
    return step;
  }

  /**
   * Checks what the schema cannot, on a step whose secrets are in place.
   *
   * @return the step, compiled, ready to be called
   * @throws BadRequestException with one problem per fault
   */
  public HttpDataStep check(StepDefinition step) {
    List<Problem> problems = new ArrayList<>();
    unique(step.inputs().stream().map(StepDefinition.Input::name).toList(), "/inputs", "input", problems);
    unique(step.outputs().stream().map(StepDefinition.Output::variable).toList(), "/outputs", "output variable", problems);
    Set<String> declared = new HashSet<>();
    step.inputs().forEach(i -> declared.add(i.name()));
    checkTemplate("/url", step.url(), declared, problems);
    step.query().forEach((k, v) -> checkTemplate("/query/" + k, v, declared, problems));
    step.headers().forEach((k, v) -> checkTemplate("/headers/" + k, v, declared, problems));
    if (step.body() != null) {
      checkTemplate("/body", step.body(), declared, problems);
    }
    step.auth().missingSecret().ifPresent(field -> problems.add(Problem.error("/auth/" + field, null,
        "'auth/" + field + "' is needed for " + step.auth().kind() + " authentication")));
    if (problems.isEmpty()) {
      try {
        return new HttpDataStep(step, sandbox, http, clock);
      } catch (IllegalArgumentException | ExpressionException e) {
        problems.add(Problem.error("", null, e.getMessage()));
      }
    }
    throw new BadRequestException("the data step is not valid", problems);
  }

  private static void unique(List<String> names, String pointer, String what, List<Problem> problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      if (!seen.add(names.get(i))) {
        problems.add(Problem.error(pointer + "/" + i, null, "the " + what + " '" + names.get(i) + "' is named twice"));
      }
    }
  }

  private static void checkTemplate(String pointer, String text, Set<String> declared, List<Problem> problems) {
    Template template = Template.parse(text);
    if (template.problem() != null) {
      problems.add(Problem.error(pointer, null, "'" + pointer.substring(1) + "': " + template.problem()));
      return;
    }
    Set<String> unknown = new TreeSet<>();
    for (String hole : template.expressions()) {
      Matcher m = INPUT_REFERENCE.matcher(hole);
      while (m.find()) {
        if (!declared.contains(m.group(1))) {
          unknown.add(m.group(1));
        }
      }
    }
    for (String name : unknown) {
      problems.add(Problem.error(pointer, null, "'" + pointer.substring(1) + "' uses input." + name
          + ", which is not a declared input; add it to the inputs"));
    }
  }

  /** Which fields differ between two versions, for the history: e.g. "url, timeoutMs, auth secret". */
  public static String changes(StepDefinition before, StepDefinition after) {
    if (before == null) {
      return "created";
    }
    JsonNode a = FlowJson.mapper().valueToTree(before.withoutSecrets());
    JsonNode b = FlowJson.mapper().valueToTree(after.withoutSecrets());
    Set<String> fields = new LinkedHashSet<>();
    a.propertyNames().forEach(fields::add);
    b.propertyNames().forEach(fields::add);
    List<String> changed = new ArrayList<>();
    for (String field : fields) {
      if (!a.path(field).equals(b.path(field))) {
        changed.add(field);
      }
    }
    Map<String, String> oldSecrets = before.auth().secrets();
    Map<String, String> newSecrets = after.auth().secrets();
    if (!oldSecrets.equals(newSecrets)) {
      changed.add("auth secret");
    }
    return changed.isEmpty() ? "no change" : String.join(", ", changed);
  }
}
