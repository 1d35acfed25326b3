// I/O: reads and writes the build index in the cache folder (safe to delete at any time).
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildError, FieldPath } from '../model/build-error.js';
import type { MessageParams } from '../model/error-catalogue.js';
import type { FolderStamp } from '../load/list-article-tree.js';
import type { FileStamp } from '../model/file-stamp.js';
import type { Publication } from '../model/publication-window.js';
import { ArticleTable, type ArticleColumns } from '../model/article-table.js';
import type { BuildIndex, OutputRecord } from './build-index.js';
import { CACHE_FOLDER, cacheDamaged, cacheUnavailable } from './cache-problem.js';
import { checkIndexColumns, checkIndexHead, type StoredColumnName } from './check-index-shape.js';
import { hasValidSeal, IndexSealer } from './index-seal.js';
import { JsonColumn, jsonColumnChunks } from './json-chunks.js';

/** Beside the sources, git-ignored; deleting it only makes the next build a cold one. */
export { CACHE_FOLDER };
const INDEX_FILE = 'index.jsonl';
/** Files of earlier polyfeed versions, removed when the index is written. */
const OLD_FILES = ['manifest.json', 'articles.ndjson', 'index.json'];
/** 14: the translationOf column (issue 15); 13: the slug column (issue 14); 12: publication (the build's "now" and schedule, issue 13); 11: languages and pendingLanguages (a build of some languages only, issue 13); 10: validationContextDigest (was scanContextDigest: a scan is the threads' loop that reads and validates, issue 12); 9: cacheVersion and the context digest named for what they hold (issue 12); 8: the seal line and the checks of every value (issue 11). */
const FORMAT = 14;
/** Characters gathered before a write. */
const WRITE_CHUNK_CHARS = 1 << 20;

/**
 * The index is JSON lines: a head, then one line for each column of the articles (one array per
 * field, as the build holds them), then the seal (see index-seal.ts). Tens of thousands of entries parse and serialize several
 * times faster as arrays of plain values than as one object each, the parsed arrays are used as
 * they are, and each line is decoded and parsed on its own: the whole file is never one string.
 */
interface StoredHead {
  readonly format: typeof FORMAT;
  readonly cacheVersion: string;
  readonly outDir: string;
  readonly outOption: string | null;
  readonly settingFiles: Record<string, FileStamp>;
  readonly validationContextDigest: string;
  readonly folderTimes: Record<string, FolderStamp>;
  readonly outputs: Record<string, OutputRecord>;
  readonly languages: readonly string[];
  readonly pendingLanguages: readonly string[];
  readonly warnings: BuildError[];
  /** Warnings of valid articles by row (only valid articles are stored). */
  readonly articleProblems: Record<number, BuildError[]>;
  readonly publication: Publication;
}

/** The lines after the head, in this order; updatedMs is null where it is the same as dateMs. */
const COLUMNS = ['path', 'size', 'mtimeMs', 'ino', 'digest', 'title', 'dateMs', 'updatedMs', 'id', 'draft', 'slug', 'translationOf'] as const satisfies readonly (keyof ArticleColumns & StoredColumnName)[];

const plainError = ({ cause: _cause, ...plain }: BuildError): BuildError => plain;

function storedHead(index: BuildIndex): StoredHead {
  const articleProblems: Record<number, BuildError[]> = {};
  for (const [row, problems] of index.articles.rowsWithProblems()) articleProblems[row] = problems.map(plainError);
  return {
    format: FORMAT,
    cacheVersion: index.cacheVersion,
    outDir: index.outDir,
    outOption: index.outOption,
    settingFiles: index.settingFiles,
    validationContextDigest: index.validationContextDigest,
    folderTimes: index.listing.folderTimes,
    outputs: index.outputs,
    languages: index.languages,
    pendingLanguages: index.pendingLanguages,
    warnings: index.warnings.map(plainError),
    articleProblems,
    publication: index.publication,
  };
}

/** Each column written a slice at a time: the index of a large archive is never one string in memory. */
function storedColumn(articles: ArticleTable, name: (typeof COLUMNS)[number]): JsonColumn {
  const columns = articles.toColumns();
  if (name !== 'updatedMs') return JsonColumn.of(columns[name]);
  return new JsonColumn(articles.length, (row) => (columns.updatedMs[row] === columns.dateMs[row] ? null : columns.updatedMs[row]));
}

function fromStored(head: StoredHead, stored: Record<(typeof COLUMNS)[number], unknown[]>): BuildIndex {
  const { updatedMs, ...rest } = stored as unknown as Omit<ArticleColumns, 'updatedMs' | 'problems'> & { updatedMs: (number | null)[] };
  const articles = ArticleTable.fromColumns({ ...rest, updatedMs: updatedMs.map((ms, row) => ms ?? rest.dateMs[row]!), problems: head.articleProblems });
  return {
    cacheVersion: head.cacheVersion,
    outDir: head.outDir,
    outOption: head.outOption,
    settingFiles: head.settingFiles,
    validationContextDigest: head.validationContextDigest,
    listing: { files: rest.path, folderTimes: head.folderTimes },
    articles,
    outputs: head.outputs,
    languages: head.languages,
    pendingLanguages: head.pendingLanguages,
    warnings: head.warnings,
    publication: head.publication,
  };
}

