// I/O: the size and modification time of every setting file (config, labels, templates, static files).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME } from '../load/site-files.js';
import type { FileStamp } from '../model/file-stamp.js';
import { readFolderEntries } from '../load/read-folder-entries.js';
import { PUBLISHED_IDS_FILE } from '../load/read-published-ids.js';

function statFile(root: string, path: string, into: Record<string, FileStamp>): void {
  const stats = statSync(join(root, path), { throwIfNoEntry: false });
  if (stats?.isFile()) into[path] = [stats.size, stats.mtimeMs, stats.ino];
}

function walk(root: string, folder: string, into: Record<string, FileStamp>): void {
  for (const entry of readFolderEntries(join(root, folder))) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) walk(root, path, into);
    else if (entry.isFile()) statFile(root, path, into);
  }
}

/**
 * `[size, mtimeMs]` of every file besides the articles that a build reads (`staticFolders`: see
 * staticFoldersOf; the published-ids manifest too: a build checks against it), and of the `known`
 * paths the last build's index lists (a helpers module named by the config is found there, not in a folder).
 */
export function snapshotSettingFiles(root: string, staticFolders: readonly string[], known: readonly string[] = []): Record<string, FileStamp> {
  const files: Record<string, FileStamp> = {};
  for (const path of known) statFile(root, path, files);
  statFile(root, CONFIG_FILE_NAME, files);
  statFile(root, PUBLISHED_IDS_FILE, files);
  for (const folder of ['locales', 'templates', ...staticFolders]) walk(root, folder, files);
  return files;
}
