// Copy and paste of nodes: what was copied is kept by a Clipboard object that the canvas owns, so
// two canvases (or two tests) never share it by accident.
import { freshId, positionOf, TRIGGER, type FlowDoc, type FlowEdge, type FlowNode, type Ports, type Position } from './document';

/** Nodes copied to paste later, with the edges between them and their ports. */
export type Clip = { nodes: FlowNode[]; edges: FlowEdge[]; layout: Record<string, Position>; ports: Ports };

export function copyNodes(doc: FlowDoc, ids: string[], ports: Ports): Clip | undefined {
  const picked = new Set(ids);
  const nodes = doc.nodes.filter((n) => picked.has(n.id) && n.type !== TRIGGER);
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

/**
 * What Ctrl+C copied, for Ctrl+V to paste (again and again, each time under fresh ids). Copying
 * nothing that can be copied (only the trigger, or no selection) keeps what was copied before.
 */
export class Clipboard {
  private clip: Clip | undefined;

  /** Copies the nodes; returns whether anything was copied. */
  copy(doc: FlowDoc, ids: string[], ports: Ports): boolean {
    const copied = copyNodes(doc, ids, ports);
    this.clip = copied ?? this.clip;
    return copied !== undefined;
  }

  get empty(): boolean {
    return this.clip === undefined;
  }

  /** The document with the copied nodes pasted, or undefined when nothing was copied. */
  paste(doc: FlowDoc): { doc: FlowDoc; ids: string[]; ports: Ports } | undefined {
    return this.clip && pasteNodes(doc, this.clip);
  }
}
