// I/O: lists every article file under articles/, reusing an earlier listing for folders that have not changed.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readFolderEntries } from './read-folder-entries.js';

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

/**
 * Adding, removing or renaming an entry changes its folder's mtime, so a folder whose stamp is
 * what `previous` recorded holds the same entries: it is stat-ed, not read again. With tens of
 * thousands of article folders that halves the cost of finding out that nothing changed.
 * `knownFolderStamp` gives the stamps of folders already stat-ed (null: gone; undefined: stat it here).
 */
export function listArticleTree(
  root: string,
  previous?: ArticleTreeListing,
  knownFolderStamp: (folder: string) => FolderStamp | null | undefined = () => undefined,
): ArticleTreeListing {
  const files: string[] = [];
  const folderTimes: Record<string, FolderStamp> = {};
  const previousFiles = previous ? groupByParent(previous.files) : new Map<string, string[]>();
  const previousFolders = previous ? groupByParent(Object.keys(previous.folderTimes).filter((folder) => folder !== ARTICLES_FOLDER)) : new Map<string, string[]>();
  const visit = (folder: string): void => {
    const known = knownFolderStamp(folder);
    const stamp = known === undefined ? folderStamp(root, folder) : known;
    if (stamp === null || stamp === undefined) return;
    folderTimes[folder] = stamp;
    if (previous && sameFolderStamp(previous.folderTimes[folder], stamp)) {
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
