import { describe, expect, it } from 'vitest';
import { Clipboard } from './clipboard';
import type { FlowDoc } from './document';
import { triggerAnd } from './test-flows';

function flow(): FlowDoc {
  return triggerAnd(
    [
      { id: 'branch1', type: 'branch', label: 'Gold?', config: { cases: [{ port: 'gold', when: 'x' }] } },
      { id: 'end1', type: 'end', config: {} },
    ],
    [
      { from: 'trigger1', port: 'next', to: 'branch1' },
      { from: 'branch1', port: 'gold', to: 'end1' },
    ],
    { branch1: { x: 0, y: 150 }, end1: { x: 0, y: 300 } },
  );
}
const ports = { trigger1: ['next'], branch1: ['gold', 'else'], end1: [] };

describe('Clipboard', () => {
  it('pastes copies under fresh ids, shifted, with the edges between them and their ports', () => {
    const clipboard = new Clipboard();
    expect(clipboard.copy(flow(), ['branch1', 'end1'], ports)).toBe(true);
    const pasted = clipboard.paste(flow())!;
    expect(pasted.ids).toEqual(['branch2', 'end2']);
    expect(pasted.doc.nodes.slice(3)).toEqual([
      { id: 'branch2', type: 'branch', label: 'Gold?', config: { cases: [{ port: 'gold', when: 'x' }] } },
      { id: 'end2', type: 'end', config: {} },
    ]);
    expect(pasted.doc.edges.slice(2)).toEqual([{ from: 'branch2', port: 'gold', to: 'end2' }]);
    expect(pasted.doc.layout?.branch2).toEqual({ x: 40, y: 190 });
    expect(pasted.ports).toEqual({ branch2: ['gold', 'else'], end2: [] });
  });

  it('pastes again under other ids, and a change to the pasted nodes does not reach the copy', () => {
    const clipboard = new Clipboard();
    clipboard.copy(flow(), ['branch1'], ports);
    const first = clipboard.paste(flow())!;
    (first.doc.nodes[3].config as { cases: { when: string }[] }).cases[0].when = 'changed';
    const second = clipboard.paste(first.doc)!;
    expect(second.ids).toEqual(['branch3']);
    expect(second.doc.nodes[4].config).toEqual({ cases: [{ port: 'gold', when: 'x' }] });
  });

  it('never copies the trigger, and keeps what it had when nothing could be copied', () => {
    const clipboard = new Clipboard();
    expect(clipboard.copy(flow(), ['trigger1'], ports)).toBe(false);
    expect(clipboard.empty).toBe(true);
    expect(clipboard.paste(flow())).toBeUndefined();
    clipboard.copy(flow(), ['end1'], ports);
    expect(clipboard.copy(flow(), [], ports)).toBe(false);
    expect(clipboard.paste(flow())!.ids).toEqual(['end2']);
  });

  it('is one per canvas: two clipboards do not share what they copied', () => {
    const one = new Clipboard();
    one.copy(flow(), ['end1'], ports);
    expect(new Clipboard().empty).toBe(true);
  });
});
