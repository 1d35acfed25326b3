// I/O: polyfeed's own version, from its package.json (found from wherever this code was compiled or bundled to), and the cache version: that, its code's and packaged defaults' digests, Node.js and ICU.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentDigest } from '../model/content-digest.js';
import { findPolyfeedPackage } from '../load/package-root.js';
import { readPackagedDefaults } from '../load/read-packaged-defaults.js';

/** The version in the nearest package.json named "polyfeed" above this module. */
export function readPolyfeedVersion(): string {
  return findPolyfeedPackage().version;
}

/** One digest of every packaged template, label and stylesheet file, paths and bytes. */
function packagedDefaultsDigest(): string {
  const { templateFiles, localeFiles, feedStylesheet } = readPackagedDefaults();
  const listing = [...templateFiles, ...localeFiles, ...(feedStylesheet ? [feedStylesheet] : [])].map((file) => `${file.path} ${contentDigest(file.bytes)}`).join('\n');
  return contentDigest(new TextEncoder().encode(listing));
}

/**
 * What cached results depend on besides the inputs: polyfeed's version, its code as built (so a
 * rebuilt polyfeed with an unchanged version number does not trust an older cache), the
 * templates, labels and feed stylesheet it ships (a site that overrides none of them reads them as its own: an
 * edited default must rebuild every feed, and the no-op check must not skip it), and the Node.js
 * and ICU versions (dates, lists and language names come from Intl). The code is known by a
 * digest of this module's file: bundled, that is the CLI's entry, which names each chunk it loads
 * by the chunk's content hash.
 */
export function readCacheVersion(version: string): string {
  let code: string | null = null;
  try {
    code = contentDigest(readFileSync(fileURLToPath(import.meta.url)));
  } catch {
    // not read from a file: the version alone
  }
  return JSON.stringify([version, code, packagedDefaultsDigest(), process.versions.node, process.versions.icu ?? null]);
}
