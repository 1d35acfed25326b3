// Pure (but for randomness): the names polyfeed gives its own temporary files in the output folder, and the test that recognizes them.
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

/** A file being written: it becomes an output only by a rename. */
const TEMPORARY_SUFFIX = '.polyfeed-tmp';
/** The previous version of an output, kept until a publish is complete. */
const BACKUP_SUFFIX = '.polyfeed-backup';

/**
 * Only names of exactly this shape are polyfeed's (a dot, 12 hex digits, the suffix), so the
 * clean-up never touches a user's file, whatever it is called.
 */
const LEFTOVER_NAME = /^\.[0-9a-f]{12}\.polyfeed-(?:tmp|backup)$/;

function randomName(suffix: string): string {
  return `.${randomBytes(6).toString('hex')}${suffix}`;
}

/** A fresh temporary path in the folder of `target` (same file system, so a rename can publish it). */
export function temporaryPathBeside(target: string): string {
  return join(dirname(target), randomName(TEMPORARY_SUFFIX));
}

/** A fresh backup path in the folder of `target`. */
export function backupPathBeside(target: string): string {
  return join(dirname(target), randomName(BACKUP_SUFFIX));
}

/** True for a file name polyfeed made for itself (a temporary file or a backup), never for an output or a user's file. */
export function isLeftoverName(name: string): boolean {
  return LEFTOVER_NAME.test(name);
}
