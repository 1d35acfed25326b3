// I/O: takes an output folder for a build: its lock, then the previous publish completed or undone, then polyfeed's leftovers removed.
import type { BuildError } from '../model/build-error.js';
import { acquireOutputLock, hasLockFolder, lockPathFor, type OutputLock } from './output-lock.js';
import { recoverInterruptedPublish } from './publish-files.js';
import { journalPathIn } from './publish-journal.js';
import { removeLeftovers } from './remove-leftovers.js';
import { failedWriteOf, writeFailure, type WriteOutcome } from './write-failure.js';

export interface OpenOutputInput {
  /** The site folder: reported paths are relative to it. */
  readonly root: string;
  readonly outDir: string;
  readonly waitMs: number;
  /** Told once when waiting for another build begins. */
  readonly onWait: (pid: number) => void;
}

/** The output folder, held: `journalPath` is where its publish is journaled. */
export interface OpenOutput {
  readonly lock: OutputLock;
  readonly journalPath: string;
}

export type OpenOutputResult = OpenOutput | { readonly heldBy: number; readonly path: string } | { readonly errors: BuildError[] };

/**
 * Takes the output folder's lock; then, before anything is written, undoes a publish a killed
 * build left unfinished (so the outputs are again all of one build) and removes every temporary
 * file and backup of polyfeed's own anywhere under the folder. A system error is returned as a problem.
 */
export function openOutputFolder({ root, outDir, waitMs, onWait }: OpenOutputInput): OpenOutputResult {
  const report = (error: unknown, outcome: WriteOutcome): { errors: BuildError[] } => {
    const failed = failedWriteOf(error);
    if (!failed) throw error;
    return { errors: [writeFailure({ root, outDir, path: failed.path || lockPathFor(outDir), error: failed.error, outcome })] };
  };
  let acquired;
  try {
    acquired = acquireOutputLock(outDir, waitMs, onWait);
  } catch (error) {
    return report(error, 'not-locked');
  }
  if (!('lock' in acquired)) return acquired;
  const { lock } = acquired;
  const journalPath = journalPathIn(lock.path);
  try {
    recoverInterruptedPublish(outDir, journalPath);
  } catch (error) {
    lock.release();
    return report(error, 'not-recovered');
  }
  removeLeftovers(outDir);
  return { lock, journalPath };
}

/**
 * For a build that writes nothing (its sources are invalid): when a killed build left the
 * output folder's lock, the folder is taken if it is free at once, its unfinished publish undone
 * and leftovers removed, so that readers are not left with feeds of two builds until a build succeeds.
 */
export function tidyOutputFolder(root: string, outDir: string): void {
  if (!hasLockFolder(outDir)) return;
  const opened = openOutputFolder({ root, outDir, waitMs: 0, onWait: () => {} });
  if ('lock' in opened) opened.lock.release();
}
