// I/O: writes published-ids.tsv at the site root atomically (a temporary sibling, flushed, then renamed over it); a failure is returned as a problem.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { FileStamp } from '../model/file-stamp.js';
import { PUBLISHED_IDS_FILE } from '../load/read-published-ids.js';
import { temporaryPathBeside } from './polyfeed-names.js';
import { isSystemError, reasonText } from './write-failure.js';

/**
 * Replaces the manifest with `text`: a reader (git, an editor, another build) sees the old file
 * or the new one, never half of one. Gives the new file's stamp, for the next no-op check.
 */
export function writePublishedIds(root: string, text: string): { stamp: FileStamp } | { error: BuildError } {
  const target = join(root, PUBLISHED_IDS_FILE);
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
