// I/O: one entry of a folder under articles/ → what the listing does with it (list, descend, skip, or report), by its type alone.
import { lstatSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';

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

function describeType(stats: Stats | Dirent): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function notAFile(path: string, what: string, expected = 'an article file'): EntryKind {
  return {
    kind: 'problem',
    problem: makeError('NOT_A_REGULAR_FILE', `${path} stands where ${expected} is expected but is ${what}; it is not read, so what it names would be missing from the feeds.`, { file: path }),
  };
}

/** The link's text, and where it leads when that is not the same. */
function describeTarget(target: string, realPath: string): string {
  return target === realPath ? target : `${target} (${realPath})`;
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
    if (namedLikeArticle && inArticleFolder) return notAFile(path, 'a folder');
    return { kind: 'folder', realPath: `${place.realFolder}/${entry.name}` };
  }
  if (!entry.isSymbolicLink()) return namedLikeArticle ? notAFile(path, describeType(entry)) : { kind: 'skip' };

  const full = join(place.root, path);
  const target = readlinkSync(full);
  let stats: Stats | undefined;
  let realPath: string | undefined;
  try {
    stats = statSync(full);
    realPath = realpathSync(full);
  } catch {
    // A link to nothing (or a loop of links): only worth a word where an article file or folder is expected.
    if (namedLikeArticle) return notAFile(path, `a link to ${target}, which does not exist`);
    return inArticleFolder ? { kind: 'skip' } : notAFile(path, `a link to ${target}, which does not exist`, 'an article folder');
  }
  const used = namedLikeArticle || stats.isDirectory();
  if (!used) return { kind: 'skip' };
  if (!inside(place.realRoot, realPath)) {
    return {
      kind: 'problem',
      problem: makeError('LINK_OUTSIDE_SITE', `${path} is a link to ${describeTarget(target, realPath)}, outside the site folder; polyfeed reads no file outside it.`, { file: path }),
    };
  }
  if (stats.isDirectory()) {
    if (namedLikeArticle && inArticleFolder) return notAFile(path, `a link to the folder ${target}`);
    if (place.ancestors.includes(realPath)) return notAFile(path, `a link to ${target}, a folder that holds the link itself (a loop)`, 'an article folder');
    return { kind: 'folder', realPath };
  }
  return stats.isFile() ? { kind: 'file' } : notAFile(path, `a link to ${target}, which is ${describeType(stats)}`);
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
    const kind = notAFile(path, followed ? `a link to ${target}, which is ${describeType(followed)}` : `a link to ${target}, which does not exist`);
    return kind.kind === 'problem' ? kind.problem : undefined;
  }
  const kind = stats.isFile() ? undefined : notAFile(path, describeType(stats));
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
    problem: makeError('LINK_OUTSIDE_SITE', `${folder}/ is a link to ${describeTarget(readlinkSync(full), realPath)}, outside the site folder; polyfeed reads no file outside it.`, { file: `${folder}/` }),
  };
}
