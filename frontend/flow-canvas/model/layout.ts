// Tidy-up: places the nodes top-down by ELK's layered algorithm (elkjs), following the edges.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { FlowDoc, Position } from './document';

const elk = new ELK();

export type Size = { width: number; height: number };

/** New positions for every node of the document; sizes come from what the canvas measured. */
export async function tidyLayout(doc: FlowDoc, sizes: Map<string, Size>): Promise<Record<string, Position>> {
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '50',
    },
    children: doc.nodes.map((n) => ({ id: n.id, width: sizes.get(n.id)?.width ?? 170, height: sizes.get(n.id)?.height ?? 90 })),
    edges: doc.edges
      .filter((e) => doc.nodes.some((n) => n.id === e.from) && doc.nodes.some((n) => n.id === e.to))
      .map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  });
  const positions: Record<string, Position> = {};
  for (const child of graph.children ?? []) {
    positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  }
  return positions;
}
