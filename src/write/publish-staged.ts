// I/O: publishes a build's staged files and removals as one transaction (see publish-files): staged files whose bytes changed replace the outputs, the others are dropped.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { hashOfFile } from './hash-of-file.js';
import { publishFiles } from './publish-files.js';
import type { StagedOutput, StagingPlace } from './staging-files.js';
import { removableOutputs, removeEmptiedFolders } from './stale-outputs.js';
import { failedWriteOf, writeFailure } from './write-failure.js';

/** What publishing the output files did, by path (relative to the output folder). */
export interface WriteSummary {
  /** Paths written because their bytes changed or they were new. */
  readonly written: readonly string[];
  /** Paths whose bytes were already the same: not rewritten, so their mtime and ETag hold. */
  readonly unchanged: readonly string[];
}

/** What a publish did: the summary, the removals among `removals` it made, and a write that failed. */
export interface PublishResult extends WriteSummary {
  /** Outputs removed (feeds the config no longer makes). */
  readonly removed: readonly string[];
  readonly errors: BuildError[];
}

/**
 * Renames every staged file whose bytes differ from the published one over it, and removes the
 * `removals` (paths relative to the output folder) that are still plain files, all or none (a
 * failure puts every output back and is returned as a problem); drops the other staged files.
 * Once published, a folder the removals emptied is removed too.
 */
export function publishStaged(
  place: StagingPlace & { readonly journalPath: string },
  staged: readonly StagedOutput[],
  removals: readonly string[] = [],
): PublishResult {
  const written: StagedOutput[] = [];
  const unchanged: string[] = [];
  for (const file of staged) {
    if (file.hash === hashOfFile(file.target)) {
      rmSync(file.temporary, { force: true });
      unchanged.push(file.path);
    } else written.push(file);
  }
  const removed = removableOutputs(place.outDir, removals);
  // Removals are journaled like replacements: a failure or a crash puts the removed files back.
  const changes = [...removed.map((path) => ({ target: join(place.outDir, path) })), ...written.map(({ target, temporary }) => ({ target, staged: temporary }))];
  const failure = publishFiles(place.outDir, place.journalPath, changes);
  if (failure === undefined) {
    removeEmptiedFolders(place.outDir, removed);
    return { written: written.map((file) => file.path), unchanged, removed, errors: [] };
  }
  const failed = failedWriteOf(failure.error);
  if (!failed) throw failure.error;
  const error = writeFailure({ ...place, path: failure.path, error: failed.error, outcome: failure.restored ? 'restored' : 'backups-kept' });
  return { written: [], unchanged: [], removed: [], errors: [error] };
}