/** The size of the index file in bytes (0 when there is none, or it cannot be stat-ed): how large the last build was. */
export function buildIndexBytes(root: string): number {
  try {
    return statSync(join(root, CACHE_FOLDER, INDEX_FILE), { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0; // the cache folder is a file, say: readBuildIndex says so
  }
}

/** What reading the index gave: the index when it can be used, and a warning when it was there but could not be. */
export interface ReadBuildIndexResult {
  readonly index: BuildIndex | undefined;
  /** CACHE_DAMAGED or CACHE_UNAVAILABLE; none when there is no index, or one of another polyfeed format. */
  readonly problem?: BuildError;
}

function readIndexBytes(root: string): Buffer | ReadBuildIndexResult {
  try {
    return readFileSync(join(root, CACHE_FOLDER, INDEX_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { index: undefined }; // no cache yet: a cold build
    return { index: undefined, problem: cacheUnavailable(INDEX_FILE, true, error) };
  }
}

/** The index of the last successful build when every value in it is as polyfeed wrote it; otherwise none, and why. */
export function readBuildIndex(root: string): ReadBuildIndexResult {
  const bytes = readIndexBytes(root);
  if (!Buffer.isBuffer(bytes)) return bytes;
  const damaged = (damage: MessageParams<'CACHE_DAMAGED'>, path: FieldPath = []): ReadBuildIndexResult => ({ index: undefined, problem: cacheDamaged(INDEX_FILE, damage, path) });
  const ends: number[] = [];
  for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, end + 1)) ends.push(end);
  // Each line is decoded and parsed on its own: one column's text at a time is held, not the file's.
  const line = (index: number): unknown => JSON.parse(bytes.toString('utf8', index === 0 ? 0 : ends[index - 1]! + 1, ends[index]));
  let head: unknown;
  try {
    head = line(0);
  } catch {
    return damaged({ kind: 'index-not-json-lines' });
  }
  if (typeof head !== 'object' || head === null || Array.isArray(head)) return damaged({ kind: 'index-no-head' });
  const { format } = head as { format?: unknown };
  // Another polyfeed's index (older or newer) is not damaged: it is not for this build, and is replaced.
  if (typeof format === 'number' && format !== FORMAT) return { index: undefined };
  if (format !== FORMAT || ends.length !== 2 + COLUMNS.length || ends[ends.length - 1] !== bytes.length - 1) return damaged({ kind: 'index-cut-off' });
  const sealStart = ends[COLUMNS.length]! + 1;
  if (!hasValidSeal(bytes, sealStart, bytes.toString('utf8', sealStart, bytes.length - 1))) return damaged({ kind: 'index-seal' });
  let columns: Record<StoredColumnName, unknown>;
  try {
    columns = Object.fromEntries(COLUMNS.map((name, position) => [name, line(1 + position)])) as Record<StoredColumnName, unknown>;
  } catch {
    return damaged({ kind: 'index-not-json-lines' });
  }
  const shape = checkIndexColumns(columns) ?? checkIndexHead(head as Record<string, unknown>, (columns.path as unknown[]).length);
  if (shape) return damaged({ kind: 'index-value', expected: shape.expected }, shape.path);
  return { index: fromStored(head as StoredHead, columns as Record<(typeof COLUMNS)[number], unknown[]>) };
}

const NEWLINE = 0x0a;

/** Writes the index of a build (a temporary file renamed into place); throws what the file system reports. */
export function writeBuildIndex(root: string, index: BuildIndex): void {
  const folder = join(root, CACHE_FOLDER);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `${INDEX_FILE}.${process.pid}.tmp`);
  const fd = openSync(temporary, 'w');
  try {
    const sealer = new IndexSealer();
    // Encoded once, for the checksum and the file alike (a checksum of the string would encode it again).
    const write = (text: string) => {
      const bytes = Buffer.from(text, 'utf8');
      sealer.update(bytes);
      writeSync(fd, bytes);
    };
    let pending = `${JSON.stringify(storedHead(index))}\n`;
    for (const name of COLUMNS) {
      for (const chunk of jsonColumnChunks(storedColumn(index.articles, name))) {
        pending += chunk;
        if (pending.length >= WRITE_CHUNK_CHARS) {
          write(pending);
          pending = '';
        }
      }
      pending += '\n';
    }
    write(pending);
    writeSync(fd, sealer.sealLine());
    closeSync(fd);
    renameSync(temporary, join(folder, INDEX_FILE));
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
    rmSync(temporary, { force: true });
    throw error;
  }
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
