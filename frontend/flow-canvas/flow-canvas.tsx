import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import {
  Background,
  Controls,
  Handle,
  MiniMap,
  Panel,
  Position as Side,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  History,
  addNode,
  canonical,
  connect,
  copyNodes,
  edgeKey,
  pasteNodes,
  moveNodes,
  portsOf,
  positionOf,
  removeEdges,
  removeNodes,
  type Clip,
  type FlowDoc,
  type PaletteEntry,
  type Problem,
} from './model';
import { tidyLayout } from './layout';
import './flow-canvas.css';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'vaadin-icon': { icon: string; className?: string };
    }
  }
}

/** What Ctrl+C copied, shared by every canvas on the page. */
let clipboard: Clip | undefined;

type CardData = {
  label: string;
  type: string;
  entry?: PaletteEntry;
  ports: string[];
  errors: number;
  warnings: number;
};
type CardNode = Node<CardData, 'card'>;

const DRAG_TYPE = 'application/x-switchboard-node-type';

/** One node on the canvas: its type and label, problem badges, one labelled handle per output port. */
const Card = memo(({ data, selected }: NodeProps<CardNode>) => (
  <div className={`sb-card${selected ? ' sb-selected' : ''}${data.errors ? ' sb-has-errors' : ''}`} data-node-type={data.type}>
    {data.type !== 'trigger' && <Handle type="target" position={Side.Top} className="sb-in" />}
    <div className="sb-card-head">
      {data.entry?.icon && <vaadin-icon icon={data.entry.icon} className="sb-icon" />}
      <span className="sb-type">{data.entry?.title ?? data.type}</span>
      {data.errors > 0 && <span className="sb-badge sb-error" title="errors">{data.errors}</span>}
      {data.warnings > 0 && <span className="sb-badge sb-warning" title="warnings">{data.warnings}</span>}
    </div>
    <div className="sb-label">{data.label}</div>
    <div className="sb-ports">
      {data.ports.map((port) => (
        <div className="sb-port" key={port} data-port={port}>
          <span>{port}</span>
          <Handle type="source" id={port} position={Side.Bottom} className="sb-out" />
        </div>
      ))}
    </div>
  </div>
));

const nodeTypes = { card: Card };

type Trace = { nodes: string[]; ports: { from: string; port: string }[] };

type CanvasProps = {
  document: FlowDoc | null;
  focus: string;
  trace: Trace | null;
  palette: PaletteEntry[];
  problems: Problem[];
  readOnly: boolean;
  publish: (doc: FlowDoc) => void;
  select: (id: string) => void;
};

function Canvas({ document, focus, trace, palette, problems, readOnly, publish, select }: CanvasProps) {
  const flow = useReactFlow();
  const history = useRef(new History());
  const [doc, setDoc] = useState<FlowDoc | null>(document);
  const entries = useMemo(() => new Map(palette.filter((p) => !p.preset).map((p) => [p.type, p])), [palette]);
  const byKey = useMemo(() => new Map(palette.map((p) => [p.key, p])), [palette]);

  // a document pushed by the server replaces ours unless it is the one we just sent
  useEffect(() => {
    if (document && (!doc || canonical(document) !== canonical(doc))) {
      setDoc(document);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document]);

  const edit = useCallback(
    (change: (current: FlowDoc) => FlowDoc) => {
      if (!doc || readOnly) {
        return;
      }
      const next = change(doc);
      if (canonical(next) === canonical(doc)) {
        return;
      }
      history.current.record(doc);
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
            ports: portsOf(node, entries.get(node.type)),
            errors: mine.filter((p) => p.severity === 'error').length,
            warnings: mine.filter((p) => p.severity === 'warning').length,
          },
        };
      });
    });
  }, [doc, problems, entries, trace]);

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
      if (!entry) {
        return;
      }
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      edit((current) => addNode(current, entry.type, position, entry.title, entry.preset));
    },
    [edit, flow, byKey],
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
        clipboard = copyNodes(doc, nodes.filter((n) => n.selected).map((n) => n.id)) ?? clipboard;
        return;
      }
      if (key === 'v' && clipboard && !readOnly) {
        event.preventDefault();
        const pasted = pasteNodes(doc, clipboard);
        edit(() => pasted.doc);
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
    [doc, publish, nodes, readOnly, edit],
  );

  return (
    <div className="sb-designer" tabIndex={0} onKeyDown={onKeyDown}>
      <aside className="sb-palette" aria-label="Palette">
        {palette.map((entry) => (
          <div
            key={entry.key}
            className={entry.preset ? 'sb-palette-item sb-palette-preset' : 'sb-palette-item'}
            data-type={entry.key}
            draggable={!readOnly}
            title={entry.help}
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_TYPE, entry.key);
              e.dataTransfer.effectAllowed = 'move';
            }}
          >
            <strong>
              {entry.icon && <vaadin-icon icon={entry.icon} className="sb-icon" />} {entry.title}
            </strong>
            <small>{entry.help}</small>
          </div>
        ))}
      </aside>
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

class FlowCanvasElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks) {
    const [documentText] = hooks.useState<string>('document');
    const [paletteText] = hooks.useState<string>('palette');
    const [problemsText] = hooks.useState<string>('problems');
    const [readOnly] = hooks.useState<boolean>('readOnly');
    const [focus] = hooks.useState<string>('centreOn');
    const [traceText] = hooks.useState<string>('trace');
    const trace = useMemo(() => (traceText ? (JSON.parse(traceText) as Trace) : null), [traceText]);
    const edited = hooks.useCustomEvent<string>('flow-edited');
    const selected = hooks.useCustomEvent<string>('node-selected');
    const document = useMemo(() => (documentText ? (JSON.parse(documentText) as FlowDoc) : null), [documentText]);
    const palette = useMemo(() => (paletteText ? (JSON.parse(paletteText) as PaletteEntry[]) : []), [paletteText]);
    const problems = useMemo(() => (problemsText ? (JSON.parse(problemsText) as Problem[]) : []), [problemsText]);
    const publish = useCallback((doc: FlowDoc) => edited(JSON.stringify(doc)), [edited]);
    const lastSelection = useRef('');
    const select = useCallback(
      (id: string) => {
        if (id !== lastSelection.current) {
          lastSelection.current = id;
          selected(id);
        }
      },
      [selected],
    );
    return (
      <ReactFlowProvider>
        <Canvas document={document} focus={focus ?? ''} trace={trace} palette={palette} problems={problems} readOnly={!!readOnly} publish={publish} select={select} />
      </ReactFlowProvider>
    );
  }
}

customElements.define('flow-canvas', FlowCanvasElement);
