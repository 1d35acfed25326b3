// Pure: the parsed head and columns of a build index → the first value of the wrong type or shape, or undefined.
import type { FieldPath } from '../errors/build-error.js';
import { errorCodes } from '../errors/error-catalogue.js';

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

/** articles/<key>/<lang>.md: no empty, "." or ".." part, no NUL (a path a file system would refuse or that leaves the folder). */
const ARTICLE_PATH = /^articles\/(?!\.\.?\/)[^/\0]+\/[^/\0]+\.md$/;
/** articles, or a folder below it, under the same rules. */
const ARTICLE_FOLDER = /^articles(?:\/(?!\.\.?(?:\/|$))[^/\0]+)*$/;
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

/** The head line: everything but the columns. `rows` is the length of the path column. */
export function checkIndexHead(head: Record<string, unknown>, rows: number): ShapeProblem | undefined {
  for (const field of ['polyfeedVersion', 'outDir', 'articleKey'] as const) {
    if (!isString(head[field])) return { path: [field], expected: 'a string' };
  }
  if (!orNull(isString)(head.outOption)) return { path: ['outOption'], expected: 'a string or null' };
  if (!isWarnings(head.warnings)) return { path: ['warnings'], expected: 'a list of warnings' };
  return (
    checkRecord('settingFiles', head.settingFiles, anyKey, isStamp, 'a stamp of three numbers') ??
    checkRecord('folderTimes', head.folderTimes, (key) => ARTICLE_FOLDER.test(key), isFolderStamp, 'a folder under articles/ with a stamp of two numbers') ??
    checkRecord('outputs', head.outputs, (key) => OUTPUT_PATH.test(key), (value) => isObject(value) && isStamp(value.stamp) && isString(value.fingerprint), 'an output path with a stamp and a fingerprint') ??
    checkRecord('articleProblems', head.articleProblems, (key) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < rows, isWarnings, 'a row of the columns with a list of warnings')
  );
}

/** What every row of each column holds. Only valid articles are stored, so every row has a title. */
const COLUMN_CHECKS = {
  path: isString,
  size: isNumber,
  mtimeMs: isNumber,
  ino: isNumber,
  digest: isString,
  title: isString,
  dateMs: isTime,
  updatedMs: orNull(isTime),
  id: orNull(isString),
  draft: (value: unknown) => value === 0 || value === 1,
} as const;

export type StoredColumnName = keyof typeof COLUMN_CHECKS;

const EXPECTED: Record<StoredColumnName, string> = {
  path: 'an article path (articles/<key>/<lang>.md), in ascending order',
  size: 'a number',
  mtimeMs: 'a number',
  ino: 'a number',
  digest: 'a string',
  title: 'a string',
  dateMs: 'a time in milliseconds',
  updatedMs: 'a time in milliseconds, or null',
  id: 'a string or null',
  draft: '0 or 1',
};

/** Every column: an array as long as the path column, each row of its type; paths safe and strictly ascending. */
export function checkIndexColumns(columns: Readonly<Record<StoredColumnName, unknown>>): ShapeProblem | undefined {
  const paths = columns.path;
  if (!Array.isArray(paths)) return { path: ['path'], expected: 'a list' };
  for (const name of Object.keys(COLUMN_CHECKS) as StoredColumnName[]) {
    const column = columns[name];
    if (!Array.isArray(column) || column.length !== paths.length) return { path: [name], expected: `a list of ${paths.length} rows` };
    const check = COLUMN_CHECKS[name];
    for (let row = 0; row < column.length; row++) {
      if (!check(column[row])) return { path: [name, row], expected: EXPECTED[name] };
    }
  }
  for (let row = 0; row < paths.length; row++) {
    const path = paths[row] as string;
    if (!ARTICLE_PATH.test(path) || (row > 0 && !((paths[row - 1] as string) < path))) return { path: ['path', row], expected: EXPECTED.path };
  }
  return undefined;
}
