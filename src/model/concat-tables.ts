// Pure: article tables one after the other → one table, the parts used up as they are joined.
import type { BuildError } from './build-error.js';
import { ArticleTable, type ArticleColumns } from './article-table.js';

/** Every column but the problems, which are keyed by row. */
const COLUMN_NAMES = ['path', 'size', 'mtimeMs', 'ino', 'digest', 'title', 'dateMs', 'updatedMs', 'id', 'draft', 'slug', 'translationOf'] as const;

/**
 * Tables one after the other, as one (each in path order, each before the next). The tables are
 * used up: each column of theirs is emptied once joined, so that the joined table and the parts
 * are never both held whole.
 */
export function concatTables(tables: readonly ArticleTable[]): ArticleTable {
  if (tables.length === 1) return tables[0]!;
  const parts = tables.map((table) => table.toColumns());
  const problems: Record<number, readonly BuildError[]> = {};
  let offset = 0;
  for (const table of tables) {
    for (const [row, rowProblems] of table.rowsWithProblems()) problems[offset + row] = rowProblems;
    offset += table.length;
  }
  const joined: Record<string, unknown[]> = {};
  for (const name of COLUMN_NAMES) {
    joined[name] = ([] as unknown[]).concat(...parts.map((part) => part[name]));
    for (const part of parts) part[name].length = 0;
  }
  return ArticleTable.fromColumns({ ...(joined as unknown as Omit<ArticleColumns, 'problems'>), problems });
}
