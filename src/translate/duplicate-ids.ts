// Pure: two published versions with one URL (DUPLICATE_URL) or one item id (DUPLICATE_ID), each reported at the later file in path order.
import { makeError, type BuildError } from '../model/build-error.js';
import type { PublishedRows } from './published-rows.js';

/**
 * DUPLICATE_URL for each row whose URL an earlier row (in path order) has: two articles with one
 * slug, or patterns that fill in alike. Asked only when the permalink patterns do not rule it out.
 * Also the rows reported, whose default id (their URL) is then not reported again as DUPLICATE_ID.
 */
function duplicateUrls(rows: PublishedRows, published: readonly number[]): { errors: [number, BuildError][]; reported: Set<number> } {
  const { table } = rows;
  const firstByUrl = new Map<string, number>();
  const errors: [number, BuildError][] = [];
  const reported = new Set<number>();
  for (const row of published) {
    const url = rows.urlAt(row);
    const first = firstByUrl.get(url);
    if (first === undefined) {
      firstByUrl.set(url, row);
      continue;
    }
    reported.add(row);
    const path = table.slugAt(row) === undefined ? [] : ['slug'];
    errors.push([row, makeError('DUPLICATE_URL', { url, earlier: table.pathAt(first) }, { file: table.pathAt(row), path })]);
  }
  return { errors, reported };
}

/**
 * Rows that use an id already used in an earlier row (in path order), with DUPLICATE_ID for each,
 * and rows whose URL an earlier row has, with DUPLICATE_URL (see duplicateUrls).
 * Scheduled versions are checked too: a clash is found when it is written, not when it falls due.
 */
export function duplicateIds(rows: PublishedRows, published: readonly number[], distinctUrls: boolean): BuildError[] {
  const { table } = rows;
  const usesById = new Map<string, number[]>();
  const use = (id: string, row: number) => {
    const uses = usesById.get(id);
    if (uses) uses.push(row);
    else usesById.set(id, [row]);
  };
  const duplicates: [number, BuildError][] = [];
  if (distinctUrls) {
    // No two URLs are the same: an id can only be used twice when an explicit id is one of the uses.
    for (const row of published) {
      const id = table.idAt(row);
      if (id !== undefined) use(id, row);
    }
    if (usesById.size === 0) return [];
    for (const row of published) {
      if (table.idAt(row) === undefined) usesById.get(rows.urlAt(row))?.push(row);
    }
  } else {
    const urls = duplicateUrls(rows, published);
    duplicates.push(...urls.errors);
    // A default id shared because the URL is: said once, as DUPLICATE_URL.
    for (const row of published) if (!(urls.reported.has(row) && table.idAt(row) === undefined)) use(rows.idAt(row), row);
  }
  for (const [id, uses] of usesById) {
    if (uses.length < 2) continue;
    uses.sort((a, b) => a - b);
    const earlier = table.pathAt(uses[0]!);
    for (const row of uses.slice(1)) {
      duplicates.push([row, makeError('DUPLICATE_ID', { id, earlier }, { file: table.pathAt(row), path: ['id'] })]);
    }
  }
  return duplicates.sort((a, b) => a[0] - b[0]).map(([, error]) => error);
}
