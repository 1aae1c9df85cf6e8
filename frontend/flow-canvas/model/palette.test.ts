import { describe, expect, it } from 'vitest';
import type { PaletteEntry } from './document';
import { DATA_STEPS, categoryTitle, groupPalette } from './palette';

function entry(type: string, title: string, category: string, order: number, preset?: Record<string, unknown>): PaletteEntry {
  return { key: preset ? `${type}:${title}` : type, type, title, help: `${title} help`, icon: '', category, order, ports: [], waits: false, preset };
}

const entries = [
  entry('trigger', 'Trigger', 'start', 1),
  entry('fetch', 'Fetch variables', 'data', 2),
  entry('fetch', 'CRM customer', 'data', 2, { step: 'crm' }),
  entry('branch', 'Branch', 'logic', 4),
  entry('wait', 'Wait', 'logic', 10),
  entry('end', 'End', 'start', 11),
  entry('ticket', 'Ticket', 'case', 9),
  { ...entry('route', 'Route to an agent', 'routing', 6), help: 'The caller waits for an agent' },
  entry('odd', 'Odd', 'zeta', 12),
];

describe('the palette', () => {
  it('groups node types under readable headings in a fixed order, data steps last', () => {
    const groups = groupPalette(entries, '');
    expect(groups.map((g) => g.title)).toEqual(['Start and end', 'Data', 'Logic', 'Routing', 'Tickets', 'Zeta', 'Data steps']);
    expect(groups[0].entries.map((e) => e.type)).toEqual(['trigger', 'end']);
    expect(groups[1].entries.map((e) => e.title)).toEqual(['Fetch variables']);
    expect(groups.at(-1)).toMatchObject({ id: DATA_STEPS, entries: [{ title: 'CRM customer' }] });
  });

  it('finds a step by its title or type, in any case, not by words of its help, leaving out empty groups', () => {
    const groups = groupPalette(entries, 'WAIT');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ title: 'Logic', entries: [{ type: 'wait' }] });
    expect(groupPalette(entries, 'crm').map((g) => g.id)).toEqual([DATA_STEPS]);
    expect(groupPalette(entries, 'to agent')[0].entries.map((e) => e.type)).toEqual(['route']);
    expect(groupPalette(entries, 'nothing like this')).toEqual([]);
  });

  it('names an unknown category rather than hiding it', () => {
    expect(categoryTitle('routing')).toBe('Routing');
    expect(categoryTitle('custom')).toBe('Custom');
    expect(categoryTitle('')).toBe('Other');
  });
});
