// I/O: loads the Handlebars helpers a site names in its config (`helpers: ./feed-helpers.mjs`), with the module's stamp and digest.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative } from 'node:path';
import type { FileStamp } from '../model/file-stamp.js';
import { contentDigest } from '../model/content-digest.js';

/** A helper as a site writes it: any synchronous function of the template's values. */
export type SiteHelper = (...args: unknown[]) => unknown;

/** Why a helpers module gave no helpers (the HELPERS_INVALID variants). */
export type SiteHelpersProblem =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'not-loaded'; readonly reason: string }
  | { readonly kind: 'no-helpers' }
  | { readonly kind: 'not-a-function'; readonly name: string };

/** A loaded helpers module: its functions by name, the module's path in the site, its stamp (for the no-op check) and digest (for fingerprints). */
export interface SiteHelpers {
  readonly path: string;
  readonly helpers: Readonly<Record<string, SiteHelper>>;
  readonly stamp: FileStamp;
  readonly digest: string;
}

/** I/O: the helpers of the module at a config's `helpers` path, read from the site folder when called. */
export type ReadSiteHelpers = (modulePath: string) => SiteHelpers | { readonly path: string; readonly problem: SiteHelpersProblem };

const load = createRequire(import.meta.url);

/**
 * Loads modules under `root` with require(), which takes ES modules without top-level await on
 * Node.js 20.19 and later: validation is synchronous, and the worker threads that render load the
 * same module the same way. The stamp is taken before the module is read, so a module saved
 * during the build differs from it next time.
 */
export function siteHelpersReader(root: string): ReadSiteHelpers {
  return (modulePath) => {
    const absolute = isAbsolute(modulePath) ? modulePath : join(root, modulePath);
    const path = relative(root, absolute).split('\\').join('/');
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (!stats?.isFile()) return { path, problem: { kind: 'not-found' } };
    const stamp: FileStamp = [stats.size, stats.mtimeMs, stats.ino];
    let exports: Record<string, unknown>;
    try {
      exports = load(absolute) as Record<string, unknown>;
    } catch (error) {
      return { path, problem: { kind: 'not-loaded', reason: String((error as Error).message ?? error).split('\n')[0]! } };
    }
    const helpers: Record<string, SiteHelper> = {};
    for (const [name, value] of Object.entries(exports)) {
      // An ES module's default export and a CommonJS module's own marker are not helpers.
      if (name === 'default' || name === '__esModule' || name === 'module.exports') continue;
      if (typeof value !== 'function') return { path, problem: { kind: 'not-a-function', name } };
      helpers[name] = value as SiteHelper;
    }
    if (Object.keys(helpers).length === 0) return { path, problem: { kind: 'no-helpers' } };
    return { path, helpers, stamp, digest: contentDigest(readFileSync(absolute)) };
  };
}
