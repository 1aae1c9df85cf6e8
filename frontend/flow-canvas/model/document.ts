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

/** The node type a flow has exactly one of: where it starts. */
export const TRIGGER = 'trigger';

/** What the canvas tells a person who drops a second trigger. */
export const ONE_TRIGGER = "A flow has one trigger: change this one's channel in its properties";

/**
 * What dropping a node of this type does: add it, or, for a trigger when the flow has one already,
 * nothing but pointing at the one it has (as in Twilio Studio, a flow starts at one place; its
 * channel is a property of that trigger, so a second one would only be an error to remove).
 */
export type DropDecision = { kind: 'add' } | { kind: 'refuse'; message: string; existing: string };

export function decideDrop(doc: FlowDoc, type: string): DropDecision {
  const existing = type === TRIGGER ? doc.nodes.find((n) => n.type === TRIGGER) : undefined;
  return existing ? { kind: 'refuse', message: ONE_TRIGGER, existing: existing.id } : { kind: 'add' };
}
