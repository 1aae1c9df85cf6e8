package io.switchboard.runtime.service;

import io.switchboard.runtime.model.DataStepChange;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.connector.DataStepCatalog;
import io.switchboard.runtime.connector.HttpDataStep;
import io.switchboard.runtime.connector.HttpFetcher;
import io.switchboard.runtime.connector.StepAuth;
import io.switchboard.runtime.connector.StepDefinition;
import io.switchboard.runtime.expr.JavaScriptSandbox;
import io.switchboard.runtime.secrets.SecretBox;
import io.switchboard.runtime.store.ConcurrentUpdateException;
import io.switchboard.runtime.store.DataStepRepository;
import io.switchboard.runtime.store.FlowRepository;
import io.switchboard.runtime.openapi.OpenApiImporter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The integrators' registry of data steps: create, change and delete them (every change is a new
 * version with who and what), keep their secrets sealed, and keep the catalog the flows call in
 * step with what is stored. A step a published flow uses cannot be deleted.
 */
public final class DataStepService {
  private final OpenApiImporter openApi = new OpenApiImporter();
  private static final Logger LOG = LoggerFactory.getLogger(DataStepService.class);
  private static final TypeReference<Map<String, String>> SECRETS = new TypeReference<>() {};

  private final DataStepRepository repository;
  private final FlowRepository flows;
  private final SecretBox secrets;
  private final DataStepDefinitions definitions;
  private final DataStepCatalog catalog;
  private final JavaScriptSandbox sandbox;
  private final HttpFetcher http;
  private final Clock clock;
  private final Runnable changed;
  /** The version of each step in the catalog, as last loaded. */
  private final Map<String, Integer> loaded = new java.util.concurrent.ConcurrentHashMap<>();
  private boolean synced;

  public DataStepService(DataStepRepository repository, FlowRepository flows, SecretBox secrets, JavaScriptSandbox sandbox,
      HttpFetcher http, DataStepCatalog catalog, Clock clock) {
    this(repository, flows, secrets, sandbox, http, catalog, clock, () -> { });
  }

  /** @param changed called after the registry changed, e.g. to validate the drafts again */
  public DataStepService(DataStepRepository repository, FlowRepository flows, SecretBox secrets, JavaScriptSandbox sandbox,
      HttpFetcher http, DataStepCatalog catalog, Clock clock, Runnable changed) {
    this.changed = changed;
    this.repository = repository;
    this.flows = flows;
    this.secrets = secrets;
    this.definitions = new DataStepDefinitions(sandbox, http, clock);
    this.catalog = catalog;
    this.sandbox = sandbox;
    this.http = http;
    this.clock = clock;
  }

  /** A step as the API and the screens show it: no secrets, only which of them are stored. */
  public record StepView(StepDefinition definition, int version, List<String> secretsStored, long createdAt,
      String createdBy, long updatedAt, String updatedBy, List<FlowUse> usedBy) {}

  /** A published flow whose latest version calls the step. */
  public record FlowUse(String flowId, String flowName, int version) {}

  /** A flow whose draft calls the step, whatever its published versions do. */
  public record DraftUse(String flowId, String flowName) {}

  /**
   * Brings the catalog in line with the database: at start-up, and then now and again for the steps
   * another instance created, changed or deleted. One query of ids and versions when nothing
   * changed. A step whose secrets cannot be opened is left out, with an error logged once.
   */
  public synchronized void sync() {
    Map<String, Integer> stored = repository.versions();
    boolean any = false;
    for (Map.Entry<String, Integer> entry : stored.entrySet()) {
      if (!entry.getValue().equals(loaded.get(entry.getKey()))) {
        repository.find(entry.getKey()).ifPresent(this::load);
        any = true;
      }
    }
    for (String id : List.copyOf(loaded.keySet())) {
      if (!stored.containsKey(id)) {
        forget(id);
        any = true;
      }
    }
    // the first sync loads what the drafts were last validated against; later changes call for validating them again
    if (any && synced) {
      changed.run();
    }
    synced = true;
  }

