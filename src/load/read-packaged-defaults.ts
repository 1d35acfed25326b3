// I/O: reads the templates, labels and feed stylesheet that ship in polyfeed's package (its defaults/ folder), used where a site has none of its own.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFolderEntries } from './read-folder-entries.js';
import { findPolyfeedPackage } from './package-root.js';

/** The folder of polyfeed's package that holds its default `templates/` and `locales/` (listed in package.json `files`). */
export const DEFAULTS_FOLDER = 'defaults';

/**
 * How a packaged file is named in reports and digests: `<polyfeed>/templates/item.hbs`. The part
 * after the prefix is the path a site gives the same file to override it.
 */
export const PACKAGED_PREFIX = '<polyfeed>/';

/** polyfeed's own templates and labels, paths prefixed with PACKAGED_PREFIX. */
export interface PackagedDefaults {
  readonly templateFiles: readonly PackagedFile[];
  readonly localeFiles: readonly PackagedFile[];
  /** `feed.css`, written into the output folder with `subscribePage` (see "A page for people"); undefined in an installation without it. */
  readonly feedStylesheet?: PackagedFile | undefined;
}

/** The packaged stylesheet of feeds opened in a browser, in defaults/. */
export const PACKAGED_FEED_STYLESHEET = 'feed.css';

/** A packaged file's bytes and its prefixed path (the same shape as a site's SourceFile). */
export interface PackagedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The path a site would give this file (`templates/item.hbs`): a packaged path loses its prefix, a site path is itself. */
export function sitePathOf(path: string): string {
  return path.startsWith(PACKAGED_PREFIX) ? path.slice(PACKAGED_PREFIX.length) : path;
}

/** Whether a file is one of polyfeed's packaged defaults rather than the site's. */
export function isPackagedPath(path: string): boolean {
  return path.startsWith(PACKAGED_PREFIX);
}

function listFiles(root: string, folder: string, extension: string): string[] {
  const paths: string[] = [];
  for (const entry of readFolderEntries(join(root, folder))) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) paths.push(...listFiles(root, path, extension));
    else if (entry.isFile() && entry.name.endsWith(extension)) paths.push(path);
  }
  return paths.sort();
}

/** The absolute path of the packaged defaults folder. */
export function packagedDefaultsFolder(): string {
  return join(findPolyfeedPackage().root, DEFAULTS_FOLDER);
}

let read: PackagedDefaults | undefined;

/** Reads the packaged defaults once per process (a few small files; they change only with polyfeed itself). */
export function readPackagedDefaults(): PackagedDefaults {
  if (read) return read;
  const folder = packagedDefaultsFolder();
  const readAll = (sub: string, extension: string) =>
    listFiles(folder, sub, extension).map((path) => ({ path: `${PACKAGED_PREFIX}${path}`, bytes: readFileSync(join(folder, path)) }));
  const stylesheetPath = join(folder, PACKAGED_FEED_STYLESHEET);
  const feedStylesheet = existsSync(stylesheetPath) ? { path: `${PACKAGED_PREFIX}${PACKAGED_FEED_STYLESHEET}`, bytes: readFileSync(stylesheetPath) } : undefined;
  read = { templateFiles: readAll('templates', '.hbs'), localeFiles: readAll('locales', '.json'), feedStylesheet };
  return read;
}
