// Pure: each article file's ignored front-matter fields → one row per field name: how many files carry it and the first of them, sorted by name.

/** A front-matter field polyfeed does not use, as `check --ignored-fields` lists it. */
export interface IgnoredField {
  /** The field's name as the files write it (`layout`). */
  readonly field: string;
  /** How many article files carry it. */
  readonly files: number;
  /** The first of those files in path order (site-relative). */
  readonly example: string;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted by field name, then each example is the first file in path order, whatever order `files` comes in: the same listing on every run. */
export function tallyIgnoredFields(files: Iterable<{ readonly path: string; readonly ignored: readonly string[] }>): IgnoredField[] {
  const tally = new Map<string, { files: number; example: string }>();
  for (const { path, ignored } of files) {
    for (const field of new Set(ignored)) {
      const row = tally.get(field);
      if (!row) tally.set(field, { files: 1, example: path });
      else {
        row.files += 1;
        if (byText(path, row.example) < 0) row.example = path;
      }
    }
  }
  return [...tally.keys()].sort(byText).map((field) => ({ field, ...tally.get(field)! }));
}