  private void load(DataStepRepository.Stored stored) {
    loaded.put(stored.id(), stored.version());
    try {
      catalog.register(stored.id(), new HttpDataStep(full(stored), sandbox, http, clock));
    } catch (RuntimeException e) {
      catalog.remove(stored.id());
      LOG.error("data step '{}' version {} is not available to flows: {}", stored.id(), stored.version(), e.getMessage());
    }
  }

  private void forget(String id) {
    loaded.remove(id);
    catalog.remove(id);
    io.switchboard.runtime.connector.KnownSecrets.forget(id);
  }

  public List<StepView> list() {
    Map<String, List<FlowUse>> uses = usesByStep(flows.latestPublished());
    return repository.all().stream().map(s -> view(s, uses.getOrDefault(s.id(), List.of()))).toList();
  }

  public Optional<StepView> find(String id) {
    return repository.find(id).map(s -> view(s, usesOf(id, flows.latestPublished())));
  }

  /**
   * @throws BadRequestException when the definition is not valid, naming every problem
   * @throws ConflictException when a step with that id exists
   */
  public StepView create(JsonNode definition, String user) {
    StepDefinition step = definitions.parse(definition);
    HttpDataStep compiled = definitions.check(step);
    if (repository.find(step.id()).isPresent()) {
      throw new ConflictException("a data step with the id '" + step.id() + "' exists already");
    }
    StepView saved = save(step, compiled, null, 0, user, flows.latestPublished());
    changed.run();
    return saved;
  }

  /**
   * Replaces a step's definition. Secrets left out are kept when the kind of authentication stays.
   * A change that would give a published flow calling the step an error is refused.
   *
   * @param expectedVersion the version the integrator edited, or null to overwrite
   * @throws NotFoundException when there is no such step
   * @throws ConflictException when the step changed since {@code expectedVersion}, or the change would
   *     break a published flow (with the problems it would have)
   */
  public StepView update(String id, JsonNode definition, Integer expectedVersion, String user) {
    DataStepRepository.Stored stored = repository.find(id).orElseThrow(() -> notFound(id));
    StepDefinition before = full(stored);
    StepDefinition parsed = definitions.parse(definition);
    if (!parsed.id().equals(id)) {
      throw new BadRequestException("the id of a data step cannot change (it is '" + id + "', the body says '"
          + parsed.id() + "'); create a new step instead");
    }
    StepDefinition step = parsed.withAuth(parsed.auth().keepingSecretsOf(before.auth()));
    HttpDataStep compiled = definitions.check(step);
    List<FlowRepository.Published> published = flows.latestPublished();
    List<io.switchboard.flow.validate.Problem> broken = new PublishedFlowCheck(sandbox, catalog.directory())
        .newErrors(step, published.stream()
            .filter(f -> stepsCalledBy(FlowJson.readFlowTree(f.document())).contains(id)).toList());
    if (!broken.isEmpty()) {
      throw new ConflictException("this change would break published flows that call '" + id + "': "
          + broken.getFirst().message() + (broken.size() > 1 ? " (and " + (broken.size() - 1) + " more)" : "")
          + "; change the flows first", broken);
    }
    StepView saved = save(step, compiled, before, expectedVersion, user, published);
    changed.run();
    return saved;
  }

  private StepView save(StepDefinition step, HttpDataStep compiled, StepDefinition before, Integer expectedVersion,
      String user, List<FlowRepository.Published> published) {
    Map<String, String> secretValues = step.auth().secrets();
    String sealed = secretValues.isEmpty() ? null : secrets.seal(FlowJson.compact(secretValues), step.id());
    DataStepRepository.Stored stored;
    try {
      stored = repository.save(step.id(), step.name(), FlowJson.compact(step.withoutSecrets()), sealed,
          DataStepDefinitions.changes(before, step), user, expectedVersion);
    } catch (ConcurrentUpdateException e) {
      throw new ConflictException("the data step '" + step.id() + "' was changed by someone else in the meantime; "
          + "reload it and make your change again");
    }
    catalog.register(step.id(), compiled);
    loaded.put(step.id(), stored.version());
    LOG.info("data step '{}' saved as version {} by {}", step.id(), stored.version(), user);
    return view(stored, usesOf(stored.id(), published));
  }

