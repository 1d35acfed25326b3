// I/O: one entry of a folder under articles/ → what the listing does with it (list, descend, skip, or report), by its type alone.
import { lstatSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { EntryType, NonRegularEntry } from '../model/error-catalogue.js';

/** What to do with an entry: list it as an article file, descend into it, pass over it, or report it. */
export type EntryKind =
  | { readonly kind: 'file' }
  | { readonly kind: 'folder'; /** The folder's real path, for finding link loops. */ readonly realPath: string }
  | { readonly kind: 'skip' }
  | { readonly kind: 'problem'; readonly problem: BuildError };

export interface EntryPlace {
  /** The site folder, and its real path (symlinks resolved). */
  readonly root: string;
  readonly realRoot: string;
  /** Site-relative path of the folder holding the entry ("articles" or "articles/<key>"). */
  readonly folder: string;
  /** Real path of that folder. */
  readonly realFolder: string;
  /** Real paths of the folders from articles/ down to this one: a link back to one of them is a loop. */
  readonly ancestors: readonly string[];
}

const ARTICLE_FILE = /\.md$/;

function typeOf(stats: Stats | Dirent): EntryType {
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'named-pipe';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  return 'other';
}

function notAFile(path: string, found: NonRegularEntry, expected: 'article-file' | 'article-folder' = 'article-file'): EntryKind {
  return { kind: 'problem', problem: makeError('NOT_A_REGULAR_FILE', { path, expected, found }, { file: path }) };
}

function inside(realRoot: string, realPath: string): boolean {
  return realPath === realRoot || realPath.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

/**
 * Plain files and folders cost nothing more than the readdir that listed them. Only a symbolic
 * link is stat-ed (and resolved): it is followed when it resolves inside the site folder, and
 * refused otherwise. An entry named like an article file that is not a regular file (a named
 * pipe, a socket, a device, a folder, a link to nothing) is reported, never opened: reading a
 * named pipe would wait forever.
 */
export function classifyArticleEntry(entry: Dirent, place: EntryPlace): EntryKind {
  const path = `${place.folder}/${entry.name}`;
  const namedLikeArticle = ARTICLE_FILE.test(entry.name);
  // Directly under articles/, every folder is an article; below that, a folder named en.md is no article file.
  const inArticleFolder = place.ancestors.length > 1;
  if (entry.isFile()) return namedLikeArticle ? { kind: 'file' } : { kind: 'skip' };
  if (entry.isDirectory()) {
    if (namedLikeArticle && inArticleFolder) return notAFile(path, { kind: 'entry', type: 'folder' });
    return { kind: 'folder', realPath: `${place.realFolder}/${entry.name}` };
  }
  if (!entry.isSymbolicLink()) return namedLikeArticle ? notAFile(path, { kind: 'entry', type: typeOf(entry) }) : { kind: 'skip' };

  const full = join(place.root, path);
  const target = readlinkSync(full);
  let stats: Stats | undefined;
  let realPath: string | undefined;
  try {
    stats = statSync(full);
    realPath = realpathSync(full);
  } catch {
    // A link to nothing (or a loop of links): only worth a word where an article file or folder is expected.
    if (namedLikeArticle) return notAFile(path, { kind: 'link-to-nothing', target });
    return inArticleFolder ? { kind: 'skip' } : notAFile(path, { kind: 'link-to-nothing', target }, 'article-folder');
  }
  const used = namedLikeArticle || stats.isDirectory();
  if (!used) return { kind: 'skip' };
  if (!inside(place.realRoot, realPath)) {
    return {
      kind: 'problem',
      problem: makeError('LINK_OUTSIDE_SITE', { link: path, target, realPath }, { file: path }),
    };
  }
  if (stats.isDirectory()) {
    if (namedLikeArticle && inArticleFolder) return notAFile(path, { kind: 'link-to-folder', target });
    if (place.ancestors.includes(realPath)) return notAFile(path, { kind: 'link-loop', target }, 'article-folder');
    return { kind: 'folder', realPath };
  }
  return stats.isFile() ? { kind: 'file' } : notAFile(path, { kind: 'link-to', target, type: typeOf(stats) });
}

/**
 * A listed article file that could not be read as a regular file: nothing when it is gone (removed
 * during the build), else the problem (a link whose target went away, a file replaced by a pipe).
 */
export function explainUnreadableEntry(fullPath: string, path: string): BuildError | undefined {
  const stats = lstatSync(fullPath, { throwIfNoEntry: false });
  if (!stats) return undefined;
  if (stats.isSymbolicLink()) {
    const target = readlinkSync(fullPath);
    const followed = statSync(fullPath, { throwIfNoEntry: false });
    const kind = notAFile(path, followed ? { kind: 'link-to', target, type: typeOf(followed) } : { kind: 'link-to-nothing', target });
    return kind.kind === 'problem' ? kind.problem : undefined;
  }
  const kind = stats.isFile() ? undefined : notAFile(path, { kind: 'entry', type: typeOf(stats) });
  return kind?.kind === 'problem' ? kind.problem : undefined;
}

/** The articles folder itself may be a link, but only to a folder inside the site. */
export function checkArticlesFolder(root: string, realRoot: string, folder: string): { realPath: string } | { problem: BuildError } | undefined {
  const full = join(root, folder);
  let realPath: string;
  try {
    realPath = realpathSync(full);
  } catch {
    return undefined;
  }
  if (inside(realRoot, realPath)) return { realPath };
  return {
    problem: makeError('LINK_OUTSIDE_SITE', { link: `${folder}/`, target: readlinkSync(full), realPath }, { file: `${folder}/` }),
  };
}
