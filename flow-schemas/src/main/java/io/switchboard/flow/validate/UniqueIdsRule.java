package io.switchboard.flow.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Node ids, edge ids and variable names must each be unique. */
final class UniqueIdsRule implements ValidationRule {
  @Override
  public void check(FlowGraph flow, List<Problem> problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < flow.nodes().size(); i++) {
      String id = flow.nodes().get(i).id();
      if (!seen.add(id)) {
        problems.add(Problem.error("/nodes/" + i + "/id", id,
            "Two nodes have the id '" + id + "'; every node needs its own id."));
      }
    }
    Set<String> edgeIds = new HashSet<>();
    for (int i = 0; i < flow.document().edges().size(); i++) {
      String id = flow.document().edges().get(i).id();
      if (id != null && !edgeIds.add(id)) {
        problems.add(Problem.edgeError("/edges/" + i + "/id", id,
            "Two connections have the id '" + id + "'; every connection needs its own id."));
      }
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < flow.document().variables().size(); i++) {
      String name = flow.document().variables().get(i).name();
      if (!names.add(name)) {
        problems.add(Problem.error("/variables/" + i + "/name", null,
            "The variable '" + name + "' is declared twice; remove one of them."));
      }
    }
  }
}
