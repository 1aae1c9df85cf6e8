// The palette beside the canvas: node types and presets, dragged onto the pane to add a node.
import type { PaletteEntry } from './model';

/** The data transfer type under which a drag from the palette carries the entry's key. */
export const DRAG_TYPE = 'application/x-switchboard-node-type';

type PaletteProps = { entries: PaletteEntry[]; readOnly: boolean };

export function Palette({ entries, readOnly }: PaletteProps) {
  return (
    <aside className="sb-palette" aria-label="Palette">
      {entries.map((entry) => (
        <div
          key={entry.key}
          className={entry.preset ? 'sb-palette-item sb-palette-preset' : 'sb-palette-item'}
          data-type={entry.key}
          draggable={!readOnly}
          title={entry.help}
          onDragStart={(e) => {
            e.dataTransfer.setData(DRAG_TYPE, entry.key);
            e.dataTransfer.effectAllowed = 'move';
          }}
        >
          <strong>
            {entry.icon && <vaadin-icon icon={entry.icon} className="sb-icon" />} {entry.title}
          </strong>
          <small>{entry.help}</small>
        </div>
      ))}
    </aside>
  );
}
