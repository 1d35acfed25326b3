// Pure: problems → the same problems with repeats of one template problem left out.
import type { BuildError } from './build-error.js';

/** The same template problem hits every item of every language: report it once. */
export function withoutRepeats(errors: readonly BuildError[]): BuildError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = error.code === 'TEMPLATE_RENDER' ? `${error.file}:${error.line}:${error.column}` : undefined;
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
