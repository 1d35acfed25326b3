// Pure: what the last successful build read and wrote, and whether anything has changed since.
import type { BuildError } from '../errors/build-error.js';
import type { InputSnapshot } from './input-snapshot.js';

/** Kept in `.polyfeed-cache/manifest.json`; any other polyfeed version ignores it. */
export interface BuildManifest {
  readonly polyfeedVersion: string;
  /** Absolute output folder the outputs were written to. */
  readonly outDir: string;
  /** The --out that was given (absolute), or null when the config's outDir was used. */
  readonly outOption: string | null;
  readonly inputs: InputSnapshot;
  /** `[size, mtimeMs]` of each output file after the build. */
  readonly outputs: Readonly<Record<string, readonly [number, number]>>;
  /** Warnings of that build, shown again when nothing changed. */
  readonly warnings: readonly BuildError[];
}

function sameEntries<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>, same: (x: T, y: T) => boolean): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key in b && same(a[key]!, b[key]!));
}

const samePair = (x: readonly [number, number], y: readonly [number, number]) => x[0] === y[0] && x[1] === y[1];

/**
 * Up to date when the version, the output folder, every input file (size and mtime) and every
 * output file are as the manifest recorded them: then a build would write the same bytes.
 */
export function isUpToDate(
  manifest: BuildManifest,
  now: { version: string; outOption: string | null; inputs: InputSnapshot; outputs: Readonly<Record<string, readonly [number, number]>> },
): boolean {
  return (
    manifest.polyfeedVersion === now.version &&
    manifest.outOption === now.outOption &&
    sameEntries(manifest.inputs.files, now.inputs.files, samePair) &&
    sameEntries(manifest.outputs, now.outputs, samePair)
  );
}
