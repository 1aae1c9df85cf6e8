package io.switchboard.runtime.node;

import java.util.List;

/** The output ports of one node, in the order the schema gives them; executors ask for indexes. */
public record Ports(List<String> names) {

  public int index(String port) {
    int index = names.indexOf(port);
    if (index < 0) {
      throw new IllegalStateException("no port '" + port + "' among " + names);
    }
    return index;
  }

  public String name(int index) {
    return names.get(index);
  }
}
