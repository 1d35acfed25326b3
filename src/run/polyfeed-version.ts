// I/O: polyfeed's own version, from its package.json (found from wherever this code was compiled or bundled to), and the cache version: that, its code's digest, Node.js and ICU.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDigest } from '../model/content-digest.js';

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
 * Node.js and ICU versions (dates, lists and language names come from Intl). The code is known
 * by a digest of this module's file: bundled, that is the CLI's entry, which names each chunk it
 * loads by the chunk's content hash.
 */
export function readCacheVersion(version: string): string {
  let code: string | null = null;
  try {
    code = contentDigest(readFileSync(fileURLToPath(import.meta.url)));
  } catch {
    // not read from a file: the version alone
  }
  return JSON.stringify([version, code, process.versions.node, process.versions.icu ?? null]);
}
