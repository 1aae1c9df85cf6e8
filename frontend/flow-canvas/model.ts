// The flow document and the edits the canvas makes to it, free of React so it can be reasoned about
// (and tested) on its own. The document is exactly the JSON the server stores.

export type FlowNode = { id: string; type: string; label?: string; config?: Record<string, unknown> };
export type FlowEdge = { id?: string; from: string; port: string; to: string };
export type Position = { x: number; y: number };
export type FlowDoc = {
  format: string;
  id: string;
  name: string;
  description?: string;
  variables?: unknown[];
  nodes: FlowNode[];
  edges: FlowEdge[];
  layout?: Record<string, Position>;
};
export type PaletteEntry = {
  /** unique in the palette: the node type, or e.g. "fetch:crm-customer" for a preset */
  key: string;
  type: string;
  title: string;
  help: string;
  icon: string;
  category: string;
  order: number;
  /** the output ports a node dropped from this entry starts with, as the server resolved them */
  ports: string[];
  waits: boolean;
  /** a config the new node starts with */
  preset?: Record<string, unknown>;
};
/**
 * The output ports of each node by node id, as the server resolves them from the node's type and
 * config; the canvas draws them and derives none.
 */
export type Ports = Record<string, string[]>;
export type Problem = { severity: 'error' | 'warning'; pointer: string; nodeId?: string; edgeId?: string; message: string };

/** A node id not used yet: the type followed by the next free number. */
export function freshId(doc: FlowDoc, type: string): string {
  const taken = new Set(doc.nodes.map((n) => n.id));
  let n = 1;
  while (taken.has(`${type}${n}`)) {
    n++;
  }
  return `${type}${n}`;
}

/** Adds a node under a fresh id; returns the id too. */
export function addNode(
  doc: FlowDoc,
  type: string,
  position: Position,
  label?: string,
  config: Record<string, unknown> = {},
): { doc: FlowDoc; id: string } {
  const id = freshId(doc, type);
  return {
    doc: {
      ...doc,
      nodes: [...doc.nodes, { id, type, label, config: structuredClone(config) }],
      layout: { ...(doc.layout ?? {}), [id]: round(position) },
    },
    id,
  };
}

/** Connects a port to a node; a port leads to one node, so an older edge from it is replaced. */
export function connect(doc: FlowDoc, from: string, port: string, to: string): FlowDoc {
  if (from === to) {
    return doc;
  }
  const edges = doc.edges.filter((e) => !(e.from === from && e.port === port));
  return { ...doc, edges: [...edges, { from, port, to }] };
}

export function edgeKey(edge: FlowEdge): string {
  return edge.id ?? `${edge.from}.${edge.port}->${edge.to}`;
}

export function removeEdges(doc: FlowDoc, keys: string[]): FlowDoc {
  const gone = new Set(keys);
  return { ...doc, edges: doc.edges.filter((e) => !gone.has(edgeKey(e))) };
}

/** Removes nodes with their edges and positions. */
export function removeNodes(doc: FlowDoc, ids: string[]): FlowDoc {
  const gone = new Set(ids);
  const layout = { ...(doc.layout ?? {}) };
  ids.forEach((id) => delete layout[id]);
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !gone.has(n.id)),
    edges: doc.edges.filter((e) => !gone.has(e.from) && !gone.has(e.to)),
    layout,
  };
}

export function moveNodes(doc: FlowDoc, positions: Record<string, Position>): FlowDoc {
  const layout = { ...(doc.layout ?? {}) };
  for (const [id, position] of Object.entries(positions)) {
    layout[id] = round(position);
  }
  return { ...doc, layout };
}

/** Where a node without a stored position goes: a simple column. */
export function positionOf(doc: FlowDoc, id: string, index: number): Position {
  return doc.layout?.[id] ?? { x: 0, y: index * 120 };
}

function round(p: Position): Position {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

/** A stable text for comparing documents (key order does not matter). */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Undo and redo over whole documents. */
export class History {
  private past: string[] = [];
  private future: string[] = [];

  record(before: FlowDoc): void {
    this.past.push(JSON.stringify(before));
    if (this.past.length > 200) {
      this.past.shift();
    }
    this.future = [];
  }

  undo(current: FlowDoc): FlowDoc | undefined {
    return History.step(this.past, this.future, current);
  }

  redo(current: FlowDoc): FlowDoc | undefined {
    return History.step(this.future, this.past, current);
  }

  /** Takes the last document off one stack, keeping the current one on the other. */
  private static step(from: string[], to: string[], current: FlowDoc): FlowDoc | undefined {
    const taken = from.pop();
    if (taken === undefined) {
      return undefined;
    }
    to.push(JSON.stringify(current));
    return JSON.parse(taken);
  }
}

/** Nodes copied to paste later, with the edges between them and their ports. */
export type Clip = { nodes: FlowNode[]; edges: FlowEdge[]; layout: Record<string, Position>; ports: Ports };

export function copyNodes(doc: FlowDoc, ids: string[], ports: Ports): Clip | undefined {
  const picked = new Set(ids);
  const nodes = doc.nodes.filter((n) => picked.has(n.id) && n.type !== 'trigger');
  if (nodes.length === 0) {
    return undefined;
  }
  const kept = new Set(nodes.map((n) => n.id));
  const layout: Record<string, Position> = {};
  const copiedPorts: Ports = {};
  nodes.forEach((n, i) => {
    layout[n.id] = positionOf(doc, n.id, i);
    copiedPorts[n.id] = [...(ports[n.id] ?? [])];
  });
  return {
    nodes: JSON.parse(JSON.stringify(nodes)),
    edges: doc.edges.filter((e) => kept.has(e.from) && kept.has(e.to)).map((e) => ({ ...e, id: undefined })),
    layout,
    ports: copiedPorts,
  };
}

/**
 * Pastes copied nodes under fresh ids, shifted so they do not hide the originals; returns the new
 * ids too, and the pasted nodes' ports (those of the originals, as their configs are the same).
 */
export function pasteNodes(doc: FlowDoc, clip: Clip): { doc: FlowDoc; ids: string[]; ports: Ports } {
  let next = doc;
  const renamed = new Map<string, string>();
  const ports: Ports = {};
  for (const node of clip.nodes) {
    const id = freshId(next, node.type);
    renamed.set(node.id, id);
    ports[id] = [...(clip.ports[node.id] ?? [])];
    const at = clip.layout[node.id] ?? { x: 0, y: 0 };
    next = {
      ...next,
      nodes: [...next.nodes, { ...JSON.parse(JSON.stringify(node)), id }],
      layout: { ...(next.layout ?? {}), [id]: { x: at.x + 40, y: at.y + 40 } },
    };
  }
  const edges = clip.edges.map((e) => ({ from: renamed.get(e.from)!, port: e.port, to: renamed.get(e.to)! }));
  return { doc: { ...next, edges: [...next.edges, ...edges] }, ids: [...renamed.values()], ports };
}
