// I/O: the size and modification time of every input file, cheaply, for the no-op check.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, STATIC_FOLDER } from '../load/read-sources.js';

/** What the inputs looked like: `[size, mtimeMs]` per file, mtime per article folder. */
export interface InputSnapshot {
  readonly files: Readonly<Record<string, readonly [number, number]>>;
  readonly articleFolders: Readonly<Record<string, number>>;
}

function statFile(root: string, path: string, into: Record<string, readonly [number, number]>): void {
  const stats = statSync(join(root, path), { throwIfNoEntry: false });
  if (stats?.isFile()) into[path] = [stats.size, stats.mtimeMs];
}

function walk(root: string, folder: string, into: Record<string, readonly [number, number]>): void {
  let entries;
  try {
    entries = readdirSync(join(root, folder), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) walk(root, path, into);
    else if (entry.isFile()) statFile(root, path, into);
  }
}

/**
 * Article folders are the many: a folder whose mtime is what `previous` recorded has the same
 * entries (adding, removing or renaming a file changes it), so only its files are stat-ed, from
 * the previous list, and the folder itself is not read again.
 */
export function snapshotInputs(root: string, previous?: InputSnapshot): InputSnapshot {
  const files: Record<string, readonly [number, number]> = {};
  const articleFolders: Record<string, number> = {};
  statFile(root, CONFIG_FILE_NAME, files);
  for (const folder of ['locales', 'templates', STATIC_FOLDER]) walk(root, folder, files);
  const previousFiles = previous ? Object.keys(previous.files) : [];
  const previousByFolder = new Map<string, string[]>();
  for (const path of previousFiles) {
    if (!path.startsWith('articles/')) continue;
    const folder = path.slice(0, path.lastIndexOf('/'));
    const list = previousByFolder.get(folder) ?? [];
    list.push(path);
    previousByFolder.set(folder, list);
  }
  let names: string[] = [];
  try {
    names = readdirSync(join(root, 'articles'));
  } catch {
    names = [];
  }
  for (const name of names) {
    const folder = `articles/${name}`;
    const stats = statSync(join(root, folder), { throwIfNoEntry: false });
    if (!stats) continue;
    if (!stats.isDirectory()) {
      if (stats.isFile()) files[folder] = [stats.size, stats.mtimeMs];
      continue;
    }
    articleFolders[folder] = stats.mtimeMs;
    const known = previousByFolder.get(folder);
    if (known && previous?.articleFolders[folder] === stats.mtimeMs) {
      for (const path of known) statFile(root, path, files);
    } else {
      walk(root, folder, files);
    }
  }
  return { files, articleFolders };
}
