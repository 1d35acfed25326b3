// Pure: what the last successful build read and wrote, and what has changed since.
import type { BuildError } from '../model/build-error.js';
import type { ArticleTreeListing } from '../load/list-article-tree.js';
import type { FileStamp } from '../model/file-stamp.js';
import { contentDigest } from '../model/content-digest.js';
import type { ArticleTable } from '../model/article-table.js';
import type { Publication } from '../model/publication-window.js';

/** A feed file as written, with the fingerprint of what it was made from. */
export interface OutputRecord {
  readonly stamp: FileStamp;
  readonly fingerprint: string;
}

/** Kept in `.polyfeed-cache/index.jsonl`; another polyfeed version or build ignores it. */
export interface BuildIndex {
  readonly cacheVersion: string;
  /** Absolute output folder the outputs were written to. */
  readonly outDir: string;
  /** The --out that was given (absolute), or null when the config's outDir was used. */
  readonly outOption: string | null;
  /** Config, labels, templates and static files. */
  readonly settingFiles: Readonly<Record<string, FileStamp>>;
  /** What an article's validity depends on besides its bytes (see validationContextDigestOf). */
  readonly validationContextDigest: string;
  readonly listing: ArticleTreeListing;
  /** The valid articles of that build, in path order, with the warnings they had. */
  readonly articles: ArticleTable;
  /** Output paths relative to outDir. */
  readonly outputs: Readonly<Record<string, OutputRecord>>;
  /** The config's languages at that build (what `--languages` is checked against when nothing changed). */
  readonly languages: readonly string[];
  /**
   * Languages of the config whose feeds that build did not make (left out with `--languages`) and
   * whose recorded outputs are missing or not made from its inputs: a build of them is never
   * skipped as a no-op. Their records, if any, are kept as they were (see nextOutputsOf).
   */
  readonly pendingLanguages: readonly string[];
  /** Every warning of that build, shown again when nothing changed. */
  readonly warnings: readonly BuildError[];
  /** Its "now", whether drafts and scheduled versions were published, and what was scheduled: a later "now" may publish more. */
  readonly publication: Publication;
}

/**
 * Article validity depends on polyfeed's build, the config (languages, limits, base URL) and
 * the files under static/ (images): the config's bytes and the static files' names and sizes
 * (what validation reads of them) make the digest, so a fresh clone of the same site matches it.
 */
export function validationContextDigestOf(version: string, configBytes: Uint8Array | undefined, staticSizes: Iterable<readonly [string, number]>): string {
  const sizes = [...staticSizes].sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([version, configBytes ? contentDigest(configBytes) : null, sizes]);
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
  /** For each changed file, its row in the index's articles, or -1 for a file the index does not hold. */
  readonly changedRows: readonly number[];
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
  const changedRows: number[] = [];
  const paths = cached?.paths ?? [];
  let position = 0;
  let matched = 0;
  for (const path of files) {
    while (position < paths.length && paths[position]! < path) position++;
    if (position < paths.length && paths[position] === path) {
      matched++;
      if (isUnchanged(position, path)) unchanged.push(position);
      else {
        changed.push(path);
        changedRows.push(position);
      }
      position++;
    } else {
      changed.push(path);
      changedRows.push(-1);
    }
  }
  return { unchanged, changed, changedRows, removed: paths.length - matched };
}
