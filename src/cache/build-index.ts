// Pure: what the last successful build read and wrote, and what has changed since.
import type { BuildError } from '../errors/build-error.js';
import type { ArticleTreeListing } from '../load/list-article-tree.js';
import type { FileStamp } from '../load/read-file-with-stat.js';
import { CONFIG_FILE_NAME, STATIC_FOLDER } from '../load/read-sources.js';
import type { ArticleTable } from '../validate/article-table.js';

/** A feed file as written, with the fingerprint of what it was made from. */
export interface OutputRecord {
  readonly stamp: FileStamp;
  readonly fingerprint: string;
}

/** Kept in `.polyfeed-cache/index.json`; another polyfeed version or build ignores it. */
export interface BuildIndex {
  readonly polyfeedVersion: string;
  /** Absolute output folder the outputs were written to. */
  readonly outDir: string;
  /** The --out that was given (absolute), or null when the config's outDir was used. */
  readonly outOption: string | null;
  /** Config, labels, templates and static files. */
  readonly settingFiles: Readonly<Record<string, FileStamp>>;
  /** What an article's validity depends on besides its bytes (see articleKeyOf). */
  readonly articleKey: string;
  readonly listing: ArticleTreeListing;
  /** The valid articles of that build, in path order, with the warnings they had. */
  readonly articles: ArticleTable;
  /** Output paths relative to outDir. */
  readonly outputs: Readonly<Record<string, OutputRecord>>;
  /** Every warning of that build, shown again when nothing changed. */
  readonly warnings: readonly BuildError[];
}

/** Article validity depends on polyfeed's version, the config (languages, limits, base URL) and static/ (images). */
export function articleKeyOf(version: string, settingFiles: Readonly<Record<string, FileStamp>>): string {
  const dependencies = Object.entries(settingFiles)
    .filter(([path]) => path === CONFIG_FILE_NAME || path.startsWith(`${STATIC_FOLDER}/`))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([version, dependencies]);
}

export const sameStamp = (a: FileStamp | undefined, b: FileStamp | undefined): boolean => a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** Two records with the same keys and, by `same`, the same value for each. */
export function sameRecords<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>, same: (x: T | undefined, y: T | undefined) => boolean): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => same(a[key], b[key]));
}

export function sameStamps(a: Readonly<Record<string, FileStamp>>, b: Readonly<Record<string, FileStamp>>): boolean {
  return sameRecords(a, b, sameStamp);
}

/** The article files of a listing split into those the index holds unchanged and those to read. */
export interface ArticleChanges {
  /** Rows in the index's articles of the files that are unchanged. */
  readonly unchanged: readonly number[];
  /** New or changed files, to be read and validated. */
  readonly changed: readonly string[];
  /** Files the index holds that are gone. */
  readonly removed: number;
}

/**
 * `files` (sorted) against the index's articles (sorted too): one walk down both lists.
 * `isUnchanged` tells whether the listed file at `path` still has the stamp at `position`.
 */
export function diffArticles(
  cached: ArticleTable | undefined,
  files: readonly string[],
  isUnchanged: (position: number, path: string) => boolean,
): ArticleChanges {
  const unchanged: number[] = [];
  const changed: string[] = [];
  const paths = cached?.paths ?? [];
  let position = 0;
  let matched = 0;
  for (const path of files) {
    while (position < paths.length && paths[position]! < path) position++;
    if (position < paths.length && paths[position] === path) {
      matched++;
      if (isUnchanged(position, path)) unchanged.push(position);
      else changed.push(path);
      position++;
    } else {
      changed.push(path);
    }
  }
  return { unchanged, changed, removed: paths.length - matched };
}
