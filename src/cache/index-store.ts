// I/O: reads and writes the build index in the cache folder (safe to delete at any time).
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildError } from '../errors/build-error.js';
import type { FolderStamp } from '../load/list-article-tree.js';
import type { FileStamp } from '../load/read-file-with-stat.js';
import { ArticleTable, type ArticleColumns } from '../validate/article-table.js';
import type { BuildIndex, OutputRecord } from './build-index.js';
import { JsonColumn, jsonChunks } from './json-chunks.js';

/** Beside the sources, git-ignored; deleting it only makes the next build a cold one. */
export const CACHE_FOLDER = '.polyfeed-cache';
const INDEX_FILE = 'index.json';
/** Files of earlier polyfeed versions, removed when the index is written. */
const OLD_FILES = ['manifest.json', 'articles.ndjson'];
const FORMAT = 6;
/** Characters gathered before a write. */
const WRITE_CHUNK_CHARS = 1 << 20;

/**
 * Articles are stored as columns (one array per field, as the build holds them): tens of
 * thousands of entries parse and serialize several times faster as arrays of plain values than
 * as one object each, and the parsed arrays are used as they are.
 */
interface StoredIndex {
  readonly format: typeof FORMAT;
  readonly polyfeedVersion: string;
  readonly outDir: string;
  readonly outOption: string | null;
  readonly settingFiles: Record<string, FileStamp>;
  readonly articleKey: string;
  readonly folderTimes: Record<string, FolderStamp>;
  /** Valid articles only; updatedMs is null when the same as dateMs, problems are warnings by row. */
  readonly articles: Omit<ArticleColumns, 'updatedMs'> & { readonly updatedMs: (number | null)[] };
  readonly outputs: Record<string, OutputRecord>;
  readonly warnings: BuildError[];
}

const plainError = ({ cause: _cause, ...plain }: BuildError): BuildError => plain;

/** Columns of the articles, each written a slice at a time: the index of a large archive is never one string in memory. */
function storedColumns(articles: ArticleTable): Record<keyof StoredIndex['articles'], unknown> {
  const columns = articles.toColumns();
  const count = articles.length;
  const problems: Record<number, BuildError[]> = {};
  for (const [row, rowProblems] of articles.rowsWithProblems()) problems[row] = rowProblems.map(plainError);
  return {
    path: JsonColumn.of(columns.path),
    size: JsonColumn.of(columns.size),
    mtimeMs: JsonColumn.of(columns.mtimeMs),
    ino: JsonColumn.of(columns.ino),
    digest: JsonColumn.of(columns.digest),
    title: JsonColumn.of(columns.title),
    dateMs: JsonColumn.of(columns.dateMs),
    updatedMs: new JsonColumn(count, (row) => (columns.updatedMs[row] === columns.dateMs[row] ? null : columns.updatedMs[row])),
    id: JsonColumn.of(columns.id),
    draft: JsonColumn.of(columns.draft),
    problems,
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
    articles: storedColumns(index.articles),
    outputs: index.outputs,
    warnings: index.warnings.map(plainError),
  };
}

function fromStored(stored: StoredIndex): BuildIndex {
  const { updatedMs, ...columns } = stored.articles;
  const articles = ArticleTable.fromColumns({ ...columns, updatedMs: updatedMs.map((ms, row) => ms ?? columns.dateMs[row]!) });
  return {
    polyfeedVersion: stored.polyfeedVersion,
    outDir: stored.outDir,
    outOption: stored.outOption,
    settingFiles: stored.settingFiles,
    articleKey: stored.articleKey,
    listing: { files: stored.articles.path, folderTimes: stored.folderTimes },
    articles,
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
