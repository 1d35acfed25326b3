// Pure: orders problems by file, line and column so reports read top to bottom.
import type { BuildError } from '../model/build-error.js';

function compareOptional(a: number | undefined, b: number | undefined): number {
  return (a ?? 0) - (b ?? 0);
}

/** Problems without a file (about the whole run) come first, then by file, line, column, code. */
export function sortErrors(errors: readonly BuildError[]): BuildError[] {
  return [...errors].sort((a, b) => {
    if (a.file !== b.file) {
      if (a.file === undefined) return -1;
      if (b.file === undefined) return 1;
      return a.file < b.file ? -1 : 1;
    }
    return (
      compareOptional(a.line, b.line) ||
      compareOptional(a.column, b.column) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
    );
  });
}
