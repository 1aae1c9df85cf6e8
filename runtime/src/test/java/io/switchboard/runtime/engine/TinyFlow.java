package io.switchboard.runtime.engine;

/** Builds a small flow document for a test from its parts; the trigger is node {@code t}. */
public final class TinyFlow {
  private TinyFlow() {}

  /**
   * @param channel the trigger's channel
   * @param variables the JSON array of variable definitions
   * @param nodes JSON objects of the nodes after the trigger, comma-separated
   * @param edges JSON objects of the edges, comma-separated; add {@code t.next} yourself
   */
  public static String of(String channel, String variables, String nodes, String edges) {
    return """
        {"format": "switchboard.flow/1", "id": "tiny", "name": "Tiny",
         "variables": %s,
         "nodes": [{"id": "t", "type": "trigger", "config": {"channel": "%s"}}, %s],
         "edges": [%s]}
        """.formatted(variables, channel, nodes, edges);
  }
}
