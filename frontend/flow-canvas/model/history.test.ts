import { describe, expect, it } from 'vitest';
import { History, fieldOf } from './history';
import type { FlowDoc } from './document';

function version(label: string): FlowDoc {
  return { format: 'switchboard.flow/1', id: 'f', name: label, nodes: [], edges: [] };
}

describe('History', () => {
  it('undoes and redoes whole documents in order', () => {
    const history = new History();
    history.record(version('a'));
    history.record(version('b'));
    expect(history.undo(version('c'))?.name).toBe('b');
    expect(history.undo(version('b'))?.name).toBe('a');
    expect(history.undo(version('a'))).toBeUndefined();
    expect(history.redo(version('a'))?.name).toBe('b');
    expect(history.redo(version('b'))?.name).toBe('c');
    expect(history.redo(version('c'))).toBeUndefined();
  });

  it('forgets what could be redone once a new edit is recorded', () => {
    const history = new History();
    history.record(version('a'));
    history.undo(version('b'));
    history.record(version('a'));
    expect(history.canRedo).toBe(false);
  });

  it('makes one step of consecutive edits under the same key', () => {
    const history = new History();
    history.record(version('before typing'), 'node:end1/label');
    history.record(version('E'), 'node:end1/label');
    history.record(version('En'), 'node:end1/label');
    expect(history.undo(version('End'))?.name).toBe('before typing');
    expect(history.canUndo).toBe(false);
  });

  it('starts a new step when the key changes, after a canvas edit, and after an undo', () => {
    const history = new History();
    history.record(version('0'), 'node:end1/label');
    history.record(version('1'), 'node:end1/config/outcome');
    history.record(version('2'));
    history.record(version('3'), 'node:end1/config/outcome');
    history.record(version('4'), 'node:end1/config/outcome');
    expect(history.undo(version('5'))?.name).toBe('3');
    expect(history.undo(version('3'))?.name).toBe('2');
    history.record(version('2b'), 'node:end1/config/outcome');
    history.record(version('2c'), 'node:end1/config/outcome');
    expect(history.undo(version('2d'))?.name).toBe('2b');
    expect(history.undo(version('2b'))?.name).toBe('1');
    expect(history.undo(version('1'))?.name).toBe('0');
  });

  it('keeps the last 200 steps', () => {
    const history = new History();
    for (let i = 0; i < 250; i++) {
      history.record(version(String(i)));
    }
    let steps = 0;
    let current = version('250');
    for (let undone = history.undo(current); undone; undone = history.undo(current)) {
      current = undone;
      steps++;
    }
    expect(steps).toBe(200);
    expect(current.name).toBe('50');
  });

  it('reads the field from the key the server sends', () => {
    expect(fieldOf('node:fetch1/config/url#123456789')).toBe('node:fetch1/config/url');
    expect(fieldOf('document')).toBe('document');
  });
});
