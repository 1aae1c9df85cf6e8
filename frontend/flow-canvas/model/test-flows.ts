// Flow documents for the model's unit tests: a voice trigger, the given nodes after it, and edges.
import type { FlowDoc, FlowEdge, FlowNode, Position } from './document';

/** A fresh document each call, so that no test sees another's edits. */
export function triggerAnd(nodes: FlowNode[], edges: FlowEdge[], layout: Record<string, Position>): FlowDoc {
  return {
    format: 'switchboard.flow/1',
    id: 'f',
    name: 'F',
    nodes: [{ id: 'trigger1', type: 'trigger', config: { channel: 'voice' } }, ...structuredClone(nodes)],
    edges: structuredClone(edges),
    layout: { trigger1: { x: 0, y: 0 }, ...structuredClone(layout) },
  };
}