  /**
   * The servers, operations and authentication an OpenAPI 3 document describes, to pick from.
   *
   * @throws BadRequestException when the text is not an OpenAPI 3 document
   */
  public OpenApiImporter.Contents readOpenApi(String document) {
    try {
      return openApi.read(document == null ? "" : document);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  /**
   * Registers one step per chosen operation of an OpenAPI 3 document, all or none.
   *
   * @throws BadRequestException for no operation, no http(s) base URL, or a document that does not read
   */
  public List<StepView> importOpenApi(String document, List<String> operations, String baseUrl,
      StepAuth.Definition auth, String user) {
    if (operations == null || operations.isEmpty()) {
      throw new BadRequestException("pick at least one operation");
    }
    if (baseUrl == null || !baseUrl.matches("https?://.+")) {
      throw new BadRequestException("give the API's base URL (http or https)");
    }
    List<StepDefinition> proposed;
    try {
      proposed = openApi.steps(document == null ? "" : document, operations, baseUrl, auth);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    return importSteps(proposed, user);
  }

  /**
   * Registers steps made from an OpenAPI document: all of them, or none when one is not valid or
   * its id is taken.
   *
   * @throws BadRequestException naming the step and its problems
   * @throws ConflictException naming the ids that exist already
   */
  public List<StepView> importSteps(List<StepDefinition> steps, String user) {
    List<String> taken = new ArrayList<>();
    Map<StepDefinition, HttpDataStep> compiled = new java.util.LinkedHashMap<>();
    for (StepDefinition step : steps) {
      try {
        compiled.put(step, definitions.check(definitions.parse(FlowJson.mapper().valueToTree(step))));
      } catch (BadRequestException e) {
        throw new BadRequestException("the step '" + step.id() + "' made from the document is not valid; "
            + (e.problems().isEmpty() ? e.getMessage() : e.problems().getFirst().message()), e.problems());
      }
      if (repository.find(step.id()).isPresent()) {
        taken.add(step.id());
      }
    }
    if (!taken.isEmpty()) {
      throw new ConflictException("data steps with these ids exist already: " + String.join(", ", taken)
          + "; delete or rename them first");
    }
    List<FlowRepository.Published> published = flows.latestPublished();
    List<StepView> saved = new ArrayList<>();
    compiled.forEach((step, built) -> saved.add(save(step, built, null, 0, user, published)));
    changed.run();
    return saved;
  }

  /**
   * @throws NotFoundException when there is no such step
   * @throws ConflictException naming the published flows that use it
   */
  public void delete(String id, String user) {
    repository.find(id).orElseThrow(() -> notFound(id));
    List<FlowUse> uses = usesOf(id, flows.latestPublished());
    if (!uses.isEmpty()) {
      throw new ConflictException("the data step '" + id + "' is used by published flows: " + String.join(", ",
          uses.stream().map(u -> "'" + u.flowName() + "' (" + u.flowId() + ", version " + u.version() + ")").toList())
          + "; publish them without it first");
    }
    repository.delete(id, user);
    forget(id);
    changed.run();
    LOG.info("data step '{}' deleted by {}", id, user);
  }

  /**
   * The flows whose drafts call the step, ordered by name: deleting the step leaves those drafts
   * with a problem to fix before they can be published, so the one deleting it is told their names.
   */
  public List<DraftUse> draftsUsing(String stepId) {
    return draftsByStep().getOrDefault(stepId, List.of());
  }

  /** For each step some draft calls, the flows whose drafts call it, ordered by name; two queries in all. */
  public Map<String, List<DraftUse>> draftsByStep() {
    Map<String, String> names = new java.util.HashMap<>();
    flows.list().forEach(f -> names.put(f.id(), f.name()));
    Map<String, List<DraftUse>> uses = new java.util.HashMap<>();
    for (FlowRepository.DraftProblems draft : flows.draftProblems()) {
      DraftUse use = new DraftUse(draft.id(), names.getOrDefault(draft.id(), draft.id()));
      draftCalls(draft.document()).forEach(step -> uses.computeIfAbsent(step, k -> new ArrayList<>()).add(use));
    }
    uses.values().forEach(list -> list.sort(java.util.Comparator.comparing(DraftUse::flowName,
        String.CASE_INSENSITIVE_ORDER)));
    return uses;
  }

  public List<DataStepChange> history(String id) {
    List<DataStepChange> history = repository.history(id);
    if (history.isEmpty()) {
      throw notFound(id);
    }
    return history;
  }

  /** The stored step, secrets included, compiled for a test run of its own (no shared breaker). */
  public HttpDataStep compiled(String id) {
    return new HttpDataStep(full(repository.find(id).orElseThrow(() -> notFound(id))), sandbox, http, clock);
  }

  /**
   * A definition not saved yet (an editor's Test button), validated and compiled, with the stored
   * secrets of the step of the same id where the definition leaves them out.
   */
  public HttpDataStep unsaved(JsonNode definition) {
    StepDefinition step = definitions.parse(definition);
    Optional<StepAuth.Definition> saved = repository.find(step.id()).map(s -> full(s).auth());
    return definitions.check(saved.map(auth -> step.withAuth(step.auth().keepingSecretsOf(auth))).orElse(step));
  }

  private StepDefinition full(DataStepRepository.Stored stored) {
    StepDefinition step = FlowJson.mapper().readValue(stored.definition(), StepDefinition.class);
    if (stored.sealedSecrets() == null) {
      return step;
    }
    SecretBox.Opened opened = secrets.opened(stored.sealedSecrets(), stored.id());
    if (opened.withPreviousKey()) {
      repository.reseal(stored.id(), stored.version(), secrets.seal(opened.text(), stored.id()));
      LOG.info("the secrets of data step '{}' were sealed again with the current key", stored.id());
    }
    Map<String, String> values = FlowJson.mapper().readValue(opened.text(), SECRETS);
    return step.withAuth(step.auth().withSecrets(values));
  }

  private StepView view(DataStepRepository.Stored stored, List<FlowUse> uses) {
    StepDefinition step = FlowJson.mapper().readValue(stored.definition(), StepDefinition.class);
    List<String> secretNames = new ArrayList<>();
    if (stored.sealedSecrets() != null) {
      try {
        secretNames.addAll(FlowJson.mapper().readValue(secrets.open(stored.sealedSecrets(), stored.id()), SECRETS).keySet());
      } catch (SecretBox.SecretException e) {
        LOG.error(e.getMessage());
      }
    }
    return new StepView(step, stored.version(), secretNames, stored.createdAt(), stored.createdBy(), stored.updatedAt(),
        stored.updatedBy(), uses);
  }

  private static List<FlowUse> usesOf(String stepId, List<FlowRepository.Published> published) {
    return usesByStep(published).getOrDefault(stepId, List.of());
  }

  /** For each step a published flow calls, the flows that call it; each document is read once. */
  private static Map<String, List<FlowUse>> usesByStep(List<FlowRepository.Published> published) {
    Map<String, List<FlowUse>> uses = new java.util.HashMap<>();
    for (FlowRepository.Published flow : published) {
      stepsCalledBy(FlowJson.readFlowTree(flow.document())).forEach(step -> uses.computeIfAbsent(step, k -> new ArrayList<>())
          .add(new FlowUse(flow.flowId(), flow.name(), flow.version())));
    }
    return uses;
  }

  /** The steps a draft calls; a draft that does not read as a flow (it is being written) calls none. */
  private static java.util.Set<String> draftCalls(String document) {
    try {
      return document == null ? java.util.Set.of() : stepsCalledBy(FlowJson.readDraftTree(document));
    } catch (RuntimeException unreadable) {
      return java.util.Set.of();
    }
  }

  /** The data steps a flow's fetch nodes name. */
  private static java.util.Set<String> stepsCalledBy(JsonNode flow) {
    java.util.Set<String> called = new java.util.LinkedHashSet<>();
    for (JsonNode node : flow.path("nodes")) {
      if ("fetch".equals(node.path("type").asString(null)) && node.path("config").has("step")) {
        called.add(node.path("config").path("step").asString());
      }
    }
    return called;
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("no data step '" + id + "'");
  }
}
