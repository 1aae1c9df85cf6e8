// The palette beside the canvas: node types grouped by category and the registered data steps,
// filtered by a search box, dragged onto the pane to add a node. It folds to a strip of icons;
// that and which groups are folded are remembered in the browser.
import { useMemo, useState } from 'react';
import { DATA_STEPS, groupPalette, type PaletteEntry } from './model';
import { useRemembered } from './remembered';

/** The data transfer type under which a drag from the palette carries the entry's key. */
export const DRAG_TYPE = 'application/x-switchboard-node-type';

const COLLAPSED_KEY = 'switchboard.palette.collapsed';
const FOLDED_KEY = 'switchboard.palette.folded';

type PaletteProps = { entries: PaletteEntry[]; readOnly: boolean };

export function Palette({ entries, readOnly }: PaletteProps) {
  const [collapsed, setCollapsed] = useRemembered<boolean>(COLLAPSED_KEY, false);
  const [folded, setFolded] = useRemembered<string[]>(FOLDED_KEY, []);
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupPalette(entries, collapsed ? '' : query), [entries, query, collapsed]);
  const toggle = (
    <button
      type="button"
      className="sb-palette-toggle"
      aria-label={collapsed ? 'Show the palette' : 'Fold the palette'}
      title={collapsed ? 'Show the palette' : 'Fold the palette'}
      aria-expanded={!collapsed}
      onClick={() => setCollapsed(!collapsed)}
    >
      <vaadin-icon icon={collapsed ? 'vaadin:angle-double-right' : 'vaadin:angle-double-left'} className="sb-icon" />
    </button>
  );
  if (collapsed) {
    return (
      <aside className="sb-palette sb-palette-collapsed" aria-label="Palette">
        {toggle}
        {groups.flatMap((group) => group.entries).map((entry) => (
          <Item key={entry.key} entry={entry} readOnly={readOnly} iconOnly />
        ))}
      </aside>
    );
  }
  return (
    <aside className="sb-palette" aria-label="Palette">
      <div className="sb-palette-top">
        <input
          className="sb-palette-search"
          type="search"
          placeholder="Search steps"
          aria-label="Search steps"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {toggle}
      </div>
      <div className="sb-palette-groups">
        {groups.length === 0 && <p className="sb-palette-empty">No step matches “{query}”.</p>}
        {groups.map((group) => {
          // a search shows every match, folded group or not
          const open = query.trim() !== '' || !folded.includes(group.id);
          return (
            <section key={group.id} className="sb-palette-group" data-group={group.id}>
              <button
                type="button"
                className="sb-palette-heading"
                aria-expanded={open}
                onClick={() => setFolded(open ? [...folded, group.id] : folded.filter((id) => id !== group.id))}
              >
                <vaadin-icon icon={open ? 'vaadin:angle-down' : 'vaadin:angle-right'} className="sb-icon" />
                {group.title}
                {group.id === DATA_STEPS && <span className="sb-palette-count">{group.entries.length}</span>}
              </button>
              {open && group.entries.map((entry) => <Item key={entry.key} entry={entry} readOnly={readOnly} />)}
            </section>
          );
        })}
      </div>
    </aside>
  );
}

/** One draggable entry: icon and title, the help as its tooltip (a data step shows what it needs and gives, too). */
function Item({ entry, readOnly, iconOnly }: { entry: PaletteEntry; readOnly: boolean; iconOnly?: boolean }) {
  return (
    <div
      className={entry.preset ? 'sb-palette-item sb-palette-preset' : 'sb-palette-item'}
      data-type={entry.key}
      draggable={!readOnly}
      title={iconOnly ? `${entry.title}: ${entry.help}` : entry.help}
      aria-label={entry.title}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, entry.key);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      {entry.icon && <vaadin-icon icon={entry.icon} className="sb-icon" />}
      {!iconOnly && <span className="sb-palette-title">{entry.title}</span>}
      {!iconOnly && entry.preset && <small>{entry.help}</small>}
    </div>
  );
}
