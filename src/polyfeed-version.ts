// I/O: polyfeed's own version, from its package.json (found from wherever this code was compiled or bundled to).
import { readFileSync } from 'node:fs';
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
