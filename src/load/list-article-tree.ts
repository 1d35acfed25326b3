// I/O: lists every article file under articles/, reusing an earlier listing for folders that have not changed.
import { realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { checkArticlesFolder, classifyArticleEntry } from './classify-article-entry.js';
import { readFolderEntries } from './read-folder-entries.js';
import type { ContentSource } from '../model/content-schema.js';
import { contentFoldersOf, POLYFEED_CONTENT } from '../model/content-folders.js';
import { parseSourcePath } from '../model/source-path.js';

/**
 * A folder's modification time (ms) and inode number. Renaming a folder keeps both, so two
 * folders with one mtime (as unpacked from an archive) swapped by renames differ by inode.
 */
export type FolderStamp = readonly [number, number];

/** Every `.md` file under articles/ and every folder there, with the folder's stamp. */
export interface ArticleTreeListing {
  /** Site-relative paths of the article files, sorted. */
  readonly files: readonly string[];
  /** Every folder from `articles` down, with its stamp. */
  readonly folderTimes: Readonly<Record<string, FolderStamp>>;
  /**
   * Entries that are not listed and must be reported: a link out of the site folder, an entry
   * named like an article file that is no regular file (see classifyArticleEntry). Not kept in
   * the build index: a run with any of them fails, and writes no index.
   */
  readonly problems?: readonly BuildError[];
}

export function sameFolderStamp(a: FolderStamp | undefined, b: FolderStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

export const ARTICLES_FOLDER = 'articles';

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

function groupByParent(paths: Iterable<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const parent = parentOf(path);
    const group = groups.get(parent);
    if (group) group.push(path);
    else groups.set(parent, [path]);
  }
  return groups;
}

function folderStamp(root: string, folder: string): FolderStamp | undefined {
  const stats = statSync(join(root, folder), { throwIfNoEntry: false });
  return stats?.isDirectory() ? [stats.mtimeMs, stats.ino] : undefined;
}

function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Adding, removing or renaming an entry changes its folder's mtime, so a folder whose stamp is
 * what `previous` recorded holds the same entries: it is stat-ed, not read again. With tens of
 * thousands of article folders that halves the cost of finding out that nothing changed.
 * `knownFolderStamp` gives the stamps of folders already stat-ed (null: gone; undefined: stat it here).
 * Links are followed (stat follows them, so a linked file's or folder's stamp is its target's)
 * when they resolve inside the site folder; see classifyArticleEntry for what is reported.
 */
export function listArticleTree(
  root: string,
  previous?: ArticleTreeListing,
  knownFolderStamp: (folder: string) => FolderStamp | null | undefined = () => undefined,
  content: ContentSource = POLYFEED_CONTENT,
): ArticleTreeListing {
  const roots = contentFoldersOf(content);
  // Another generator's folder holds more than articles (Hugo's _index.md list pages, Jekyll's undated posts): its layout says which files are.
  const isArticle = content.layout === 'polyfeed' ? undefined : (path: string) => parseSourcePath(path, { content, languages: [], defaultLanguage: 'und' }) !== undefined;
  const files: string[] = [];
  const problems: BuildError[] = [];
  const folderTimes: Record<string, FolderStamp> = {};
  const previousFiles = previous ? groupByParent(previous.files) : new Map<string, string[]>();
  const previousFolders = previous ? groupByParent(Object.keys(previous.folderTimes).filter((folder) => !roots.includes(folder))) : new Map<string, string[]>();
  const stampOf = (folder: string) => {
    const known = knownFolderStamp(folder);
    return known === undefined ? folderStamp(root, folder) : known;
  };
  const realRoot = realPathOf(root) ?? root;
  // Real paths are worked out only when a folder is read (and resolved only for links).
  const visit = (folder: string, stamp: FolderStamp, ancestors: () => readonly string[]): void => {
    folderTimes[folder] = stamp;
    const children = previous && sameFolderStamp(previous.folderTimes[folder], stamp) ? previousFolders.get(folder) ?? [] : undefined;
    const childStamps = children?.map(stampOf);
    // A child gone while its folder's stamp held is no removal (that changes the stamp): a link whose target went away. Read the folder again.
    if (children && childStamps!.every((child) => child !== null && child !== undefined)) {
      files.push(...(previousFiles.get(folder) ?? []));
      children.forEach((child, index) => visit(child, childStamps![index]!, () => [...ancestors(), realPathOf(join(root, child)) ?? child]));
      return;
    }
    const chain = ancestors();
    const place = { root, realRoot, folder, realFolder: chain.at(-1)!, ancestors: chain };
    for (const entry of readFolderEntries(join(root, folder))) {
      const kind = classifyArticleEntry(entry, place);
      const path = `${folder}/${entry.name}`;
      if (kind.kind === 'file') {
        if (!isArticle || isArticle(path)) files.push(path);
      }
      else if (kind.kind === 'problem') problems.push(kind.problem);
      else if (kind.kind === 'folder') {
        const childStamp = stampOf(path);
        if (childStamp) visit(path, childStamp, () => [...chain, kind.realPath]);
      }
    }
  };
  for (const top of roots) {
    const rootStamp = stampOf(top);
    const articles = rootStamp ? checkArticlesFolder(root, realRoot, top) : undefined;
    if (articles && 'problem' in articles) problems.push(articles.problem);
    else if (rootStamp && articles) visit(top, rootStamp, () => [articles.realPath]);
  }
  return { files: files.sort(), folderTimes, ...(problems.length > 0 ? { problems } : {}) };
}

/** The folders directly under articles/: each one is an article (in another generator's layout, no folder is). */
export function articleFoldersOf(listing: ArticleTreeListing, content: ContentSource = POLYFEED_CONTENT): string[] {
  if (content.layout !== 'polyfeed') return [];
  return Object.keys(listing.folderTimes)
    .filter((folder) => parentOf(folder) === ARTICLES_FOLDER)
    .sort();
}
