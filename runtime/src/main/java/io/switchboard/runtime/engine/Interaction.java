package io.switchboard.runtime.engine;

import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.node.ProviderInstruction;
import io.switchboard.runtime.node.Waiting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of one published flow version. Mutable while the interpreter works on it; the store
 * persists it together with the steps logged since it was loaded.
 */
public final class Interaction {
  private final String id;
  private final String flowId;
  private final int flowVersion;
  private final String channel;
  private final Map<String, Object> trigger;
  private final Map<String, Object> variables;
  private final long createdAt;
  private final List<StepRecord> newSteps = new ArrayList<>(8);
  private InteractionStatus status = InteractionStatus.running;
  private String currentNode;
  private Waiting waiting;
  private ProviderInstruction instruction;
  private String outcome;
  private Failure error;
  private String priority;
  private String queue;
  private String externalRef;
  private String agent;
  private int stepCount;
  private int revision;
  private long updatedAt;
  /** What the request running the interaction answers the customer (replies of a message webhook); null when none does. Never stored. */
  private List<String> answers;

  public Interaction(String id, String flowId, int flowVersion, String channel, Map<String, Object> trigger,
      Map<String, Object> variables, long createdAt) {
    this.id = id;
    this.flowId = flowId;
    this.flowVersion = flowVersion;
    this.channel = channel;
    this.trigger = trigger;
    this.variables = new HashMap<>(variables);
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  /** Restores a stored interaction. */
  public static Interaction restore(String id, String flowId, int flowVersion, String channel,
      Map<String, Object> trigger, Map<String, Object> variables, long createdAt, InteractionStatus status,
      String currentNode, Waiting waiting, ProviderInstruction instruction, String outcome, Failure error,
      String priority, String queue, String externalRef, String agent, int stepCount, int revision, long updatedAt) {
    Interaction it = new Interaction(id, flowId, flowVersion, channel, trigger, variables, createdAt);
    it.status = status;
    it.currentNode = currentNode;
    it.waiting = waiting;
    it.instruction = instruction;
    it.outcome = outcome;
    it.error = error;
    it.priority = priority;
    it.queue = queue;
    it.externalRef = externalRef;
    it.agent = agent;
    it.stepCount = stepCount;
    it.revision = revision;
    it.updatedAt = updatedAt;
    return it;
  }

  // --- transitions, used by the interpreter ---

  public void at(String nodeId) {
    this.currentNode = nodeId;
  }

  public void log(StepRecord step) {
    newSteps.add(step);
    stepCount++;
  }

  public int nextSeq() {
    return stepCount + 1;
  }

  public void await(Waiting waiting) {
    this.status = InteractionStatus.waiting;
    this.waiting = waiting;
  }

  public void resumed() {
    this.status = InteractionStatus.running;
    this.waiting = null;
  }

  public void complete(String outcome) {
    this.status = InteractionStatus.completed;
    if (outcome != null) {
      this.outcome = outcome;
    }
    this.waiting = null;
  }

  /** Ends the interaction with a failure nothing in the flow handles. */
  public void fail(Failure error) {
    this.status = InteractionStatus.failed;
    this.error = error;
    this.waiting = null;
  }

  /** Records a failure the flow goes on from (an error port), readable as {@code interaction.error}. */
  public void failed(Failure error) {
    this.error = error;
  }

  // --- changes executors make through their context ---

  public void instruct(ProviderInstruction instruction) {
    this.instruction = instruction;
  }

  public void outcome(String outcome) {
    this.outcome = outcome;
  }

  public void priority(String priority) {
    this.priority = priority;
  }

  public void queue(String queue) {
    this.queue = queue;
  }

  public void assign(String agent) {
    this.agent = agent;
  }

  /** Stops the interaction where it is (an agent ended it); what was logged stays. */
  public void cancel(String outcome) {
    this.status = InteractionStatus.cancelled;
    this.outcome = outcome;
    this.waiting = null;
  }

  /** From now on, replies go into the answer of the request that runs the interaction (see {@link #answers()}). */
  public void answerInline() {
    if (answers == null) {
      answers = new ArrayList<>(2);
    }
  }

  public boolean answersInline() {
    return answers != null;
  }

  public void answer(String text) {
    if (answers == null) {
      throw new IllegalStateException("no request answers interaction " + id + " inline");
    }
    answers.add(text);
  }

  /** The replies for the answer of the request running the interaction, in order; empty when there is none. */
  public List<String> answers() {
    return answers == null ? List.of() : List.copyOf(answers);
  }

  public void externalRef(String ref) {
    this.externalRef = ref;
  }

  /** Called by the store once the new steps are committed. */
  public void saved(long at) {
    newSteps.clear();
    revision++;
    updatedAt = at;
  }

  public void touch(long at) {
    this.updatedAt = at;
  }

  // --- reading ---

  public String id() { return id; }
  public String flowId() { return flowId; }
  public int flowVersion() { return flowVersion; }
  public String channel() { return channel; }
  public Map<String, Object> trigger() { return trigger; }
  public Map<String, Object> variables() { return variables; }
  public long createdAt() { return createdAt; }
  public long updatedAt() { return updatedAt; }
  public InteractionStatus status() { return status; }
  public String currentNode() { return currentNode; }
  public Waiting waiting() { return waiting; }
  public ProviderInstruction instruction() { return instruction; }
  public String outcome() { return outcome; }
  /** The last failure met, or null: terminal when the status is failed, handled by the flow otherwise. */
  public Failure error() { return error; }
  public String priority() { return priority; }
  public String queue() { return queue; }
  public String externalRef() { return externalRef; }
  /** The agent who has the interaction, or null. */
  public String agent() { return agent; }
  public int stepCount() { return stepCount; }
  public int revision() { return revision; }
  /** Steps logged since the interaction was loaded or last saved. */
  public List<StepRecord> newSteps() { return newSteps; }
  public boolean isNew() { return revision == 0; }
}
