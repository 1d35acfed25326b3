// I/O: polyfeed's own version, from its package.json (found from wherever this code was compiled or bundled to).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The version in the nearest package.json named "polyfeed" above this module. */
export function readPolyfeedVersion(): string {
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'polyfeed' && manifest.version) return manifest.version;
    } catch {
      // no package.json here: look further up
    }
    if (dirname(folder) === folder) throw new Error('polyfeed could not find its own package.json.');
  }
}

/**
 * What cached results depend on besides the inputs: polyfeed's version, its code as built (so a
 * rebuilt polyfeed with an unchanged version number does not trust an older cache), and the
 * Node.js and ICU versions (dates, lists and language names come from Intl).
 */
export function readCacheVersion(version: string): string {
  const code = statSync(fileURLToPath(import.meta.url), { throwIfNoEntry: false });
  return JSON.stringify([version, code?.size ?? 0, code?.mtimeMs ?? 0, process.versions.node, process.versions.icu ?? null]);
}
