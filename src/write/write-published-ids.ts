// I/O: writes published-ids.tsv at the site root atomically (a temporary sibling, flushed, then renamed over it); a failure is returned as a problem.
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { FileStamp } from '../model/file-stamp.js';
import { PUBLISHED_IDS_FILE } from '../load/read-published-ids.js';
import { isLeftoverName, temporaryPathBeside } from './polyfeed-names.js';
import { isSystemError, reasonText } from './write-failure.js';

/**
 * Replaces the manifest with `text`: a reader (git, an editor, another build) sees the old file
 * or the new one, never half of one. Gives the new file's stamp, for the next no-op check.
 */
export function writePublishedIds(root: string, text: string): { stamp: FileStamp } | { error: BuildError } {
  const target = join(root, PUBLISHED_IDS_FILE);
  removeStaleTemporaryFiles(root);
  const temporary = temporaryPathBeside(target);
  try {
    const descriptor = openSync(temporary, 'wx');
    try {
      writeFileSync(descriptor, text);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, target);
    const stats = statSync(target);
    return { stamp: [stats.size, stats.mtimeMs, stats.ino] };
  } catch (error) {
    rmSync(temporary, { force: true });
    if (!isSystemError(error)) throw error;
    return { error: makeError('PUBLISHED_IDS_UNWRITABLE', { systemCode: error.code, reason: reasonText(error) }, { file: PUBLISHED_IDS_FILE, cause: error }) };
  }
}

/** A temporary file older than this was left by a build that was killed between writing and renaming, not one being written. */
const STALE_AFTER_MS = 10 * 60 * 1000;

/**
 * Temporary files a killed build left beside the manifest: only names polyfeed gives its own
 * files (a dot, 12 hex digits, `.polyfeed-tmp`), and only old ones, so that another build writing
 * its manifest at this moment keeps its file. A file that cannot be removed is left alone.
 */
function removeStaleTemporaryFiles(root: string): void {
  const now = Date.now();
  for (const name of readdirSync(root)) {
    if (!isLeftoverName(name) || !name.endsWith('.polyfeed-tmp')) continue;
    const path = join(root, name);
    try {
      const stats = statSync(path);
      if (stats.isFile() && now - stats.mtimeMs > STALE_AFTER_MS) rmSync(path, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}
