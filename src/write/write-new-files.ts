// I/O: writes the files of a new site or article, never over a file that exists (unless forced).
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What writeNewFiles did: the files it wrote, or the files that exist already (and then it wrote none). */
export type NewFilesResult = { readonly written: readonly string[] } | { readonly existing: readonly string[] };

/**
 * Writes every file under `root` (folders made as needed), or none of them when any exists and
 * `force` is not set. Without `force` each file is created exclusively, so a file that appears
 * between the check and the write is not overwritten either (the write then throws EEXIST).
 */
export function writeNewFiles(root: string, files: readonly { path: string; text: string }[], force: boolean): NewFilesResult {
  if (!force) {
    const existing = files.map((file) => file.path).filter((path) => statSync(join(root, path), { throwIfNoEntry: false }) !== undefined);
    if (existing.length > 0) return { existing };
  }
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.text, { flag: force ? 'w' : 'wx' });
  }
  return { written: files.map((file) => file.path) };
}
