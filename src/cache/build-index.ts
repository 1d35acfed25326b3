// Pure: what the last successful build read and wrote, and what has changed since.
import type { BuildError } from '../errors/build-error.js';
import type { ArticleTreeListing } from '../load/list-article-tree.js';
import type { FileStamp } from '../load/read-file-with-stat.js';
import { CONFIG_FILE_NAME, STATIC_FOLDER } from '../load/read-sources.js';
import type { ArticleSummary } from '../validate/article-summary.js';

/** A valid article as the last build validated it. */
export interface CachedArticle {
  /** The file's `[size, mtimeMs]` when it was read. */
  readonly stamp: FileStamp;
  readonly summary: ArticleSummary;
  /** Its warnings, shown again while it is unchanged. */
  readonly warnings: readonly BuildError[];
}

/** A feed file as written, with the fingerprint of what it was made from. */
export interface OutputRecord {
  readonly stamp: FileStamp;
  readonly fingerprint: string;
}

/** Kept in `.polyfeed-cache/index.json`; another polyfeed version ignores it. */
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
  readonly articles: ReadonlyMap<string, CachedArticle>;
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

export const sameStamp = (a: FileStamp | undefined, b: FileStamp | undefined): boolean => a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

export function sameStamps(a: Readonly<Record<string, FileStamp>>, b: Readonly<Record<string, FileStamp>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => sameStamp(a[key], b[key]));
}

/** The article files of a listing split into those the index holds unchanged and those to read. */
export interface ArticleChanges {
  readonly unchanged: readonly CachedArticle[];
  /** New or changed files, to be read and validated. */
  readonly changed: readonly string[];
  /** Files the index holds that are gone. */
  readonly removed: number;
}

/** `stampOf` gives a listed file's current stamp (only called for files the index holds). */
export function diffArticles(
  articles: ReadonlyMap<string, CachedArticle> | undefined,
  files: readonly string[],
  stampOf: (path: string) => FileStamp | undefined,
): ArticleChanges {
  const unchanged: CachedArticle[] = [];
  const changed: string[] = [];
  for (const path of files) {
    const cached = articles?.get(path);
    if (cached && sameStamp(cached.stamp, stampOf(path))) unchanged.push(cached);
    else changed.push(path);
  }
  return { unchanged, changed, removed: (articles?.size ?? 0) - (files.length - changed.length) - changed.filter((path) => articles?.has(path)).length };
}
