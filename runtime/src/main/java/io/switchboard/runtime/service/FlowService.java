package io.switchboard.runtime.service;

import io.switchboard.runtime.model.FlowVersion;
import io.switchboard.runtime.model.FlowDraft;
import io.switchboard.flow.json.FlowFormatException;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.model.FlowDocument;
import io.switchboard.flow.model.FlowNode;
import io.switchboard.flow.model.NodeType;
import io.switchboard.flow.model.config.TriggerConfig;
import io.switchboard.flow.validate.FlowValidator;
import io.switchboard.flow.validate.NodeNames;
import io.switchboard.flow.validate.Problem;
import io.switchboard.flow.validate.ValidationResult;
import io.switchboard.runtime.engine.CompiledFlow;
import io.switchboard.runtime.engine.FlowCompiler;
import io.switchboard.runtime.store.AddressTakenException;
import io.switchboard.runtime.store.ConcurrentUpdateException;
import io.switchboard.runtime.store.FlowRepository;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Drafts, validation, publishing and the compiled form of published versions. A published version
 * never changes, so its compiled form is cached for the life of the process.
 */
public final class FlowService implements RunnableFlows {
  /** The flow schema's slug; the store keeps 64 characters. */
  private static final java.util.regex.Pattern FLOW_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  /** The flow schema's maxLength of a name, and the store's column. */
  static final int MAX_NAME_CHARS = 200;

  private static final tools.jackson.core.type.TypeReference<List<Problem>> PROBLEMS = new tools.jackson.core.type.TypeReference<>() {};

  private final FlowRepository flows;
  private final FlowValidator validator;
  private final FlowCompiler compiler;
  private final Map<String, CompiledFlow> compiled = new ConcurrentHashMap<>();

  public FlowService(FlowRepository flows, FlowValidator validator, FlowCompiler compiler) {
    this.flows = flows;
    this.validator = validator;
    this.compiler = compiler;
  }

  /** A draft as the API shows it. */
  public record DraftView(String id, String name, int revision, Integer publishedVersion, long updatedAt, String updatedBy,
      JsonNode document, List<Problem> problems) {
    /** The errors among the problems: those stored at save, and a trigger address another published flow took since. */
    public int errorCount() {
      return (int) problems.stream().filter(Problem::isError).count();
    }
  }

  /**
   * Validates and saves a draft. Problems do not stop saving; only text that is not a flow document
   * does ({@link FlowFormatException}).
   */
  public DraftView saveDraft(String id, String text, String user, Integer expectedRevision) {
    if (id == null || !FLOW_ID.matcher(id).matches()) {
      throw new BadRequestException("a flow id is 1 to 64 lower-case letters, digits, '-' or '_', starting with a letter "
          + "or digit; '" + Limits.shown(id) + "' is not");
    }
    JsonNode tree = FlowJson.readDraftTree(text);
    ValidationResult result = validator.validate(tree);
    JsonNode documentId = tree.get("id");
    if (documentId == null || !id.equals(documentId.asString(null))) {
      throw new BadRequestException("the document's id '" + (documentId == null ? "" : documentId.asString())
          + "' does not match the flow '" + id + "' in the URL");
    }
    String name = tree.path("name").asString("");
    if (name.length() > MAX_NAME_CHARS) {
      throw new BadRequestException("the flow's name is longer than " + MAX_NAME_CHARS + " characters");
    }
    String canonical = FlowJson.write(tree);
    try {
      FlowDraft saved = flows.saveDraft(id, name.isBlank() ? id : name, canonical,
          FlowJson.compact(result.problems()), result.errors().size(), user, expectedRevision);
      return view(saved, tree, withOwnedAddress(id, tree, result.problems()));
    } catch (ConcurrentUpdateException e) {
      throw new ConflictException("the draft of '" + id + "' was changed by someone else since revision "
          + expectedRevision + "; reload it and apply your change again");
    }
  }

