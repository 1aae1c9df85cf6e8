// The palette's entries as a person looks for them: filtered by what they typed, grouped under
// readable category headings in a fixed order, the registered data steps in a group of their own.
import type { PaletteEntry } from './document';

/** Readable names of the schemas' palette categories, in the order the palette shows them. */
const CATEGORIES: [string, string][] = [
  ['start', 'Start and end'],
  ['messaging', 'Messages'],
  ['data', 'Data'],
  ['logic', 'Logic'],
  ['routing', 'Routing'],
  ['agent', 'Agent desk'],
  ['case', 'Tickets'],
];

/** The id of the group that holds the data-step presets. */
export const DATA_STEPS = 'data-steps';

export type PaletteGroup = { id: string; title: string; entries: PaletteEntry[] };

/** A category's readable name; an unknown one is shown capitalised rather than hidden. */
export function categoryTitle(category: string): string {
  const known = CATEGORIES.find(([id]) => id === category);
  if (known) {
    return known[1];
  }
  return category ? category.charAt(0).toUpperCase() + category.slice(1) : 'Other';
}

/**
 * Whether the entry matches what was typed: every word in its title or type, any case. Not in its
 * help: "wait" would find every step whose help says that the caller waits.
 */
export function matches(entry: PaletteEntry, query: string): boolean {
  const text = `${entry.title} ${entry.type}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .every((word) => text.includes(word));
}

/**
 * The groups to show for a query: the node types by category (known categories in their order,
 * others after them by name), then the data steps; groups left empty by the query are left out.
 */
export function groupPalette(entries: PaletteEntry[], query: string): PaletteGroup[] {
  const shown = entries.filter((entry) => matches(entry, query));
  const rank = (category: string) => {
    const index = CATEGORIES.findIndex(([id]) => id === category);
    return index < 0 ? CATEGORIES.length : index;
  };
  const categories = [...new Set(shown.filter((e) => !e.preset).map((e) => e.category))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const groups: PaletteGroup[] = categories.map((category) => ({
    id: category,
    title: categoryTitle(category),
    entries: shown.filter((e) => !e.preset && e.category === category).sort((a, b) => a.order - b.order),
  }));
  const presets = shown.filter((e) => e.preset);
  if (presets.length > 0) {
    groups.push({ id: DATA_STEPS, title: 'Data steps', entries: presets });
  }
  return groups;
}
