// Where a dropped node goes: inside the pane, so that all of it shows, and clear of anything drawn
// over the pane (none is today: the buttons and the minimap sit outside it), as near the drop point
// as possible. Screen coordinates throughout.

export type Rect = { x: number; y: number; width: number; height: number };
export type Point = { x: number; y: number };

const GAP = 12;

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/**
 * The top-left corner for a node of this size dropped at `point`: the point itself when the node
 * lies inside the pane clear of every overlay, else the nearest corner that does (left of, above,
 * right of or below an overlay it touched), kept inside the pane.
 */
export function placeClear(point: Point, size: { width: number; height: number }, pane: Rect, overlays: Rect[]): Point {
  const inside = (p: Point): Point => ({
    x: clamp(p.x, pane.x + GAP, Math.max(pane.x + GAP, pane.x + pane.width - size.width - GAP)),
    y: clamp(p.y, pane.y + GAP, Math.max(pane.y + GAP, pane.y + pane.height - size.height - GAP)),
  });
  const clear = (p: Point) => !overlays.some((o) => overlaps({ ...p, ...size }, o));
  const start = inside(point);
  if (clear(start)) {
    return start;
  }
  const candidates: Point[] = [];
  for (const o of overlays) {
    candidates.push(
      { x: o.x - size.width - GAP, y: start.y },
      { x: start.x, y: o.y - size.height - GAP },
      { x: o.x + o.width + GAP, y: start.y },
      { x: start.x, y: o.y + o.height + GAP },
    );
  }
  const distance = (p: Point) => Math.hypot(p.x - point.x, p.y - point.y);
  const fits = candidates.map(inside).filter(clear).sort((a, b) => distance(a) - distance(b));
  return fits[0] ?? start;
}
