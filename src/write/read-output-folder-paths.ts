// I/O: a site folder and an output folder → their real paths and those of the folders polyfeed reads (symbolic links resolved).
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CACHE_FOLDER } from '../cache/index-store.js';
import type { OutputFolderPaths } from './find-output-folder-problem.js';
import { STATIC_FOLDER } from '../load/site-files.js';

/** Every folder a build reads or keeps its cache in, relative to the site folder. */
export const READ_FOLDERS = ['articles', 'locales', 'templates', STATIC_FOLDER, CACHE_FOLDER] as const;

/** Symbolic links followed in a row before giving up, as the system does (ELOOP). */
const MAX_LINKS = 40;

/**
 * The real path of `path`, which need not exist yet: the real path of its nearest existing
 * ancestor with the rest appended. A dangling symbolic link is followed to where it points,
 * since creating the folder would create it there.
 */
export function readRealPath(path: string, linksLeft = MAX_LINKS): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    // Missing, dangling, in a loop, or not reachable: resolve what exists above it.
  }
  const parent = dirname(absolute);
  if (parent === absolute) return absolute;
  const realParent = readRealPath(parent, linksLeft);
  const here = join(realParent, basename(absolute));
  const stats = lstatSync(here, { throwIfNoEntry: false });
  if (stats?.isSymbolicLink() && linksLeft > 0) {
    try {
      return readRealPath(resolve(realParent, readlinkSync(here)), linksLeft - 1);
    } catch {
      return here;
    }
  }
  return here;
}

/** The paths findOutputFolderProblem compares, for a site folder and an output folder (`readFolders`: more folders polyfeed reads, the config's content folders and staticDir). */
export function readOutputFolderPaths(root: string, outDir: string, readFolders: readonly string[] = []): OutputFolderPaths {
  // The folders another generator's articles are read from (content.dir) and staticDir are read folders as much as articles/ is.
  const names = [...READ_FOLDERS, ...readFolders.filter((folder) => !(READ_FOLDERS as readonly string[]).includes(folder))];
  return {
    outDir: readRealPath(outDir),
    root: readRealPath(root),
    readFolders: names.map((name) => ({ name, path: readRealPath(join(root, name)) })),
  };
}
