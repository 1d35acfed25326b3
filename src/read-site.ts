// I/O: a site folder → its validated site, reading again only the article files that changed since the last build.
import type { SiteSnapshot } from './cache/snapshot-site.js';
import type { FileStamp } from './load/read-file-with-stat.js';
import { lazySource, readSettingSources, type SiteSources } from './load/read-sources.js';
import { readArticles } from './load/read-articles.js';
import { startWorkerPool, type WorkerPool } from './load/worker-pool.js';
import { assembleSite, validateSettings, type ValidateSiteResult } from './validate-site.js';

export interface ReadSiteResult {
  readonly sources: SiteSources;
  readonly validated: ValidateSiteResult;
  /** The stamp of every article file as validated. */
  readonly stamps: ReadonlyMap<string, FileStamp>;
  /** Article files read and validated in this run (the others came from the index). */
  readonly articlesRead: number;
}

/** Reads and validates the site; `pool` (started early, so its workers load meanwhile) scans the changed articles. */
export async function readSite(root: string, snapshot: SiteSnapshot, pool: WorkerPool = startWorkerPool(0)): Promise<ReadSiteResult> {
  const settingSources = readSettingSources(root);
  const settings = validateSettings(settingSources);
  if (!settings.config) {
    return {
      sources: settingSources,
      validated: { site: undefined, configErrors: settings.configErrors, errors: settings.errors, scanned: undefined },
      stamps: new Map(),
      articlesRead: 0,
    };
  }
  const { listing, changes, cached } = snapshot;
  const { scanned, stamps } = await readArticles({ root, listing, changes, cached, context: { config: settings.config, staticFiles: settingSources.staticFiles }, pool });
  const sources: SiteSources = {
    ...settingSources,
    articleFiles: scanned.files.map((file) => lazySource(root, file.path)),
    articleFolders: scanned.folders,
  };
  return { sources, validated: assembleSite(sources, settings, scanned), stamps, articlesRead: changes.changed.length };
}
