// Tidy-up: places the nodes top-down by ELK's layered algorithm (elkjs), following the edges. ELK is
// a large script: it is loaded the first time a flow is tidied, not with the editor.
import type { ELK } from 'elkjs/lib/elk-api';
import type { FlowDoc, Position } from './document';

let elk: Promise<ELK> | null = null;

function engine(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((module) => new module.default());
  return elk;
}

export type Size = { width: number; height: number };

/** New positions for every node of the document; sizes come from what the canvas measured. */
export async function tidyLayout(doc: FlowDoc, sizes: Map<string, Size>): Promise<Record<string, Position>> {
  const graph = await (await engine()).layout({
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
