// I/O: which recorded outputs a publish may remove (plain files under plain folders of the output folder), and the folders their removal emptied.
import { lstatSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A plain file at `path`, reached from `outDir` through plain folders only: never a link out of the output folder. */
function isPlainFileInside(outDir: string, path: string): boolean {
  const parts = path.split('/');
  for (let depth = 1; depth < parts.length; depth++) {
    if (!lstatSync(join(outDir, ...parts.slice(0, depth)), { throwIfNoEntry: false })?.isDirectory()) return false;
  }
  return lstatSync(join(outDir, path), { throwIfNoEntry: false })?.isFile() === true;
}

/**
 * Of the outputs a build means to remove (files it recorded writing), those still there as plain
 * files: a path gone already, or that is now a folder or a link, is left alone.
 */
export function removableOutputs(outDir: string, paths: readonly string[]): string[] {
  return paths.filter((path) => isPlainFileInside(outDir, path));
}

/**
 * Removes the folders (below `outDir`, deepest first) that held removed outputs, when they are now
 * empty: a language folder polyfeed made for feeds it has removed. A folder holding anything else,
 * or that cannot be removed, stays.
 */
export function removeEmptiedFolders(outDir: string, removed: readonly string[]): void {
  const folders = new Set<string>();
  for (const path of removed) {
    for (let folder = dirname(path); folder !== '.' && folder !== ''; folder = dirname(folder)) folders.add(folder);
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(join(outDir, folder));
    } catch {
      // Not empty (a user's file, say), or not ours to remove: it stays.
    }
  }
}
