// The canvas: React Flow showing the flow document, and the edits a person makes on it (add, connect,
// delete, move, copy and paste, tidy up, undo and redo), each published whole to the server. Edits
// made outside it (the properties panel, the source) arrive with an edit key and join its undo history.
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
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
  type Problem,
  type Rect,
} from './model';
import { tidyLayout } from './model/layout';
import { nodeTypes, type CardNode } from './node-card';
import { DRAG_TYPE, Palette } from './palette';
import { useFocusRequest, useSelectionReport, useTraceMarks, type Trace } from './inspector';
import { useRemembered } from './remembered';

/** A new node's size on screen at zoom 1, before React Flow has measured it. */
const NODE_SIZE = { width: 170, height: 90 };

/**
 * Room the first view and "fit view" leave around the nodes, so that the zoom controls (lower
 * left), the minimap (lower right) and the buttons (upper right) lie beside the nodes, not on them.
 */
const FIT_VIEW = { maxZoom: 1, padding: { top: '56px', right: '48px', bottom: '150px', left: '64px' } } as const;

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
};

export function Canvas({ document, editKey, ports: resolved, focus, trace, palette, problems, readOnly, publish, select }: CanvasProps) {
  const flow = useReactFlow();
  const history = useRef(new History());
  const clipboard = useRef(new Clipboard());
  const pane = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<FlowDoc | null>(document);
  const [notice, setNotice] = useState('');
  const [minimap, setMinimap] = useRemembered<boolean>(MINIMAP_KEY, true);
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

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const entry = byKey.get(event.dataTransfer.getData(DRAG_TYPE));
      if (!entry || !doc || readOnly || !pane.current) {
        return;
      }
      const decision = decideDrop(doc, entry.type);
      if (decision.kind === 'refuse') {
        setNotice(decision.message);
        show(decision.existing);
        return;
      }
      // dropped on the minimap or the controls (or so near that the node would lie under them):
      // placed beside them on the canvas instead
      const zoom = flow.getZoom();
      const overlays: Rect[] = [...pane.current.querySelectorAll('.react-flow__minimap, .react-flow__controls, .react-flow__panel')]
        .map((element) => element.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0);
      const at = placeClear(
        { x: event.clientX, y: event.clientY },
        { width: NODE_SIZE.width * zoom, height: NODE_SIZE.height * zoom },
        pane.current.getBoundingClientRect(),
        overlays,
      );
      const added = addNode(doc, entry.type, flow.screenToFlowPosition(at), entry.title, entry.preset);
      edit(() => added.doc, { [added.id]: entry.ports });
    },
    [doc, edit, flow, byKey, readOnly, show],
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

  return (
    <div className="sb-designer" tabIndex={0} onKeyDown={onKeyDown}>
      <Palette entries={palette} readOnly={readOnly} />
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
          <Controls position="bottom-left" fitViewOptions={FIT_VIEW}>
            <ControlButton
              className="sb-minimap-toggle"
              onClick={() => setMinimap(!minimap)}
              title={minimap ? 'Hide the minimap' : 'Show the minimap'}
              aria-label={minimap ? 'Hide the minimap' : 'Show the minimap'}
            >
              <vaadin-icon icon={minimap ? 'vaadin:eye-slash' : 'vaadin:map-marker'} className="sb-icon" />
            </ControlButton>
          </Controls>
          {minimap && <MiniMap pannable zoomable position="bottom-right" ariaLabel="Minimap" style={{ width: 150, height: 96 }} />}
          {notice && (
            <Panel position="top-center">
              <div className="sb-notice" role="status">
                {notice}
              </div>
            </Panel>
          )}
          {!readOnly && (
            <Panel position="top-right">
              <button type="button" className="sb-tidy" onClick={tidy}>
                Tidy up
              </button>
            </Panel>
          )}
        </ReactFlow>
      </div>
    </div>
  );
}
