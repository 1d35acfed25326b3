// I/O: lists and stats a site's inputs and tells, against the last build's index, which articles changed.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { listArticleTree, type ArticleTreeListing } from '../load/list-article-tree.js';
import type { FileStamp } from '../load/read-file-with-stat.js';
import { articleKeyOf, diffArticles, type ArticleChanges, type BuildIndex } from './build-index.js';
import { snapshotSettingFiles } from './input-snapshot.js';

/** What a build or check looked at before interpreting anything: enough to tell next time what changed. */
export interface SiteSnapshot {
  readonly settingFiles: Readonly<Record<string, FileStamp>>;
  readonly articleKey: string;
  readonly listing: ArticleTreeListing;
  readonly changes: ArticleChanges;
}

/**
 * Lists and stats the inputs and compares them with the index: cheap (no file is read), and done
 * before any source is read, so a file changed during the build differs from it next time.
 */
export function snapshotSite(root: string, version: string, index: BuildIndex | undefined): SiteSnapshot {
  const settingFiles = snapshotSettingFiles(root);
  const articleKey = articleKeyOf(version, settingFiles);
  // Cached articles hold only under the same version, config and static files.
  const usable = index?.polyfeedVersion === version && index.articleKey === articleKey ? index : undefined;
  const listing = listArticleTree(root, usable?.listing);
  const changes = diffArticles(usable?.articles, listing.files, (path) => {
    const stats = statSync(join(root, path), { throwIfNoEntry: false });
    return stats ? [stats.size, stats.mtimeMs] : undefined;
  });
  return { settingFiles, articleKey, listing, changes };
}

