// I/O: publishes a set of output files as one transaction (every file replaced, created or removed, or none), and undoes one a crash interrupted.
import { constants, copyFileSync, linkSync, lstatSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { backupPathBeside, temporaryPathBeside } from './polyfeed-names.js';
import { readPublishJournal, writePublishJournal, type JournalStep, type PublishJournal } from './publish-journal.js';

/** One output of a publish, with absolute paths. */
export interface PublishChange {
  /** The output file. */
  readonly target: string;
  /** A staged file (written in full, flushed) renamed over `target`; absent to remove `target`. */
  readonly staged?: string;
}

/** Why a publish failed: the call that failed, on which file, and whether the previous output is whole again. */
export interface PublishFailure {
  readonly path: string;
  readonly error: unknown;
  /** False when undoing failed too: the journal is kept, and the next build restores the previous output. */
  readonly restored: boolean;
}

function exists(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

/**
 * The previous output is kept under a backup name while it stays published: a hard link costs
 * nothing and leaves no moment without the file. Where links are refused, a full copy is made
 * under a temporary name and renamed, so a backup is never a part.
 */
function keepBackup(target: string, backup: string): void {
  try {
    linkSync(target, backup);
  } catch {
    const temporary = temporaryPathBeside(target);
    try {
      copyFileSync(target, temporary, constants.COPYFILE_EXCL);
      renameSync(temporary, backup);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}

function sameFile(a: string, b: string): boolean {
  const first = lstatSync(a, { throwIfNoEntry: false });
  const second = lstatSync(b, { throwIfNoEntry: false });
  return first !== undefined && second !== undefined && first.ino === second.ino && first.dev === second.dev;
}

/** A rename between two links of the same file does nothing (POSIX): such a backup is removed instead. */
function restoreBackup(backup: string, target: string): void {
  if (sameFile(backup, target)) rmSync(backup, { force: true });
  else renameSync(backup, target);
}

/**
 * Puts every output of the journal back as it was before the publish began, and removes what the
 * publish made. Steps from `untouchedFrom` on are known not to have replaced their target (the
 * publish failed before them): their backups are only removed.
 */
function undoSteps(outDir: string, journal: PublishJournal, untouchedFrom = journal.steps.length): void {
  let firstError: unknown;
  const attempt = (step: () => void) => {
    try {
      step();
    } catch (error) {
      firstError ??= error;
    }
  };
  journal.steps.forEach((step, index) => {
    const target = join(outDir, step.target);
    const staged = step.staged === undefined ? undefined : join(outDir, step.staged);
    const backup = step.backup === undefined ? undefined : join(outDir, step.backup);
    if (index >= untouchedFrom) {
      if (backup !== undefined) attempt(() => rmSync(backup, { force: true }));
    } else if (backup !== undefined) {
      // Present only once the step began; then it holds the previous output.
      if (exists(backup)) attempt(() => restoreBackup(backup, target));
    } else if (staged !== undefined && !exists(staged)) {
      // There was no previous output, and the staged file is gone: the target is the new one.
      attempt(() => rmSync(target, { force: true }));
    }
    if (staged !== undefined) attempt(() => rmSync(staged, { force: true }));
  });
  if (firstError !== undefined) throw firstError;
}

function removeBackups(outDir: string, journal: PublishJournal): void {
  for (const step of journal.steps) {
    if (step.backup === undefined) continue;
    try {
      rmSync(join(outDir, step.backup), { force: true });
    } catch {
      // A backup that stays is a leftover of polyfeed's own: the next build removes it.
    }
  }
}

/**
 * Publishes the changes as one transaction. The journal (every target, staged file and backup)
 * is written before the first rename; each previous output is kept as a backup before it is
 * replaced; when every change is in place the journal is removed (the commit), then the backups.
 * When a step fails, every output is put back as it was and the staged files are removed; a
 * crash at any point is undone by `recoverInterruptedPublish`, so no reader is ever left with
 * the outputs of two builds mixed. Returns undefined on success.
 */
export function publishFiles(outDir: string, journalPath: string, changes: readonly PublishChange[]): PublishFailure | undefined {
  if (changes.length === 0) return undefined;
  const steps: JournalStep[] = changes.map(({ target, staged }) => ({
    target: relative(outDir, target),
    ...(staged === undefined ? {} : { staged: relative(outDir, staged) }),
    ...(exists(target) ? { backup: relative(outDir, backupPathBeside(target)) } : {}),
  }));
  const journal: PublishJournal = { steps };
  try {
    writePublishJournal(journalPath, journal);
  } catch (error) {
    for (const { staged } of changes) if (staged !== undefined) rmSync(staged, { force: true });
    return { path: journalPath, error, restored: true };
  }
  let failedAt = '';
  let done = 0;
  try {
    for (const step of steps) {
      const target = join(outDir, step.target);
      failedAt = target;
      if (step.backup !== undefined) {
        if (step.staged === undefined) renameSync(target, join(outDir, step.backup));
        else keepBackup(target, join(outDir, step.backup));
      }
      if (step.staged !== undefined) renameSync(join(outDir, step.staged), target);
      done++;
    }
    // The commit: from here on, a crash leaves the new outputs (and backups the next build removes).
    failedAt = journalPath;
    rmSync(journalPath);
  } catch (error) {
    try {
      undoSteps(outDir, journal, done);
      rmSync(journalPath, { force: true });
      return { path: failedAt, error, restored: true };
    } catch {
      return { path: failedAt, error, restored: false };
    }
  }
  removeBackups(outDir, journal);
  return undefined;
}

/**
 * Undoes a publish a crash (or a failed undo) left unfinished, from its journal, before anything
 * else is written: the outputs are again those of the last complete publish. Throws when a step
 * fails (the journal is then kept for the next build).
 */
export function recoverInterruptedPublish(outDir: string, journalPath: string): void {
  const journal = readPublishJournal(journalPath);
  if (journal === undefined) return;
  // A journal polyfeed did not write whole (it is written by a rename) names nothing safe to rename: it goes.
  if (journal !== 'damaged') undoSteps(outDir, journal);
  rmSync(journalPath, { force: true });
}
