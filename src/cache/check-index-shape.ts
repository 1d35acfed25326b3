// Pure: the parsed head and columns of a build index → the first value of the wrong type or shape, or undefined.
import type { FieldPath } from '../model/build-error.js';
import { errorCodes } from '../model/error-catalogue.js';

/** Where the index is wrong (a head field, or a column and row) and what is wrong there. */
export interface ShapeProblem {
  readonly path: FieldPath;
  readonly expected: string;
}

/**
 * Hand-written checks rather than a schema: the columns of a 10k-article site hold 42k rows each
 * and are read on every rebuild, so each column is checked in one loop over a plain array. A value
 * that passes is one the build can use without crashing; that it is the value the sources give is
 * what the seal (see index-seal.ts) and the article digests are for.
 */
type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
/** Milliseconds a Date can hold (toISOString throws beyond them). */
const MAX_TIME_MS = 8.64e15;
const isTime: Check = (value) => typeof value === 'number' && Math.abs(value) <= MAX_TIME_MS;
const orNull = (check: Check): Check => (value) => value === null || check(value);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTuple = (length: number, check: Check): Check => (value) => Array.isArray(value) && value.length === length && value.every(check);
const isStamp = isTuple(3, isNumber);
const isFolderStamp = isTuple(2, isNumber);
const isStringList: Check = (value) => Array.isArray(value) && value.every(isString);

/** A site-relative path with no empty, "." or ".." part and no NUL (a path a file system would refuse or that leaves the folder). */
const SITE_PATH = /^(?!\.\.?(?:\/|$))(?:[^/\0]+\/(?!\.\.?(?:\/|$)))*[^/\0]+$/;
/** An article file: articles/<key>/<lang>.md, or in another generator's layout any `.md` path of the content folder, under the rules above. */
const ARTICLE_PATH = { test: (path: string) => path.endsWith('.md') && path.includes('/') && SITE_PATH.test(path) };
/** articles (or the content folder), or a folder below it, under the same rules. */
const ARTICLE_FOLDER = SITE_PATH;
/** A path relative to the output folder that stays inside it. */
const OUTPUT_PATH = /^(?!\.\.?(?:\/|$))(?:[^/\0]+\/(?!\.\.?(?:\/|$)))*[^/\0]+$/;

const knownCodes = new Set<string>(errorCodes);

/** A warning as stored (cause left out). Only warnings are stored: the cache can never make a run fail. */
function isStoredWarning(value: unknown): boolean {
  if (!isObject(value)) return false;
  const { code, severity, message, file, line, column, path, hint } = value;
  return (
    typeof code === 'string' &&
    knownCodes.has(code) &&
    severity === 'warning' &&
    typeof message === 'string' &&
    (file === undefined || typeof file === 'string') &&
    (line === undefined || (Number.isInteger(line) && (line as number) > 0)) &&
    (column === undefined || (Number.isInteger(column) && (column as number) > 0)) &&
    Array.isArray(path) &&
    path.every((part) => typeof part === 'string' || typeof part === 'number') &&
    (hint === undefined || typeof hint === 'string')
  );
}

const isWarnings: Check = (value) => Array.isArray(value) && value.every(isStoredWarning);

/** The first key of `record` whose key or value fails, as a problem under `field`. */
function checkRecord(field: string, record: unknown, keyCheck: (key: string) => boolean, valueCheck: Check, expected: string): ShapeProblem | undefined {
  if (!isObject(record)) return { path: [field], expected: 'an object' };
  for (const key in record) {
    if (!keyCheck(key) || !valueCheck(record[key])) return { path: [field, key], expected };
  }
  return undefined;
}

const anyKey = () => true;

const isFlag: Check = (value) => typeof value === 'boolean';
const isCount: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 0;

/** The build's "now" and schedule: flags, counts and times, each of its kind. */
function checkPublication(publication: unknown): ShapeProblem | undefined {
  if (!isObject(publication)) return { path: ['publication'], expected: 'an object' };
  const fields: [string, Check, string][] = [
    ['drafts', isFlag, 'true or false'],
    ['future', isFlag, 'true or false'],
    ['nowMs', isTime, 'a time in milliseconds'],
    ['lastDueMs', isTime, 'a time in milliseconds'],
    ['nextDueMs', orNull(isTime), 'a time in milliseconds, or null'],
    ['nextDueFile', orNull((value) => isString(value) && ARTICLE_PATH.test(value as string)), 'an article path, or null'],
    ['scheduled', isCount, 'a count'],
    ['updatesScheduled', isCount, 'a count'],
  ];
  const wrong = fields.find(([field, check]) => !check(publication[field]));
  return wrong && { path: ['publication', wrong[0]], expected: wrong[2] };
}

