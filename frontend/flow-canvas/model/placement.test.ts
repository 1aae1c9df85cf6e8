import { describe, expect, it } from 'vitest';
import { placeClear, type Rect } from './placement';

const pane: Rect = { x: 200, y: 100, width: 900, height: 500 };
// React Flow's corners: the minimap lower right, the controls lower left
const minimap: Rect = { x: 885, y: 435, width: 200, height: 150 };
const controls: Rect = { x: 215, y: 480, width: 30, height: 105 };
const size = { width: 170, height: 90 };

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('placeClear', () => {
  it('keeps a drop point clear of the overlays', () => {
    expect(placeClear({ x: 400, y: 200 }, size, pane, [minimap, controls])).toEqual({ x: 400, y: 200 });
  });

  it('places a node dropped onto the minimap beside it, inside the pane', () => {
    const at = placeClear({ x: 950, y: 500 }, size, pane, [minimap, controls]);
    const node = { ...at, ...size };
    expect(overlaps(node, minimap)).toBe(false);
    expect(at.x).toBeGreaterThanOrEqual(pane.x);
    expect(at.y).toBeGreaterThanOrEqual(pane.y);
    expect(at.x + size.width).toBeLessThanOrEqual(pane.x + pane.width);
    expect(at.y + size.height).toBeLessThanOrEqual(pane.y + pane.height);
    // the nearest free place: above the minimap, where the drop was made
    expect(at).toEqual({ x: 918, y: 333 });
  });

  it('places a node dropped onto the controls beside them', () => {
    const at = placeClear({ x: 220, y: 500 }, size, pane, [minimap, controls]);
    expect(overlaps({ ...at, ...size }, controls)).toBe(false);
    expect(overlaps({ ...at, ...size }, minimap)).toBe(false);
    expect(at).toEqual({ x: 257, y: 498 });
  });

  it('moves a node that would reach under an overlay, not only one dropped on it', () => {
    const at = placeClear({ x: 800, y: 420 }, size, pane, [minimap]);
    expect(overlaps({ ...at, ...size }, minimap)).toBe(false);
  });

  it('pulls a drop at the very edge of the pane into view', () => {
    expect(placeClear({ x: 1095, y: 105 }, size, pane, [])).toEqual({ x: 918, y: 112 });
  });
});
