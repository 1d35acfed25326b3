// Pure: the one error type for everything a user can fix: a structured value, never prose with a position baked in.
import { errorHint, errorMessage, type ErrorCode, type MessageParams } from './error-catalogue.js';

/** How serious a problem is. Warnings never fail a run. */
export type Severity = 'error' | 'warning';

/** A path into a data structure, e.g. `['authors', 0, 'name']`. */
export type FieldPath = ReadonlyArray<string | number>;

/** A problem the user can fix, with where it is and what to do about it. */
export interface BuildError {
  /** Stable UPPER_SNAKE identifier; never renamed, so users can search for it. */
  readonly code: ErrorCode;
  /** `error` fails the run, `warning` does not. */
  readonly severity: Severity;
  /** What happened and why, in one sentence. */
  readonly message: string;
  /** Site-relative file path with `/` separators, or undefined for problems with the whole run. */
  readonly file?: string | undefined;
  /** 1-based line in `file`. */
  readonly line?: number | undefined;
  /** 1-based column in `file`. */
  readonly column?: number | undefined;
  /** The field the problem is about, empty when it is about the whole file. */
  readonly path: FieldPath;
  /** What to do about it. */
  readonly hint?: string | undefined;
  /** The underlying error, when one was caught. */
  readonly cause?: unknown;
}

/** True when any of the problems fails the run. */
export function hasFatalErrors(errors: readonly BuildError[]): boolean {
  return errors.some((error) => error.severity === 'error');
}

/** Where a problem is and what it is about; the message and the hint come from the catalogue. */
export interface ErrorDetails {
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly path?: FieldPath;
  readonly severity?: Severity;
  readonly cause?: unknown;
}

/** Builds a BuildError: the catalogue makes its message and hint from `params`, e.g. `makeError('TEMPLATE_RENDER', { kind: 'missing-field', field, article }, { file, line })`. */
export function makeError<C extends ErrorCode>(code: C, params: MessageParams<C>, details: ErrorDetails = {}): BuildError {
  return {
    code,
    severity: details.severity ?? 'error',
    message: errorMessage(code, params),
    file: details.file,
    line: details.line,
    column: details.column,
    path: details.path ?? [],
    hint: errorHint(code, params),
    cause: details.cause,
  };
}
