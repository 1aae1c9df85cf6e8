// Undo and redo over whole documents, with the edits made outside the canvas (a property typed
// into, the source) recorded under a key so that a run of edits to one field is one step.
import type { FlowDoc } from './document';

const LIMIT = 200;

/** Undo and redo over whole documents. */
export class History {
  private past: string[] = [];
  private future: string[] = [];
  /** the key of the step on top of `past` while edits under it may still join it */
  private openKey: string | undefined;

  /**
   * Records the document as it was before an edit. An edit with a key joins the step before it
   * when that step had the same key and nothing else happened since (typing into one field over
   * several seconds); an edit without a key (one made on the canvas) is always a step of its own.
   */
  record(before: FlowDoc, key?: string): void {
    if (key !== undefined && key === this.openKey) {
      this.future = [];
      return;
    }
    this.past.push(JSON.stringify(before));
    if (this.past.length > LIMIT) {
      this.past.shift();
    }
    this.future = [];
    this.openKey = key;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  undo(current: FlowDoc): FlowDoc | undefined {
    return this.step(this.past, this.future, current);
  }

  redo(current: FlowDoc): FlowDoc | undefined {
    return this.step(this.future, this.past, current);
  }

  /** Takes the last document off one stack, keeping the current one on the other. */
  private step(from: string[], to: string[], current: FlowDoc): FlowDoc | undefined {
    const taken = from.pop();
    if (taken === undefined) {
      return undefined;
    }
    // after an undo or redo, the next keyed edit starts a step of its own
    this.openKey = undefined;
    to.push(JSON.stringify(current));
    return JSON.parse(taken);
  }
}

/**
 * The key part of an edit key as the server sends it ("node:fetch1/config/url#123456789"): the
 * field that was edited, without the part that makes each push new.
 */
export function fieldOf(editKey: string): string {
  const hash = editKey.lastIndexOf('#');
  return hash < 0 ? editKey : editKey.substring(0, hash);
}
