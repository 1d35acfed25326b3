// Pure: what went wrong with .polyfeed-cache/ → the warning that says the build went on without it.
import type { BuildError, FieldPath } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';

/** Beside the sources, git-ignored; deleting it only makes the next build a cold one. Problems name files under it relative to the site folder. */
export const CACHE_FOLDER = '.polyfeed-cache';

/**
 * Content that is not what polyfeed wrote (cut off, damaged, edited, of the wrong type or shape):
 * `what` says what, in a sentence without its full stop; what it held is worked out again from the sources.
 */
export function cacheDamaged(file: string, what: string, path: FieldPath = []): BuildError {
  return makeError('CACHE_DAMAGED', `${what}. It was not used: what it held was worked out again from the sources.`, {
    file: `${CACHE_FOLDER}/${file}`,
    path,
    severity: 'warning',
  });
}

/** What the usual file system errors mean here. */
const REASONS: Readonly<Record<string, string>> = {
  ENOTDIR: 'a file stands where a folder should be',
  EEXIST: 'a file stands where a folder should be',
  EISDIR: 'a folder stands where a file should be',
  EACCES: 'permission denied',
  EPERM: 'not permitted (immutable?)',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
};

/** A cache that cannot be read or written: the build goes on without it. */
export function cacheUnavailable(file: string, reading: boolean, error: unknown): BuildError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? String(error) : `${code}: ${REASONS[code] ?? 'the system refused'}`;
  const what = reading ? 'The cache could not be read' : 'The cache could not be written';
  return makeError('CACHE_UNAVAILABLE', `${what} (${reason}). ${reading ? 'This build went on without it.' : 'The feeds were published all the same; the next build cannot skip unchanged work.'}`, {
    file: `${CACHE_FOLDER}/${file}`,
    severity: 'warning',
    cause: error,
  });
}

/** Problems with the cache never fail a run, not even with --strict: the cache is not the user's source. */
export function isCacheProblem(problem: BuildError): boolean {
  return problem.code === 'CACHE_DAMAGED' || problem.code === 'CACHE_UNAVAILABLE';
}

/** Whether a caught error is one the file system reports (errno code) rather than a bug. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).syscall !== undefined;
}
