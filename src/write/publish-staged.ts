// I/O: publishes a build's staged files as one transaction (see publish-files): those whose bytes changed replace the outputs, the others are dropped.
import { rmSync } from 'node:fs';
import type { BuildError } from '../model/build-error.js';
import { hashOfFile } from './hash-of-file.js';
import { publishFiles } from './publish-files.js';
import type { StagedOutput, StagingPlace } from './staging-files.js';
import { failedWriteOf, writeFailure } from './write-failure.js';

export interface WriteSummary {
  /** Paths written because their bytes changed or they were new. */
  readonly written: readonly string[];
  /** Paths whose bytes were already the same: not rewritten, so their mtime and ETag hold. */
  readonly unchanged: readonly string[];
}

/**
 * Renames every staged file whose bytes differ from the published one over it, all or none (a
 * failure puts every output back and is returned as a problem); drops the others.
 */
export function publishStaged(place: StagingPlace & { readonly journalPath: string }, staged: readonly StagedOutput[]): WriteSummary & { errors: BuildError[] } {
  const written: StagedOutput[] = [];
  const unchanged: string[] = [];
  for (const file of staged) {
    if (file.hash === hashOfFile(file.target)) {
      rmSync(file.temporary, { force: true });
      unchanged.push(file.path);
    } else written.push(file);
  }
  const failure = publishFiles(place.outDir, place.journalPath, written.map(({ target, temporary }) => ({ target, staged: temporary })));
  if (failure === undefined) return { written: written.map((file) => file.path), unchanged, errors: [] };
  const failed = failedWriteOf(failure.error);
  if (!failed) throw failure.error;
  const error = writeFailure({ ...place, path: failure.path, error: failed.error, outcome: failure.restored ? 'restored' : 'backups-kept' });
  return { written: [], unchanged: [], errors: [error] };
}
