// A BuildError of any code with the message and hint a test chooses, for tests of sorting and formatting (makeError takes its words from the catalogue).
import type { BuildError, ErrorDetails } from '../../src/model/build-error.js';
import type { ErrorCode } from '../../src/model/error-catalogue.js';

export function testProblem(code: ErrorCode, details: ErrorDetails & { message?: string; hint?: string } = {}): BuildError {
  return {
    code,
    severity: details.severity ?? 'error',
    message: details.message ?? `${code} message`,
    file: details.file,
    line: details.line,
    column: details.column,
    path: details.path ?? [],
    hint: 'hint' in details ? details.hint : 'Do this.',
    cause: details.cause,
  };
}