  public DraftView draft(String id) {
    FlowDraft draft = flows.draft(id).orElseThrow(() -> new NotFoundException("no flow '" + id + "'"));
    // the stored problems hold: drafts are validated again whenever the registry of data steps changes
    JsonNode tree = FlowJson.readDraftTree(draft.document());
    return view(draft, tree, withOwnedAddress(id, tree, FlowJson.mapper().readValue(draft.problems(), PROBLEMS)));
  }

  /**
   * Deletes a flow and its versions.
   *
   * @throws ConflictException while interactions of the flow are still running or waiting
   */
  public void delete(String id) {
    int open = flows.openInteractions(id);
    if (open > 0) {
      throw new ConflictException("the flow '" + id + "' has " + (open == 1 ? "1 interaction" : open + " interactions") + " still running or waiting; "
          + "it can be deleted once they have ended");
    }
    if (!flows.delete(id)) {
      throw new NotFoundException("no flow '" + id + "'");
    }
    // a new flow may take the id again, with versions from 1: its compiled versions must not be the old ones
    compiled.keySet().removeIf(key -> key.startsWith(id + "@"));
  }

  /** Saves a copy of a flow's draft under a new id and name, unpublished. */
  public DraftView duplicate(String id, String newId, String newName, String user) {
    if (flows.draft(newId).isPresent()) {
      throw new ConflictException("a flow with the id '" + newId + "' exists already");
    }
    tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) draft(id).document().deepCopy();
    copy.put("id", newId);
    copy.put("name", newName);
    return saveDraft(newId, FlowJson.write(copy), user, null);
  }

  /** Renames a flow: its name changes in the draft, its id stays. */
  public DraftView rename(String id, String newName, String user) {
    if (newName == null || newName.isBlank()) {
      throw new BadRequestException("a flow needs a name");
    }
    DraftView current = draft(id);
    tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) current.document().deepCopy();
    copy.put("name", newName.strip());
    return saveDraft(id, FlowJson.write(copy), user, current.revision());
  }

  /** The queue names the drafts of all flows use, sorted, for the queue pickers; a draft that does not bind names none. */
  public List<String> queuesInDrafts() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (String text : flows.draftDocuments()) {
      try {
        names.addAll(io.switchboard.flow.analysis.QueueNames.of(FlowJson.read(text)));
      } catch (io.switchboard.flow.json.FlowFormatException | tools.jackson.core.JacksonException malformed) {
        // a draft is saved even while it is not a valid document yet; it names no queue until it is
      }
    }
    return List.copyOf(names);
  }

  public List<FlowDraft> list() {
    return flows.list();
  }

  /**
   * Validates every draft again and stores the problems that changed: after a data step was
   * registered, changed or deleted, the flow list shows the errors that hold now.
   *
   * @return how many drafts' problems changed
   */
  public int revalidateDrafts() {
    int changed = 0;
    for (FlowRepository.DraftProblems draft : flows.draftProblems()) {
      ValidationResult result;
      try {
        result = validator.validate(FlowJson.readTree(draft.document()));
      } catch (FlowFormatException unreadable) {
        continue; // a draft this version cannot read (a newer format) keeps the problems it was saved with
      }
      String problems = FlowJson.compact(result.problems());
      if (!problems.equals(draft.problems())) {
        flows.updateProblems(draft.id(), problems, result.errors().size());
        changed++;
      }
    }
    return changed;
  }

  /**
   * Publishes the current draft as the next immutable version.
   *
   * @throws ConflictException with the problems while errors remain, or when the trigger's address
   *     belongs to another flow
   */
  public FlowVersion publish(String id, String comment, String user) {
    FlowDraft draft = flows.draft(id).orElseThrow(() -> new NotFoundException("no flow '" + id + "'"));
    ValidationResult result = validator.validate(draft.document());
    if (result.hasErrors()) {
      throw new ConflictException("the flow '" + id + "' has "
          + (result.errors().size() == 1 ? "1 error; fix it" : result.errors().size() + " errors; fix them") + " before publishing", result.errors());
    }
    FlowDocument document = result.document().orElseThrow();
    compiler.compile(document, 0); // fails here, not at the first call, if the runtime cannot build it
    JsonNode tree = FlowJson.readDraftTree(draft.document());
    ownedAddress(id, tree).ifPresent(owned -> {
      throw new ConflictException(owned.sentence()); // the sentence is the whole problem; a list would repeat it
    });
    TriggerConfig trigger = triggerOf(document);
    try {
      return flows.publish(id, draft.document(), comment, user, trigger.channel(), trigger.address());
    } catch (AddressTakenException e) { // published by the other flow since the check above
      throw new ConflictException(ownedAddress(id, tree).map(OwnedAddress::sentence).orElse(e.getMessage()));
    }
  }

  /**
   * The problems with one more when the trigger's address already starts another published flow:
   * the validator cannot know the store, so the draft's list learns it here, before publishing.
   * Computed each time the draft is shown, since the other flow may change its address meanwhile.
   */
  private List<Problem> withOwnedAddress(String id, JsonNode tree, List<Problem> problems) {
    return ownedAddress(id, tree).map(owned -> {
      List<Problem> all = new java.util.ArrayList<>(problems);
      all.add(owned.problem());
      return List.copyOf(all);
    }).orElse(problems);
  }

  /** A trigger address another published flow answers, as a problem and as the sentence a refusal says. */
  private record OwnedAddress(Problem problem, String sentence) {}

  private java.util.Optional<OwnedAddress> ownedAddress(String id, JsonNode tree) {
    JsonNode nodes = tree.path("nodes");
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode node = nodes.get(i);
      if (!NodeType.TRIGGER.id().equals(node.path("type").asString(null))) {
        continue;
      }
      String channel = node.path("config").path("channel").asString("");
      String address = node.path("config").path("address").asString("").strip();
      if (address.isEmpty()) {
        return java.util.Optional.empty();
      }
      int index = i;
      return flows.flowForAddress(channel, address).filter(owner -> !owner.equals(id)).map(owner -> {
        String name = flows.draft(owner).map(FlowDraft::name).orElse(owner);
        String what = AddressWords.of(channel);
        String sentence = "the " + what + " " + address + " already starts “" + name + "”; choose another " + what
            + ", or give “" + name + "” another one and publish it first";
        Problem problem = Problem.error("/nodes/" + index + "/config/address", node.path("id").asString(null),
            NodeNames.of(node) + ": " + sentence + ".");
        return new OwnedAddress(problem, sentence);
      });
    }
    return java.util.Optional.empty();
  }

  public List<FlowVersion> versions(String id) {
    flows.draft(id).orElseThrow(() -> new NotFoundException("no flow '" + id + "'"));
    return flows.versions(id);
  }

  public FlowVersion version(String id, int version) {
    return flows.version(id, version).orElseThrow(() -> new NotFoundException("flow '" + id + "' has no version " + version));
  }

  /** The newest published version of a flow, compiled. */
  @Override
  public CompiledFlow latest(String id) {
    FlowDraft draft = flows.draft(id).orElseThrow(() -> new NotFoundException("no flow '" + id + "'"));
    if (draft.latestVersion() == null) {
      throw new ConflictException("the flow '" + id + "' has not been published yet");
    }
    return compiled(id, draft.latestVersion());
  }

  /** A published version, compiled once and cached. */
  @Override
  public CompiledFlow compiled(String id, int version) {
    return compiled.computeIfAbsent(id + "@" + version, key -> {
      FlowVersion stored = version(id, version);
      return compiler.compile(FlowJson.read(stored.document()), version);
    });
  }

  public java.util.Optional<String> flowForAddress(String channel, String address) {
    return flows.flowForAddress(channel, address);
  }

  static TriggerConfig triggerOf(FlowDocument document) {
    FlowNode node = document.nodes().stream().filter(n -> NodeType.TRIGGER.id().equals(n.type())).findFirst().orElseThrow();
    return FlowJson.mapper().treeToValue(node.config(), TriggerConfig.class);
  }

  private static DraftView view(FlowDraft draft, JsonNode document, List<Problem> problems) {
    return new DraftView(draft.id(), draft.name(), draft.revision(), draft.latestVersion(), draft.updatedAt(),
        draft.updatedBy(), document, problems);
  }
}
