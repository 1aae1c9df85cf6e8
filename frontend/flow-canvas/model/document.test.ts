import { describe, expect, it } from 'vitest';
import {
  ONE_TRIGGER,
  addNode,
  canonical,
  connect,
  decideDrop,
  edgeKey,
  freshId,
  moveNodes,
  removeEdges,
  removeNodes,
  type FlowDoc,
} from './document';
import { triggerAnd } from './test-flows';

function flow(): FlowDoc {
  return triggerAnd([{ id: 'end1', type: 'end', config: {} }], [{ from: 'trigger1', port: 'next', to: 'end1' }], {
    end1: { x: 0, y: 200 },
  });
}

describe('document edits', () => {
  it('adds a node under the next free id of its type, at a rounded position, with a copy of its config', () => {
    const preset = { step: 'crm', inputs: { phone: '' } };
    const once = addNode(flow(), 'end', { x: 10.4, y: 20.6 }, 'End', preset);
    expect(once.id).toBe('end2');
    expect(once.doc.layout?.end2).toEqual({ x: 10, y: 21 });
    const twice = addNode(once.doc, 'end', { x: 0, y: 0 });
    expect(twice.id).toBe('end3');
    (once.doc.nodes[2].config as { inputs: { phone: string } }).inputs.phone = 'changed';
    expect(preset.inputs.phone).toBe('');
  });

  it('fills the first gap in the numbering', () => {
    const doc = { ...flow(), nodes: [...flow().nodes, { id: 'end3', type: 'end' }] };
    expect(freshId(doc, 'end')).toBe('end2');
    expect(freshId(doc, 'fetch')).toBe('fetch1');
  });

  it('connects a port to one node: connecting it again replaces the old edge, a node never to itself', () => {
    const added = addNode(flow(), 'end', { x: 0, y: 0 });
    const doc = connect(added.doc, 'trigger1', 'next', added.id);
    expect(doc.edges).toEqual([{ from: 'trigger1', port: 'next', to: 'end2' }]);
    expect(connect(doc, 'end2', 'next', 'end2')).toBe(doc);
  });

  it('deletes nodes with their edges and positions, and edges by key', () => {
    const gone = removeNodes(flow(), ['end1']);
    expect(gone.nodes.map((n) => n.id)).toEqual(['trigger1']);
    expect(gone.edges).toEqual([]);
    expect(gone.layout).toEqual({ trigger1: { x: 0, y: 0 } });
    const unlinked = removeEdges(flow(), [edgeKey(flow().edges[0])]);
    expect(unlinked.edges).toEqual([]);
    expect(unlinked.nodes).toHaveLength(2);
  });

  it('moves nodes to rounded positions and leaves the others', () => {
    const moved = moveNodes(flow(), { end1: { x: 5.5, y: -3.2 } });
    expect(moved.layout).toEqual({ trigger1: { x: 0, y: 0 }, end1: { x: 6, y: -3 } });
  });

  it('compares documents whatever the order of their keys', () => {
    expect(canonical({ a: 1, b: { c: 2, d: 3 } })).toBe(canonical({ b: { d: 3, c: 2 }, a: 1 }));
    expect(canonical({ a: [1, 2] })).not.toBe(canonical({ a: [2, 1] }));
  });
});

describe('a trigger dropped from the palette', () => {
  it('is refused with a sentence pointing at the trigger the flow has', () => {
    expect(decideDrop(flow(), 'trigger')).toEqual({ kind: 'refuse', message: ONE_TRIGGER, existing: 'trigger1' });
    expect(ONE_TRIGGER).toBe("A flow has one trigger: change this one's channel in its properties");
  });

  it('is added to a flow without one, like every other node type', () => {
    expect(decideDrop(removeNodes(flow(), ['trigger1']), 'trigger')).toEqual({ kind: 'add' });
    expect(decideDrop(flow(), 'end')).toEqual({ kind: 'add' });
  });
});
