// I/O: the folder polyfeed is installed in (its package.json), found from wherever this code was compiled or bundled to.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** polyfeed's package folder and version: the nearest package.json named "polyfeed" above this module. */
export interface PolyfeedPackage {
  readonly root: string;
  readonly version: string;
}

let found: PolyfeedPackage | undefined;

/**
 * Works from `src/` (tests), `dist/` and the bundle in `dist/bundle/`, whether polyfeed is this
 * repository or a package installed under someone's `node_modules/`. Found once per process.
 */
export function findPolyfeedPackage(): PolyfeedPackage {
  if (found) return found;
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'polyfeed' && manifest.version) return (found = { root: folder, version: manifest.version });
    } catch {
      // no package.json here: look further up
    }
    if (dirname(folder) === folder) throw new Error('polyfeed could not find its own package.json.');
  }
}
