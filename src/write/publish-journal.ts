// I/O: the journal of a publish in progress: written atomically before the first rename, removed once every file is in place.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize } from 'node:path';
import { isLeftoverName, temporaryPathBeside } from './polyfeed-names.js';

/** One file of a publish; paths are relative to the output folder. */
export interface JournalStep {
  /** The output being replaced, created or removed. */
  readonly target: string;
  /** The staged file renamed over `target`; absent when `target` is removed. */
  readonly staged?: string;
  /** Where the previous `target` is kept until the publish is complete; absent when there was none. */
  readonly backup?: string;
}

/** What a publish does, in order; while the journal exists, every step can be undone. */
export interface PublishJournal {
  readonly steps: readonly JournalStep[];
}

const FORMAT = 'polyfeed-publish-journal-1';

/** A relative path that stays inside the output folder. */
function isInside(path: unknown): path is string {
  return typeof path === 'string' && path !== '' && !isAbsolute(path) && !normalize(path).split(/[\\/]/).includes('..');
}

/** A file polyfeed named, beside its target: a damaged or edited journal can never make polyfeed rename a user's file. */
function isOwnFileBeside(path: unknown, target: string): boolean {
  return path === undefined || (isInside(path) && dirname(path) === dirname(target) && isLeftoverName(basename(path)));
}

/** The journal's text → the journal, or undefined when it is not one polyfeed wrote. */
export function parsePublishJournal(text: string): PublishJournal | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== FORMAT) return undefined;
  const steps = (value as { steps?: unknown }).steps;
  if (!Array.isArray(steps)) return undefined;
  const valid = steps.every(
    (step: unknown) =>
      typeof step === 'object' &&
      step !== null &&
      isInside((step as JournalStep).target) &&
      isOwnFileBeside((step as JournalStep).staged, (step as JournalStep).target) &&
      isOwnFileBeside((step as JournalStep).backup, (step as JournalStep).target),
  );
  return valid ? { steps: steps as JournalStep[] } : undefined;
}

/** Written in full to a temporary file, flushed, then renamed into place: the journal is whole or absent. */
export function writePublishJournal(path: string, journal: PublishJournal): void {
  const temporary = temporaryPathBeside(path);
  try {
    const descriptor = openSync(temporary, 'w');
    try {
      writeSync(descriptor, JSON.stringify({ format: FORMAT, steps: journal.steps }));
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The journal left by a publish that did not finish: undefined when there is none. `damaged` when it cannot be understood. */
export function readPublishJournal(path: string): PublishJournal | 'damaged' | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parsePublishJournal(text) ?? 'damaged';
}

/** The journal's path inside the lock folder of the output folder. */
export function journalPathIn(lockFolder: string): string {
  return join(lockFolder, 'publish-journal.json');
}
