// I/O: the library's writer: holds the output folder, stages every output, then publishes them all or none (see publish-files).
import type { BuildError } from '../model/build-error.js';
import type { OutputFile } from '../model/output-file.js';
import { openOutputFolder } from './open-output-folder.js';
import { publishStaged, type WriteSummary } from './publish-staged.js';
import { discardStaged, prepareOutputFolders, stageFiles, stagingFailure } from './staging-files.js';
import { flushStagedNow } from './flush-staged.js';

export type { WriteSummary } from './publish-staged.js';

/** How `writeOutputs` writes; every option has a default. */
export interface WriteOutputsOptions {
  /** How long to wait for another build writing the same folder; 60 s by default. */
  readonly waitMs?: number;
  /** Problems of the build so far (lazy bodies add theirs as they are read): with an error among them once every body is read, nothing is published. */
  readonly problems?: readonly BuildError[];
}

/**
 * Every file is staged first, in a temporary sibling, so that a problem met while making a lazy
 * body or a failed write (OUTPUT_WRITE_FAILED) leaves every published file as it was. Then each
 * staged file whose bytes differ from the published one is renamed over it, all or none.
 */
export function writeOutputs(outDir: string, files: readonly OutputFile[], options: WriteOutputsOptions = {}): WriteSummary & { errors: readonly BuildError[] } {
  const place = { root: outDir, outDir };
  const opened = openOutputFolder({ ...place, waitMs: options.waitMs ?? 60_000, onWait: () => {} });
  if ('errors' in opened) return { written: [], unchanged: [], errors: opened.errors };
  if (!('lock' in opened)) throw new Error(`Another build (process ${opened.heldBy}) is still writing ${outDir}.`);
  try {
    const folderErrors = prepareOutputFolders(place, files.map((file) => file.path));
    if (folderErrors.length > 0) return { written: [], unchanged: [], errors: folderErrors };
    const staged = stageFiles(place, files);
    const errors = [...staged.errors, ...(options.problems ?? [])];
    if (errors.some((error) => error.severity === 'error')) {
      discardStaged(staged.staged);
      return { written: [], unchanged: [], errors };
    }
    try {
      flushStagedNow(staged.staged);
    } catch (error) {
      discardStaged(staged.staged);
      return { written: [], unchanged: [], errors: [...errors, stagingFailure(place, error)] };
    }
    const published = publishStaged({ ...place, journalPath: opened.journalPath }, staged.staged);
    return { ...published, errors: [...errors, ...published.errors] };
  } finally {
    opened.lock.release();
  }
}
