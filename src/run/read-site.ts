// I/O: a site folder → its validated site, reading again only the article files that changed since the last build.
import type { SiteSnapshot } from '../cache/snapshot-site.js';
import { fileBytesUnder } from '../load/read-file-with-stat.js';
import { decodeText } from '../load/decode-text.js';
import { CONFIG_FILE_NAME, readSettingSources, type SettingSources, type SiteSources, type SourceFile } from '../load/read-sources.js';
import { checkConfigOutDir } from '../write/check-config-out-dir.js';
import { contentFoldersOf } from '../model/content-folders.js';
import type { SiteConfig } from '../model/config-schema.js';
import { normalStaticDir } from '../model/static-dir-rule.js';
import { readArticles } from './read-articles.js';
import { ArticleTable } from '../model/article-table.js';
import { startWorkerPool, type WorkerPool } from './worker-pool.js';
import type { PublicationWindow } from '../model/publication-window.js';
import { assembleSite, validateSettings, type ValidateSiteResult } from './validate-site.js';

export interface ReadSiteResult {
  /** The settings alone when the config is invalid (no article was listed then). */
  readonly sources: SettingSources | SiteSources;
  /** The config as validated, even when articles have problems; undefined when it is invalid. */
  readonly config?: SiteConfig | undefined;
  readonly validated: ValidateSiteResult;
  /** Every article file as validated, with its stamp then (the same table as validated.articleFiles). */
  readonly articles: ArticleTable;
  /** Article files read in this run (the others came from the index). */
  readonly articlesRead: number;
  /** Of those, the files whose bytes were what the last build validated: not validated again. */
  readonly articlesWithSameBytes: number;
}

/** The config's staticDir as listed (see normalStaticDir), if set. */
function staticDirOf(config: SiteConfig): string | undefined {
  return config.staticDir === undefined ? undefined : normalStaticDir(config.staticDir);
}

function configTextOf(file: SourceFile | undefined): { configFile: string; configText: string | undefined } {
  return { configFile: CONFIG_FILE_NAME, configText: file && decodeText(file).value };
}

/** Reads and validates the site, to publish what `window` lets through; `pool` (started early, so its workers load meanwhile) scans the changed articles. */
export async function readSite(root: string, snapshot: SiteSnapshot, window: PublicationWindow, pool: WorkerPool = startWorkerPool(0)): Promise<ReadSiteResult> {
  const settingSources = readSettingSources(root);
  const checked = validateSettings(settingSources);
  // The config's outDir must not share anything with the sources: a config problem (exit 2), found by check too.
  const unsafeOutDir = checked.config && checkConfigOutDir({ root, outDir: checked.config.outDir, ...configTextOf(settingSources.configFile), readFolders: [...contentFoldersOf(checked.config.content), ...(staticDirOf(checked.config) === undefined ? [] : [staticDirOf(checked.config)!])] });
  const settings = unsafeOutDir ? { config: undefined, settings: undefined, configErrors: [unsafeOutDir], errors: [unsafeOutDir] } : checked;
  if (!settings.config) {
    return {
      sources: settingSources,
      validated: { site: undefined, configErrors: settings.configErrors, errors: settings.errors, articleFiles: undefined },
      articles: ArticleTable.empty(),
      articlesRead: 0,
      articlesWithSameBytes: 0,
    };
  }
  const { listing, changes, cached } = snapshot;
  const { articleFiles: validatedFiles, sameBytes } = await readArticles({ root, listing, changes, cached, context: { config: settings.config, staticFiles: settingSources.staticFiles }, pool });
  // Articles are read again (to render them, or for a report's code frames) through this reader, the I/O the pure stages are handed.
  const sources: SiteSources = { ...settingSources, articlePaths: validatedFiles.files.paths, articleFolders: validatedFiles.folders, readArticleBytes: fileBytesUnder(root) };
  return { sources, config: settings.config, validated: assembleSite(sources, settings, validatedFiles, window), articles: validatedFiles.files, articlesRead: changes.changed.length, articlesWithSameBytes: sameBytes };
}
