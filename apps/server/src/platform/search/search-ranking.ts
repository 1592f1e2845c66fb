import { normalizeText } from './search-tokens.js';

/**
 * Orders a capped candidate set for a search box: exact name first, then names starting with the
 * query, then names containing it, then the rest; shorter names and recent changes first within
 * each class. Pure, so every searchable module ranks the same way.
 */
export function rankByName<T extends { name: string; updatedAt: Date | string }>(
  rows: readonly T[],
  query: string,
  limit: number,
): T[] {
  const q = normalizeText(query).replace(/\s+/g, '');
  const klass = (name: string): number => {
    const n = normalizeText(name).replace(/\s+/g, '');
    if (n === q) return 0;
    if (n.startsWith(q)) return 1;
    if (n.includes(q)) return 2;
    return 3;
  };
  return rows
    .map((row) => ({
      row,
      klass: klass(row.name),
      length: [...row.name].length,
      at: new Date(row.updatedAt).getTime(),
    }))
    .sort((a, b) => a.klass - b.klass || a.length - b.length || b.at - a.at)
    .slice(0, limit)
    .map((r) => r.row);
}