/** The head line: everything but the columns. `rows` is the length of the path column. */
export function checkIndexHead(head: Record<string, unknown>, rows: number): ShapeProblem | undefined {
  for (const field of ['cacheVersion', 'outDir', 'validationContextDigest'] as const) {
    if (!isString(head[field])) return { path: [field], expected: 'a string' };
  }
  if (!orNull(isString)(head.outOption)) return { path: ['outOption'], expected: 'a string or null' };
  if (!isWarnings(head.warnings)) return { path: ['warnings'], expected: 'a list of warnings' };
  for (const field of ['languages', 'pendingLanguages'] as const) {
    if (!isStringList(head[field])) return { path: [field], expected: 'a list of strings' };
  }
  return (
    checkRecord('settingFiles', head.settingFiles, anyKey, isStamp, 'a stamp of three numbers') ??
    checkRecord('folderTimes', head.folderTimes, (key) => ARTICLE_FOLDER.test(key), isFolderStamp, 'a folder under articles/ with a stamp of two numbers') ??
    checkRecord('outputs', head.outputs, (key) => OUTPUT_PATH.test(key), (value) => isObject(value) && isStamp(value.stamp) && isString(value.fingerprint), 'an output path with a stamp and a fingerprint') ??
    checkRecord('articleProblems', head.articleProblems, (key) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < rows, isWarnings, 'a row of the columns with a list of warnings') ??
    checkPublication(head.publication)
  );
}

/** What every row of each column holds. Only valid articles are stored, so every row has a title. */
const COLUMN_KINDS = {
  path: 'string',
  size: 'number',
  mtimeMs: 'number',
  ino: 'number',
  digest: 'string',
  title: 'string',
  dateMs: 'time',
  updatedMs: 'time or null',
  id: 'string or null',
  draft: 'flag',
  slug: 'string or null',
  translationOf: 'string or null',
} as const;

export type StoredColumnName = keyof typeof COLUMN_KINDS;

const EXPECTED: Record<(typeof COLUMN_KINDS)[StoredColumnName], string> = {
  string: 'a string',
  number: 'a number',
  time: 'a time in milliseconds',
  'time or null': 'a time in milliseconds, or null',
  'string or null': 'a string or null',
  flag: '0 or 1',
};

/** The first row of `column` that is not of `kind`, or -1. One plain loop per kind: this runs over every row of the index on every rebuild. */
function firstBadRow(column: readonly unknown[], kind: (typeof COLUMN_KINDS)[StoredColumnName]): number {
  const length = column.length;
  switch (kind) {
    case 'string':
      for (let row = 0; row < length; row++) if (typeof column[row] !== 'string') return row;
      return -1;
    case 'string or null':
      for (let row = 0; row < length; row++) if (column[row] !== null && typeof column[row] !== 'string') return row;
      return -1;
    case 'number':
      for (let row = 0; row < length; row++) if (!Number.isFinite(column[row])) return row;
      return -1;
    case 'time':
      for (let row = 0; row < length; row++) if (!isTime(column[row])) return row;
      return -1;
    case 'time or null':
      for (let row = 0; row < length; row++) if (column[row] !== null && !isTime(column[row])) return row;
      return -1;
    case 'flag':
      for (let row = 0; row < length; row++) if (column[row] !== 0 && column[row] !== 1) return row;
      return -1;
  }
}

const PATH_EXPECTED = 'an article path (articles/<key>/<lang>.md), in ascending order';

/** Every column: an array as long as the path column, each row of its type; paths safe and strictly ascending. */
export function checkIndexColumns(columns: Readonly<Record<StoredColumnName, unknown>>): ShapeProblem | undefined {
  const paths = columns.path;
  if (!Array.isArray(paths)) return { path: ['path'], expected: 'a list' };
  for (const name of Object.keys(COLUMN_KINDS) as StoredColumnName[]) {
    const column = columns[name];
    if (!Array.isArray(column) || column.length !== paths.length) return { path: [name], expected: `a list of ${paths.length} rows` };
    const row = firstBadRow(column, COLUMN_KINDS[name]);
    if (row !== -1) return { path: [name, row], expected: name === 'path' ? PATH_EXPECTED : EXPECTED[COLUMN_KINDS[name]] };
  }
  let previous = '';
  for (let row = 0; row < paths.length; row++) {
    const path = paths[row] as string;
    if (!(previous < path) || !ARTICLE_PATH.test(path)) return { path: ['path', row], expected: PATH_EXPECTED };
    previous = path;
  }
  return undefined;
}
