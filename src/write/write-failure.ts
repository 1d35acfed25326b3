// Pure: a failed file-system call while writing the output → an OUTPUT_WRITE_FAILED BuildError (path, the system's reason, a hint).
import { isAbsolute, relative, sep } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { MessageParams } from '../model/error-catalogue.js';

/** What a failed write left of the previous output ('nothing-published', 'restored', …; the catalogue words each). */
export type WriteOutcome = MessageParams<'OUTPUT_WRITE_FAILED'>['outcome'];

/** An error thrown by a Node.js file-system call (it names the call and the system's code). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** The system's reason in words: "ENOSPC: no space left on device, write" → "no space left on device". */
export function reasonText(error: NodeJS.ErrnoException & { code: string }): string {
  const match = /^[A-Z0-9_]+: ([^,]+)/.exec(error.message);
  return match?.[1] ?? error.message;
}

/** Where a file is, for the report: relative to the site folder when inside it, else as it is. */
export function displayPath(root: string, path: string): string {
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return path.split(sep).join('/');
  return inside.split(sep).join('/');
}

export interface WriteFailureInput {
  /** The site folder, so the path is reported as the other problems are. */
  readonly root: string;
  /** The output folder, named in the hint. */
  readonly outDir: string;
  /** The file polyfeed was writing, renaming or removing. */
  readonly path: string;
  readonly error: NodeJS.ErrnoException & { code: string };
  /** What the previous output is now, said after the reason. */
  readonly outcome: WriteOutcome;
}

/** The report of one failed call; the previous output's state is said in the message. */
export function writeFailure({ root, outDir, path, error, outcome }: WriteFailureInput): BuildError {
  const params = { systemCode: error.code, reason: reasonText(error), syscall: error.syscall, outcome, outputFolder: displayPath(root, outDir) };
  return makeError('OUTPUT_WRITE_FAILED', params, { file: displayPath(root, path) });
}

/** A system error met on one output file, named by the output (not by its temporary sibling). */
export class OutputFileError extends Error {
  constructor(
    readonly path: string,
    readonly systemError: NodeJS.ErrnoException & { code: string },
  ) {
    super(`${systemError.code} on ${path}`, { cause: systemError });
  }
}

/** Runs a step on the file `path`: a system error it throws is rethrown naming that file; any other error (a bug) as it is. */
export function onOutputFile<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw isSystemError(error) ? new OutputFileError(path, error) : error;
  }
}

/** The file and system error of a failed write, or undefined when the error is not the system's (a bug: rethrow it). */
export function failedWriteOf(error: unknown): { path: string; error: NodeJS.ErrnoException & { code: string } } | undefined {
  if (error instanceof OutputFileError) return { path: error.path, error: error.systemError };
  if (isSystemError(error)) return { path: error.path ?? (error as { dest?: string }).dest ?? '', error };
  return undefined;
}
