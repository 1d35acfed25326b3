// I/O: lists every article file under articles/, reusing an earlier listing for folders that have not changed.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readFolderEntries } from './read-folder-entries.js';

/** Every `.md` file under articles/ and every folder there, with the folder's modification time. */
export interface ArticleTreeListing {
  /** Site-relative paths of the article files, sorted. */
  readonly files: readonly string[];
  /** Every folder from `articles` down, with its mtime in milliseconds. */
  readonly folderTimes: Readonly<Record<string, number>>;
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

function folderTime(root: string, folder: string): number | undefined {
  const stats = statSync(join(root, folder), { throwIfNoEntry: false });
  return stats?.isDirectory() ? stats.mtimeMs : undefined;
}

/**
 * Adding, removing or renaming an entry changes its folder's mtime, so a folder whose mtime is
 * what `previous` recorded holds the same entries: it is stat-ed, not read again. With tens of
 * thousands of article folders that halves the cost of finding out that nothing changed.
 * `knownFolderTime` gives the mtimes of folders already stat-ed (null: gone; undefined: stat it here).
 */
export function listArticleTree(
  root: string,
  previous?: ArticleTreeListing,
  knownFolderTime: (folder: string) => number | null | undefined = () => undefined,
): ArticleTreeListing {
  const files: string[] = [];
  const folderTimes: Record<string, number> = {};
  const previousFiles = previous ? groupByParent(previous.files) : new Map<string, string[]>();
  const previousFolders = previous ? groupByParent(Object.keys(previous.folderTimes).filter((folder) => folder !== ARTICLES_FOLDER)) : new Map<string, string[]>();
  const visit = (folder: string): void => {
    const known = knownFolderTime(folder);
    const mtimeMs = known === undefined ? folderTime(root, folder) : known;
    if (mtimeMs === null || mtimeMs === undefined) return;
    folderTimes[folder] = mtimeMs;
    if (previous && previous.folderTimes[folder] === mtimeMs) {
      files.push(...(previousFiles.get(folder) ?? []));
      for (const child of previousFolders.get(folder) ?? []) visit(child);
      return;
    }
    for (const entry of readFolderEntries(join(root, folder))) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) files.push(path);
    }
  };
  visit(ARTICLES_FOLDER);
  return { files: files.sort(), folderTimes };
}

/** The folders directly under articles/: each one is an article. */
export function articleFoldersOf(listing: ArticleTreeListing): string[] {
  return Object.keys(listing.folderTimes)
    .filter((folder) => parentOf(folder) === ARTICLES_FOLDER)
    .sort();
}
