// The canvas: React Flow showing the flow document, and the edits a person makes on it (add, connect,
// delete, move, copy and paste, tidy up, undo and redo), each published whole to the server.
import {
  Background,
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
  History,
  addNode,
  canonical,
  connect,
  copyNodes,
  edgeKey,
  pasteNodes,
  moveNodes,
  positionOf,
  removeEdges,
  removeNodes,
  type Clip,
  type FlowDoc,
  type PaletteEntry,
  type Ports,
  type Problem,
} from './model';
import { tidyLayout } from './layout';
import { nodeTypes, type CardNode } from './node-card';
import { DRAG_TYPE, Palette } from './palette';

/** What Ctrl+C copied, shared by every canvas on the page. */
let clipboard: Clip | undefined;

export type Trace = { nodes: string[]; ports: { from: string; port: string }[] };

type CanvasProps = {
  document: FlowDoc | null;
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

export function Canvas({ document, ports: resolved, focus, trace, palette, problems, readOnly, publish, select }: CanvasProps) {
  const flow = useReactFlow();
  const history = useRef(new History());
  const [doc, setDoc] = useState<FlowDoc | null>(document);
  // the server's ports win for every node it resolved; a node added here since (dropped, pasted)
  // keeps the ports it came with until the server has seen it
  const [ports, setPorts] = useState<Ports>(resolved);
  useEffect(() => setPorts((current) => ({ ...current, ...resolved })), [resolved]);
  const entries = useMemo(() => new Map(palette.filter((p) => !p.preset).map((p) => [p.type, p])), [palette]);
  const byKey = useMemo(() => new Map(palette.map((p) => [p.key, p])), [palette]);

  // a document pushed by the server replaces ours unless it is the one we just sent
  useEffect(() => {
    if (document && (!doc || canonical(document) !== canonical(doc))) {
      setDoc(document);
    }
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
      setDoc(next);
      publish(next);
    },
    [doc, readOnly, publish],
  );

  const [nodes, setNodes] = useState<CardNode[]>([]);
  useEffect(() => {
    if (!doc) {
      return;
    }
    setNodes((previous) => {
      const selected = new Set(previous.filter((n) => n.selected).map((n) => n.id));
      return doc.nodes.map((node, index) => {
        const mine = problems.filter((p) => p.nodeId === node.id);
        return {
          id: node.id,
          type: 'card',
          position: positionOf(doc, node.id, index),
          selected: selected.has(node.id),
          className: trace?.nodes.includes(node.id) ? 'sb-visited' : undefined,
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
  }, [doc, ports, problems, entries, trace]);

  // the server asks to show a node (a problem was clicked): select it and centre the view on it
  useEffect(() => {
    const id = typeof focus === 'string' && focus ? focus.substring(0, focus.lastIndexOf('#')) : '';
    const target = nodes.find((n) => n.id === id);
    if (!target) {
      return;
    }
    setNodes((current) => current.map((n) => ({ ...n, selected: n.id === id })));
    flow.setCenter(target.position.x + 80, target.position.y + 45, { zoom: Math.max(flow.getZoom(), 1), duration: 300 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus]);

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
          : trace?.ports.some((t) => t.from === e.from && t.port === e.port)
            ? 'sb-edge-taken'
            : undefined,
      })),
    [doc, problems, trace],
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

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const entry = byKey.get(event.dataTransfer.getData(DRAG_TYPE));
      if (!entry || !doc) {
        return;
      }
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const added = addNode(doc, entry.type, position, entry.title, entry.preset);
      edit(() => added.doc, { [added.id]: entry.ports });
    },
    [doc, edit, flow, byKey],
  );

  const tidy = useCallback(async () => {
    if (!doc || readOnly) {
      return;
    }
    const sizes = new Map(nodes.map((n) => [n.id, { width: n.measured?.width ?? 170, height: n.measured?.height ?? 90 }]));
    const positions = await tidyLayout(doc, sizes);
    edit((current) => moveNodes(current, positions));
    window.setTimeout(() => flow.fitView({ duration: 300, maxZoom: 1 }), 50);
  }, [doc, nodes, readOnly, edit, flow]);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if (!(event.ctrlKey || event.metaKey) || !doc) {
        return;
      }
      if (key === 'c') {
        clipboard = copyNodes(doc, nodes.filter((n) => n.selected).map((n) => n.id), ports) ?? clipboard;
        return;
      }
      if (key === 'v' && clipboard && !readOnly) {
        event.preventDefault();
        const pasted = pasteNodes(doc, clipboard);
        edit(() => pasted.doc, pasted.ports);
        window.setTimeout(() => setNodes((current) => current.map((n) => ({ ...n, selected: pasted.ids.includes(n.id) }))), 0);
        return;
      }
      if (key !== 'z') {
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
      <div className="sb-pane" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <ReactFlow<CardNode, Edge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onDelete={onDelete}
          onSelectionChange={({ nodes: picked }) => select(picked.length === 1 ? picked[0].id : '')}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
          fitView
          fitViewOptions={{ maxZoom: 1 }}
          minZoom={0.1}
        >
          <Background />
          <Controls />
          <MiniMap pannable zoomable />
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
