// The canvas: React Flow showing the flow document, and the edits a person makes on it (add, connect,
// delete, move, copy and paste, tidy up, undo and redo), each published whole to the server. Edits
// made outside it (the properties panel, the source) arrive with an edit key and join its undo history.
import {
  Background,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { createPortal } from 'react-dom';
import {
  Clipboard,
  History,
  addNode,
  canonical,
  connect,
  decideDrop,
  edgeKey,
  fieldOf,
  moveNodes,
  placeClear,
  positionOf,
  removeEdges,
  removeNodes,
  type FlowDoc,
  type PaletteEntry,
  type Ports,
  type Point,
  type Problem,
} from './model';
import { tidyLayout } from './model/layout';
import { nodeTypes, type CardNode } from './node-card';
import { DRAG_TYPE, Palette } from './palette';
import { useFocusRequest, useSelectionReport, useTraceMarks, type Trace } from './inspector';
import { useRemembered } from './remembered';
import { CanvasBar, FIT_VIEW } from './canvas-bar';
import { useHost } from './hosts';

/** A new node's size on screen at zoom 1, before React Flow has measured it. */
const NODE_SIZE = { width: 170, height: 90 };

/** How long a sentence the canvas shows (a refused drop) stays. */
const NOTICE_MS = 6000;

const MINIMAP_KEY = 'switchboard.canvas.minimap';

type CanvasProps = {
  document: FlowDoc | null;
  /** the edit key the server sent with the document, when it was an edit made outside the canvas */
  editKey: string;
  /** each node's output ports as the server resolved them, for the document it saw last */
  ports: Ports;
  focus: string;
  trace: Trace | null;
  palette: PaletteEntry[];
  problems: Problem[];
  readOnly: boolean;
  publish: (doc: FlowDoc) => void;
  select: (id: string) => void;
  /** the id of the element the palette goes in (a column of the screen), else it sits beside the pane */
  paletteHost?: string;
  /** the id of the element the minimap goes in, else it is not shown */
  mapHost?: string;
};

export function Canvas(props: CanvasProps) {
  const { document, editKey, ports: resolved, focus, trace, palette, problems, readOnly, publish, select } = props;
  const flow = useReactFlow();
  const history = useRef(new History());
  const clipboard = useRef(new Clipboard());
  const pane = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<FlowDoc | null>(document);
  const [notice, setNotice] = useState('');
  const [minimap, setMinimap] = useRemembered<boolean>(MINIMAP_KEY, false);
  const paletteHost = useHost(props.paletteHost);
  const mapHost = useHost(props.mapHost);
  // the server's ports win for every node it resolved; a node added here since (dropped, pasted)
  // keeps the ports it came with until the server has seen it
  const [ports, setPorts] = useState<Ports>(resolved);
  useEffect(() => setPorts((current) => ({ ...current, ...resolved })), [resolved]);
  const entries = useMemo(() => new Map(palette.filter((p) => !p.preset).map((p) => [p.type, p])), [palette]);
  const byKey = useMemo(() => new Map(palette.map((p) => [p.key, p])), [palette]);

  // a document pushed by the server replaces ours unless it is the one we just sent; one pushed
  // with an edit key not seen yet is an edit made outside the canvas, and a step to undo
  const latestKey = useRef(editKey);
  latestKey.current = editKey;
  const consumedKey = useRef(editKey);
  useEffect(() => {
    if (!document) {
      return;
    }
    const key = latestKey.current && latestKey.current !== consumedKey.current ? latestKey.current : undefined;
    consumedKey.current = latestKey.current;
    if (doc && canonical(document) === canonical(doc)) {
      return;
    }
    if (doc && key && !readOnly) {
      history.current.record(doc, fieldOf(key));
    }
    setDoc(document);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document]);

  /** Applies an edit, records it for undo and publishes it; `added` are the ports of the nodes it adds. */
  const edit = useCallback(
    (change: (current: FlowDoc) => FlowDoc, added?: Ports) => {
      if (!doc || readOnly) {
        return;
      }
      const next = change(doc);
      if (canonical(next) === canonical(doc)) {
        return;
      }
      history.current.record(doc);
      if (added) {
        setPorts((current) => ({ ...current, ...added }));
      }
      setNotice('');
      setDoc(next);
      publish(next);
    },
    [doc, readOnly, publish],
  );

  const marks = useTraceMarks(trace);
  const [nodes, setNodes] = useState<CardNode[]>([]);
  /** nodes to select once they are drawn (those just pasted) */
  const selectNext = useRef<string[] | null>(null);
  /** whether to fit the view once the nodes are drawn at their new places (after tidy-up) */
  const fitNext = useRef(false);
  useEffect(() => {
    if (!doc) {
      return;
    }
    const picked = selectNext.current;
    selectNext.current = null;
    setNodes((previous) => {
      const selected = picked ? new Set(picked) : new Set(previous.filter((n) => n.selected).map((n) => n.id));
      return doc.nodes.map((node, index) => {
        const mine = problems.filter((p) => p.nodeId === node.id);
        return {
          id: node.id,
          type: 'card',
          position: positionOf(doc, node.id, index),
          selected: selected.has(node.id),
          className: marks.visited.has(node.id) ? 'sb-visited' : undefined,
          data: {
            label: node.label ?? node.id,
            type: node.type,
            entry: entries.get(node.type),
            ports: ports[node.id] ?? [],
            errors: mine.filter((p) => p.severity === 'error').length,
            warnings: mine.filter((p) => p.severity === 'warning').length,
          },
        };
      });
    });
  }, [doc, ports, problems, entries, marks]);

  // React Flow has the new positions by the time this runs (its store follows the nodes in a child
  // effect), and fitView waits for the next node update, so the view fits the tidied flow
  useEffect(() => {
    if (fitNext.current) {
      fitNext.current = false;
      flow.fitView({ ...FIT_VIEW, duration: 300 });
    }
  }, [nodes, flow]);

  const show = useFocusRequest(focus, nodes, setNodes);
  const onSelectionChange = useSelectionReport(select);

  const edges: Edge[] = useMemo(
    () =>
      (doc?.edges ?? []).map((e) => ({
        id: edgeKey(e),
        source: e.from,
        sourceHandle: e.port,
        target: e.to,
        label: e.port,
        className: problems.some((p) => p.edgeId === edgeKey(e))
          ? 'sb-edge-error'
          : marks.taken.has(`${e.from}.${e.port}`)
            ? 'sb-edge-taken'
            : undefined,
      })),
    [doc, problems, marks],
  );

  const onNodesChange = useCallback((changes: NodeChange<CardNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current));
  }, []);

  const onNodeDragStop = useCallback(
    (_: unknown, _node: CardNode, dragged: CardNode[]) => {
      edit((current) => moveNodes(current, Object.fromEntries(dragged.map((n) => [n.id, n.position]))));
    },
    [edit],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target && c.sourceHandle) {
        edit((current) => connect(current, c.source, c.sourceHandle!, c.target));
      }
    },
    [edit],
  );

  const onDelete = useCallback(
    ({ nodes: goneNodes, edges: goneEdges }: { nodes: CardNode[]; edges: Edge[] }) => {
      edit((current) => removeNodes(removeEdges(current, goneEdges.map((e) => e.id)), goneNodes.map((n) => n.id)));
    },
    [edit],
  );

  // a refused drop's sentence goes away by itself after a while
  useEffect(() => {
    if (!notice) {
      return undefined;
    }
    const timer = window.setTimeout(() => setNotice(''), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);

  /** Adds the node a palette entry was dragged for, with its top-left corner at `at` (flow coordinates). */
  const dropEntry = useCallback(
    (event: DragEvent, at: (size: { width: number; height: number }) => Point | null) => {
      event.preventDefault();
      const entry = byKey.get(event.dataTransfer.getData(DRAG_TYPE));
      if (!entry || !doc || readOnly) {
        return null;
      }
      const decision = decideDrop(doc, entry.type);
      if (decision.kind === 'refuse') {
        setNotice(decision.message);
        show(decision.existing);
        return null;
      }
      const position = at(NODE_SIZE);
      if (!position) {
        return null;
      }
      const added = addNode(doc, entry.type, position, entry.title, entry.preset);
      edit(() => added.doc, { [added.id]: entry.ports });
      return position;
    },
    [doc, edit, byKey, readOnly, show],
  );

  // dropped near the pane's edge, the node is moved in so that all of it shows
  const onDrop = useCallback(
    (event: DragEvent) =>
      dropEntry(event, (size) => {
        if (!pane.current) {
          return null;
        }
        const zoom = flow.getZoom();
        const at = placeClear(
          { x: event.clientX, y: event.clientY },
          { width: size.width * zoom, height: size.height * zoom },
          pane.current.getBoundingClientRect(),
          [],
        );
        return flow.screenToFlowPosition(at);
      }),
    [dropEntry, flow],
  );

  // dropped on the minimap, the node goes where the drop point is on the map, and the view follows it
  const onMapDrop = useCallback(
    (event: DragEvent) => {
      const placed = dropEntry(event, (size) => {
        const svg = (event.currentTarget as HTMLElement).querySelector('svg');
        const matrix = svg?.getScreenCTM();
        if (!svg || !matrix) {
          return null;
        }
        const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
        return { x: point.x - size.width / 2, y: point.y - size.height / 2 };
      });
      if (placed) {
        flow.setCenter(placed.x + NODE_SIZE.width / 2, placed.y + NODE_SIZE.height / 2, { zoom: flow.getZoom(), duration: 200 });
      }
    },
    [dropEntry, flow],
  );

  const tidy = useCallback(async () => {
    if (!doc || readOnly) {
      return;
    }
    const sizes = new Map(nodes.map((n) => [n.id, { width: n.measured?.width ?? NODE_SIZE.width, height: n.measured?.height ?? NODE_SIZE.height }]));
    const positions = await tidyLayout(doc, sizes);
    fitNext.current = true;
    edit((current) => moveNodes(current, positions));
  }, [doc, nodes, readOnly, edit]);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      const key = event.key.toLowerCase();
      // in a text box (the palette's search) the keys are the text box's
      if (!(event.ctrlKey || event.metaKey) || !doc || event.target instanceof HTMLInputElement) {
        return;
      }
      if (key === 'c') {
        clipboard.current.copy(doc, nodes.filter((n) => n.selected).map((n) => n.id), ports);
        return;
      }
      if (key === 'v' && !readOnly) {
        const pasted = clipboard.current.paste(doc);
        if (pasted) {
          event.preventDefault();
          selectNext.current = pasted.ids;
          edit(() => pasted.doc, pasted.ports);
        }
        return;
      }
      if (key !== 'z' || readOnly) {
        return;
      }
      event.preventDefault();
      const restored = event.shiftKey ? history.current.redo(doc) : history.current.undo(doc);
      if (restored) {
        setDoc(restored);
        publish(restored);
      }
    },
    [doc, ports, publish, nodes, readOnly, edit],
  );

  const paletteView = <Palette entries={palette} readOnly={readOnly} />;
  const mapView = (
    <div className="react-flow sb-map" onDragOver={(e) => e.preventDefault()} onDrop={onMapDrop}>
      <div className="sb-map-title" title="Drag the frame to move the view; drop a step here to place it there">
        Map
      </div>
      <MiniMap pannable zoomable ariaLabel="Minimap" style={{ width: 200, height: 110 }} />
    </div>
  );
  return (
    <div className="sb-designer" tabIndex={0} onKeyDown={onKeyDown}>
      {paletteHost ? createPortal(paletteView, paletteHost) : paletteView}
      <div className="sb-canvas-column">
        <CanvasBar notice={notice} readOnly={readOnly} tidy={tidy} minimap={minimap} setMinimap={setMinimap} />
        <div className="sb-pane" ref={pane} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
          <ReactFlow<CardNode, Edge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onNodeDragStop={onNodeDragStop}
            onConnect={onConnect}
            onDelete={onDelete}
            onSelectionChange={onSelectionChange}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
            fitView
            fitViewOptions={FIT_VIEW}
            minZoom={0.1}
          >
            <Background />
          </ReactFlow>
        </div>
      </div>
      {minimap && mapHost && createPortal(mapView, mapHost)}
    </div>
  );
}
