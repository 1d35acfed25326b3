// I/O: reads and writes the build index in the cache folder (safe to delete at any time).
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildError } from '../errors/build-error.js';
import type { FolderStamp } from '../load/list-article-tree.js';
import type { FileStamp } from '../load/read-file-with-stat.js';
import type { BuildIndex, CachedArticle, CachedArticles, OutputRecord } from './build-index.js';
import { JsonColumn, jsonChunks } from './json-chunks.js';

/** Beside the sources, git-ignored; deleting it only makes the next build a cold one. */
export const CACHE_FOLDER = '.polyfeed-cache';
const INDEX_FILE = 'index.json';
/** Files of earlier polyfeed versions, removed when the index is written. */
const OLD_FILES = ['manifest.json', 'articles.ndjson'];
const FORMAT = 4;
/** Characters gathered before a write. */
const WRITE_CHUNK_CHARS = 1 << 20;

/**
 * Articles are stored as columns (one array per field): tens of thousands of entries parse and
 * serialize several times faster as arrays of plain values than as one object each.
 */
interface StoredIndex {
  readonly format: typeof FORMAT;
  readonly polyfeedVersion: string;
  readonly outDir: string;
  readonly outOption: string | null;
  readonly settingFiles: Record<string, FileStamp>;
  readonly articleKey: string;
  readonly folderTimes: Record<string, FolderStamp>;
  readonly articles: {
    readonly path: string[];
    readonly size: number[];
    readonly mtimeMs: number[];
    readonly ino: number[];
    readonly title: string[];
    readonly dateMs: number[];
    /** null when the same as dateMs. */
    readonly updatedMs: (number | null)[];
    readonly id: (string | null)[];
    readonly draft: (0 | 1)[];
    /** Only for articles that have warnings. */
    readonly warnings: Record<string, BuildError[]>;
  };
  readonly outputs: Record<string, OutputRecord>;
  readonly warnings: BuildError[];
}

/** Columns of the articles, each written a slice at a time: the index of a large archive is never one string in memory. */
function articleColumns(articles: CachedArticles): Record<keyof StoredIndex['articles'], unknown> {
  const count = articles.paths.length;
  const column = (at: (article: CachedArticle) => unknown) => new JsonColumn(count, (position) => at(articles.articleAt(position)));
  const warnings: StoredIndex['articles']['warnings'] = {};
  for (let position = 0; position < count; position++) {
    const { path, problems } = articles.articleAt(position);
    if (problems.length > 0) warnings[path] = problems.map(({ cause: _cause, ...plain }) => plain);
  }
  return {
    path: new JsonColumn(count, (position) => articles.paths[position]),
    size: column(({ stamp }) => stamp[0]),
    mtimeMs: column(({ stamp }) => stamp[1]),
    ino: column(({ stamp }) => stamp[2]),
    title: column(({ summary }) => summary.title),
    dateMs: column(({ summary }) => summary.dateMs),
    updatedMs: column(({ summary }) => (summary.updatedMs === summary.dateMs ? null : summary.updatedMs)),
    id: column(({ summary }) => summary.id ?? null),
    draft: column(({ summary }) => (summary.draft ? 1 : 0)),
    warnings,
  };
}

/** The index as stored, its article columns still to be serialized (see jsonChunks). */
function toStored(index: BuildIndex): Record<keyof StoredIndex, unknown> {
  return {
    format: FORMAT,
    polyfeedVersion: index.polyfeedVersion,
    outDir: index.outDir,
    outOption: index.outOption,
    settingFiles: index.settingFiles,
    articleKey: index.articleKey,
    folderTimes: index.listing.folderTimes,
    articles: articleColumns(index.articles),
    outputs: index.outputs,
    warnings: index.warnings.map(({ cause: _cause, ...plain }) => plain),
  };
}

function articlesFromColumns(columns: StoredIndex['articles']): CachedArticles {
  return {
    paths: columns.path,
    sizeAt: (position) => columns.size[position]!,
    mtimeAt: (position) => columns.mtimeMs[position]!,
    inodeAt: (position) => columns.ino[position]!,
    articleAt(position) {
      const path = columns.path[position]!;
      // articles/<key>/<lang>.md: only valid articles are stored.
      const slash = path.lastIndexOf('/');
      const dateMs = columns.dateMs[position]!;
      return {
        path,
        stamp: [columns.size[position]!, columns.mtimeMs[position]!, columns.ino[position]!],
        summary: {
          file: path,
          key: path.slice(path.indexOf('/') + 1, slash),
          lang: path.slice(slash + 1, -'.md'.length),
          title: columns.title[position]!,
          dateMs,
          updatedMs: columns.updatedMs[position] ?? dateMs,
          id: columns.id[position] ?? undefined,
          draft: columns.draft[position] === 1,
        },
        problems: columns.warnings[path] ?? [],
      };
    },
  };
}

function fromStored(stored: StoredIndex): BuildIndex {
  return {
    polyfeedVersion: stored.polyfeedVersion,
    outDir: stored.outDir,
    outOption: stored.outOption,
    settingFiles: stored.settingFiles,
    articleKey: stored.articleKey,
    listing: { files: stored.articles.path, folderTimes: stored.folderTimes },
    articles: articlesFromColumns(stored.articles),
    outputs: stored.outputs,
    warnings: stored.warnings,
  };
}

/** The size of the index file in bytes (0 when there is none): how large the last build was. */
export function buildIndexBytes(root: string): number {
  return statSync(join(root, CACHE_FOLDER, INDEX_FILE), { throwIfNoEntry: false })?.size ?? 0;
}

/** The index of the last successful build, or undefined (none, damaged, or of another format). */
export function readBuildIndex(root: string): BuildIndex | undefined {
  try {
    const stored = JSON.parse(readFileSync(join(root, CACHE_FOLDER, INDEX_FILE), 'utf8')) as StoredIndex;
    return stored.format === FORMAT ? fromStored(stored) : undefined;
  } catch {
    return undefined; // missing or damaged: a cold build
  }
}

export function writeBuildIndex(root: string, index: BuildIndex): void {
  const folder = join(root, CACHE_FOLDER);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `${INDEX_FILE}.${process.pid}.tmp`);
  const fd = openSync(temporary, 'w');
  try {
    let pending = '';
    for (const chunk of jsonChunks(toStored(index))) {
      pending += chunk;
      if (pending.length >= WRITE_CHUNK_CHARS) {
        writeSync(fd, pending);
        pending = '';
      }
    }
    writeSync(fd, pending);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, join(folder, INDEX_FILE));
  for (const name of OLD_FILES) rmSync(join(folder, name), { force: true });
}

/** `[size, mtimeMs]` of each named output file that exists. */
export function statOutputs(outDir: string, paths: readonly string[]): Record<string, FileStamp> {
  const outputs: Record<string, FileStamp> = {};
  for (const path of paths) {
    const stats = statSync(join(outDir, path), { throwIfNoEntry: false });
    if (stats?.isFile()) outputs[path] = [stats.size, stats.mtimeMs, stats.ino];
  }
  return outputs;
}
