// Pure: the rule the staticDir setting is held to, shared by the config schema and by load (which lists the folder before the config is validated).

/** polyfeed's own folder of static files, relative to the site folder. */
export const STATIC_FOLDER = 'static';

/**
 * Sizes of the files of the static folders, keyed by their path below their folder, one map for
 * all: each folder's files in order, static/ first, so a path both hold takes static/'s file.
 */
export function mergeStaticFiles(folders: Iterable<Iterable<readonly [string, number]>>): Map<string, number> {
  const merged = new Map<string, number>();
  for (const files of folders) {
    for (const [path, size] of files) if (!merged.has(path)) merged.set(path, size);
  }
  return merged;
}

/** Why a staticDir value names no folder polyfeed will list, or undefined when it is one. */
export type StaticDirProblem = 'absolute' | 'site-folder' | 'backslash';

/**
 * A folder relative to the site folder, written with "/" (the config is shared between systems):
 * not absolute, not the site folder itself (that holds articles/ and the output). It may lead out
 * of the site folder ("../static"): the site whose feeds polyfeed makes usually holds it.
 */
export function staticDirProblem(folder: string): StaticDirProblem | undefined {
  if (folder.includes('\\')) return 'backslash';
  if (folder.startsWith('/') || /^[A-Za-z]:/.test(folder)) return 'absolute';
  const parts = folder.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.length === 0) return 'site-folder';
  return undefined;
}

/** The folder as a site-relative path without "./" or trailing "/" ("../static"), for a valid value. */
export function normalStaticDir(folder: string): string {
  return folder
    .trim()
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}
