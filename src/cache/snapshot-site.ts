// I/O: lists and stats a site's inputs and tells, against the last build's index, which articles changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, STATIC_FOLDER } from '../load/site-files.js';
import { mayNameStaticDir, staticFoldersOf } from '../load/static-folders.js';
import { mergeStaticFiles } from '../model/static-dir-rule.js';
import { listArticleTree, type ArticleTreeListing } from '../load/list-article-tree.js';
import type { FileStamp } from '../model/file-stamp.js';
import { FOLDER, STAT_FIELDS, startStatPool, type StatPool } from '../load/stat-paths.js';
import { validationContextDigestOf, diffArticles, type ArticleChanges, type BuildIndex } from './build-index.js';
import type { ArticleTable } from '../model/article-table.js';
import { snapshotSettingFiles } from './input-snapshot.js';
import type { ContentSource } from '../model/content-schema.js';
import { POLYFEED_CONTENT } from '../model/content-folders.js';
import { mentionsContentSetting } from '../load/read-content-setting.js';

/** What a build or check looked at before interpreting anything: enough to tell next time what changed. */
export interface SiteSnapshot {
  readonly settingFiles: Readonly<Record<string, FileStamp>>;
  readonly validationContextDigest: string;
  readonly listing: ArticleTreeListing;
  /** The index's articles, when they hold for this build (same version, config and static files). */
  readonly cached: ArticleTable | undefined;
  readonly changes: ArticleChanges;
  /** Where the articles were listed, and in which layout (from the config's text, before it is validated). */
  readonly content?: ContentSource;
}

/** The config's content setting; its parser is loaded only for a config that has one (the no-op check of a polyfeed site loads none). */
async function contentSettingOf(configBytes: Buffer | undefined): Promise<ContentSource> {
  if (!mentionsContentSetting(configBytes)) return POLYFEED_CONTENT;
  const { parseContentSetting } = await import('../load/read-content-setting-parser.js');
  return parseContentSetting(configBytes);
}

function readConfigBytes(root: string): Buffer | undefined {
  try {
    return readFileSync(join(root, CONFIG_FILE_NAME));
  } catch {
    return undefined; // no config: the build reports it
  }
}

/**
 * Lists and stats the inputs and compares them with the index: no file is read, and it is done
 * before any source is read, so a file changed during the build differs from it next time.
 * Every folder and file the index knows is stat-ed at once, by this thread and the pool's.
 */
export async function snapshotSite(root: string, version: string, index: BuildIndex | undefined, pool: StatPool = startStatPool(0)): Promise<SiteSnapshot> {
  const configBytes = readConfigBytes(root);
  // The YAML parser is loaded only for a config that names staticDir: a no-op build loads none.
  let staticFolders = [STATIC_FOLDER];
  if (mayNameStaticDir(configBytes)) {
    const { parseYamlFast } = await import('../load/parse-yaml-fast.js');
    staticFolders = staticFoldersOf(configBytes, (text) => parseYamlFast(text)?.data);
  }
  const settingFiles = snapshotSettingFiles(root, staticFolders, Object.keys(index?.settingFiles ?? {}));
  const stamps = Object.entries(settingFiles);
  // The same sizes readSettingSources gives, from the stamps: each folder's files, static/ first.
  const staticSizes = mergeStaticFiles(
    staticFolders.map((folder) => stamps.filter(([path]) => path.startsWith(`${folder}/`)).map(([path, stamp]) => [path.slice(folder.length + 1), stamp[0]] as const)),
  );
  const validationContextDigest = validationContextDigestOf(version, configBytes, staticSizes);
  const content = await contentSettingOf(configBytes);
  const usable = index?.cacheVersion === version && index.validationContextDigest === validationContextDigest ? index : undefined;
  const folders = usable ? Object.keys(usable.listing.folderTimes) : [];
  const files = usable?.articles.paths ?? [];
  const stats = await pool.stat(root, [...folders, ...files]);
  const folderPosition = new Map(folders.map((folder, position) => [folder, position]));
  const listing = listArticleTree(root, usable?.listing, (folder) => {
    const position = folderPosition.get(folder);
    if (position === undefined) return undefined;
    // A recorded folder that is gone (or is no folder now) is left out, as a fresh stat would.
    const at = STAT_FIELDS * position;
    return stats[at] === FOLDER ? [stats[at + 1]!, stats[at + 2]!] : null;
  }, content);
  const offset = folders.length;
  const changes = diffArticles(usable?.articles, listing.files, (position) => {
    const at = STAT_FIELDS * (offset + position);
    const { articles } = usable!;
    return stats[at] === articles.sizeAt(position) && stats[at + 1] === articles.mtimeAt(position) && stats[at + 2] === articles.inodeAt(position);
  });
  return { settingFiles, validationContextDigest, listing, cached: usable?.articles, changes, content };
}
