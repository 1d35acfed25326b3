// I/O (reads only): every article file of the site, read again → the front-matter fields polyfeed ignores, tallied (check --ignored-fields).
import type { SiteSources } from '../load/read-sources.js';
import type { SiteConfig } from '../model/config-schema.js';
import { findIgnoredFields } from '../validate/find-ignored-fields.js';
import { tallyIgnoredFields, type IgnoredField } from '../validate/tally-ignored-fields.js';

/**
 * Every listed article file is read again, whether the cache let validation skip it or not: the
 * build index keeps no field names, and a listing that depended on what changed since the last
 * build would differ from run to run. One file's bytes are held at a time.
 */
export function readIgnoredFields(sources: Pick<SiteSources, 'articlePaths' | 'readArticleBytes'>, config: SiteConfig): IgnoredField[] {
  if (config.content.layout === 'polyfeed') return [];
  const files = function* () {
    for (const path of sources.articlePaths) {
      const bytes = sources.readArticleBytes(path);
      if (bytes !== undefined) yield { path, ignored: findIgnoredFields(path, bytes, config) };
    }
  };
  return tallyIgnoredFields(files());
}
