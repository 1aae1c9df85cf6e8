package io.switchboard.designer.flows.canvas;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.react.ReactAdapterComponent;
import com.vaadin.flow.function.SerializableConsumer;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.flow.validate.Problem;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The flow canvas: React Flow in the browser, showing exactly the flow document. Java pushes the
 * document, each node's output ports (resolved here, from the node types' schemas), the palette and
 * the problems; the browser sends back the whole document after each structural edit (add,
 * connect, delete, move, undo, redo) and the selected node.
 */
@Tag("flow-canvas")
@JsModule("./flow-canvas/flow-canvas.tsx")
@NpmPackage(value = "@xyflow/react", version = "12.12.1")
@NpmPackage(value = "elkjs", version = "0.11.0")
public class FlowCanvas extends ReactAdapterComponent implements HasSize {

  private String palette;
  private String ports;

  public FlowCanvas() {
    setPalette(PaletteEntry.all());
    setState("problems", "[]");
    setState("readOnly", false);
  }

  /** Shows a document with its nodes' ports; the browser keeps its undo history. */
  public void setDocument(JsonNode document) {
    showPortsOf(document);
    setState("document", FlowJson.compact(document));
  }

  /**
   * Shows a document that the user changed outside the canvas (a property, a variable, the
   * source): the canvas records it as one step of its undo history. Consecutive edits with the
   * same key (a node's field, typed into over several seconds) make one step together.
   */
  public void setEditedDocument(JsonNode document, String editKey) {
    showPortsOf(document);
    setState("editKey", editKey + "#" + System.nanoTime());
    setState("document", FlowJson.compact(document));
  }

  /**
   * Sends each node's ports when they differ from those sent last: after a document from here, and
   * after an edit in the browser (an undo can bring back a config with other ports; a dropped or
   * pasted node is drawn with its palette entry's or its original's ports until then).
   */
  private void showPortsOf(JsonNode document) {
    String json = FlowJson.compact(NodePorts.of(document));
    if (!json.equals(ports)) {
      ports = json;
      setState("ports", json);
    }
  }

  /** The palette: node types, and presets such as one entry per registered data step. */
  public void setPalette(List<PaletteEntry> entries) {
    String json = FlowJson.compact(entries);
    // the same palette again would only make the browser draw the flow again
    if (!json.equals(palette)) {
      palette = json;
      setState("palette", json);
    }
  }

  public void setProblems(List<Problem> problems) {
    setState("problems", FlowJson.compact(problems));
  }

  /** Selects a node and centres the view on it. */
  public void focusNode(String nodeId) {
    // not "focus": the element would read its own focus() method
    setState("centreOn", nodeId + "#" + System.nanoTime());
  }

  /** Marks the nodes and paths a (test) run went through. */
  public void showTrace(java.util.List<io.switchboard.runtime.engine.StepRecord> steps) {
    java.util.List<String> nodes = steps.stream().map(io.switchboard.runtime.engine.StepRecord::nodeId).distinct().toList();
    java.util.List<java.util.Map<String, String>> ports = steps.stream().filter(s -> s.port() != null)
        .map(s -> java.util.Map.of("from", s.nodeId(), "port", s.port())).toList();
    setState("trace", FlowJson.compact(java.util.Map.of("nodes", nodes, "ports", ports)));
  }

  /**
   * Places the palette in another element of the screen (a column of its own, as tall as the editor)
   * instead of beside the pane. The element needs an id.
   */
  public void showPaletteIn(Component host) {
    setState("paletteHost", host.getId().orElseThrow(() -> new IllegalArgumentException("the palette's place needs an id")));
  }

  /** Shows the minimap in another element of the screen, so that it never lies over the nodes. The element needs an id. */
  public void showMinimapIn(Component host) {
    setState("mapHost", host.getId().orElseThrow(() -> new IllegalArgumentException("the minimap's place needs an id")));
  }

  public void setReadOnly(boolean readOnly) {
    setState("readOnly", readOnly);
  }

  /** Called with the whole document after each edit made in the browser. */
  public void onEdit(SerializableConsumer<JsonNode> listener) {
    getElement().addEventListener("flow-edited", e -> {
      JsonNode edited = FlowJson.readTree(e.getEventData().get("event.detail").asString());
      showPortsOf(edited);
      listener.accept(edited);
    }).addEventData("event.detail");
  }

  /** Called with the id of the selected node, or null when none is. */
  public void onSelect(SerializableConsumer<String> listener) {
    getElement().addEventListener("node-selected", e -> {
      String id = e.getEventData().get("event.detail").asString("");
      listener.accept(id.isEmpty() ? null : id);
    }).addEventData("event.detail");
  }
}
