// Pure: what went wrong with .polyfeed-cache/ → the warning that says the build went on without it.
import type { BuildError, FieldPath } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { MessageParams } from '../model/error-catalogue.js';

/** Beside the sources, git-ignored; deleting it only makes the next build a cold one. Problems name files under it relative to the site folder. */
export const CACHE_FOLDER = '.polyfeed-cache';

/**
 * Content that is not what polyfeed wrote (cut off, damaged, edited, of the wrong type or shape):
 * `damage` says what; what it held is worked out again from the sources.
 */
export function cacheDamaged(file: string, damage: MessageParams<'CACHE_DAMAGED'>, path: FieldPath = []): BuildError {
  return makeError('CACHE_DAMAGED', damage, {
    file: `${CACHE_FOLDER}/${file}`,
    path,
    severity: 'warning',
  });
}

/** A cache that cannot be read or written: the build goes on without it. */
export function cacheUnavailable(file: string, reading: boolean, error: unknown): BuildError {
  const systemCode = (error as NodeJS.ErrnoException | undefined)?.code;
  return makeError('CACHE_UNAVAILABLE', { access: reading ? 'read' : 'write', systemCode, detail: String(error) }, {
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
