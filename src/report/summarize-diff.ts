// Pure: a site's diff → its counts (files, and items once per language), and its files grouped where a language's formats changed alike.
import type { FieldChange, FileDiff, SiteDiff } from '../diff/feed-diff.js';

/** How many feed files and items differ. */
export interface DiffCounts {
  readonly files: { readonly added: number; readonly removed: number; readonly changed: number; readonly unchanged: number };
  /** Items of files present on both sides, counted once per language whatever the number of formats that carry them (by id). */
  readonly items: { readonly added: number; readonly removed: number; readonly changed: number };
}

/** Counts the files that differ by status, and the items added, removed and changed. */
export function countDiff(diff: SiteDiff): DiffCounts {
  const files = { added: 0, removed: 0, changed: 0, unchanged: diff.unchanged.length };
  const items = { added: new Set<string>(), removed: new Set<string>(), changed: new Set<string>() };
  for (const file of diff.files) {
    files[file.status]++;
    if (file.status !== 'changed' || !file.changes) continue;
    for (const kind of ['added', 'removed', 'changed'] as const) {
      for (const item of file.changes[kind]) items[kind].add(JSON.stringify([file.language, item.id]));
    }
  }
  return { files, items: { added: items.added.size, removed: items.removed.size, changed: items.changed.size } };
}

/** One language's files whose items differ in the same way (usually all its formats), told once. */
export interface DiffGroup {
  readonly language: string;
  /** The files' paths, in report order. */
  readonly paths: readonly string[];
  /** The first file's diff: the others' items are the same (their feed fields may not be: see `feedChanges`). */
  readonly diff: FileDiff;
  /** Each change of a feed field in the group, with the files it is in (JSON Feed has no feed date, say). */
  readonly feedChanges: ReadonlyArray<{ readonly change: FieldChange; readonly paths: readonly string[] }>;
}

/** Groups files of the same language whose status and item changes are the same, keeping the report order. */
export function groupFileDiffs(files: readonly FileDiff[]): DiffGroup[] {
  const groups = new Map<string, { language: string; paths: string[]; diff: FileDiff; feedChanges: Map<string, { change: FieldChange; paths: string[] }> }>();
  for (const file of files) {
    const { path: _path, format: _format, ...rest } = file;
    const key = JSON.stringify('changes' in rest && rest.changes ? { ...rest, changes: { ...rest.changes, feed: [] } } : rest);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { language: file.language, paths: [], diff: file, feedChanges: new Map() }));
    group.paths.push(file.path);
    for (const change of file.status === 'changed' ? (file.changes?.feed ?? []) : []) {
      const changeKey = JSON.stringify(change);
      const known = group.feedChanges.get(changeKey);
      if (known) known.paths.push(file.path);
      else group.feedChanges.set(changeKey, { change, paths: [file.path] });
    }
  }
  return [...groups.values()].map((group) => ({ ...group, feedChanges: [...group.feedChanges.values()] }));
}

/** `1 item`, `2 items`. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
