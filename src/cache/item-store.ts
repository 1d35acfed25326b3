// I/O: the texts of the items of each language's feeds, kept between builds in the cache folder.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ItemTexts } from '../feeds/feed-writer.js';
import type { BuildError } from '../model/build-error.js';
import type { FeedFormat } from '../model/config-schema.js';
import { CACHE_FOLDER, cacheDamaged, cacheUnavailable } from './cache-problem.js';
import { parseStoredItems, toStoredItems } from './item-entries.js';

const ITEMS_FOLDER = 'items';

function itemsFile(root: string, lang: string): string {
  return join(root, CACHE_FOLDER, ITEMS_FOLDER, `${lang}.json`);
}

export interface ReadItemTextsResult {
  /** The usable item texts of the last build's feeds of the language, by item key; undefined when there are none. */
  readonly items: ReadonlyMap<string, ItemTexts> | undefined;
  /** CACHE_DAMAGED when entries (or the file) were not what polyfeed wrote, CACHE_UNAVAILABLE when it could not be read. */
  readonly problem?: BuildError;
}

/** The item texts the last build wrote into `lang`'s feeds, each checked against its key; those that fail are rendered again. */
export function readItemTexts(root: string, lang: string, formats: readonly FeedFormat[]): ReadItemTextsResult {
  const file = `${ITEMS_FOLDER}/${lang}.json`;
  let text: string;
  try {
    text = readFileSync(itemsFile(root, lang), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { items: undefined }; // not kept yet: every item is rendered
    return { items: undefined, problem: cacheUnavailable(file, true, error) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { items: undefined, problem: cacheDamaged(file, { kind: 'items-not-json' }) };
  }
  const parsed = parseStoredItems(value, formats);
  if (!parsed.damaged) return { items: parsed.items };
  const { count, path } = parsed.damaged;
  return { items: parsed.items, problem: cacheDamaged(file, path.length === 0 ? { kind: 'items-shape' } : { kind: 'items-keys', count }, path) };
}

/**
 * Reads each language's item texts (in the formats of its feeds: `formatsOf`) when its feeds ask for them, adding the warnings to `problems`.
 * Once the cache could not be read, it is not tried again in this build (one warning is enough).
 */
export function itemTextsReader(root: string, formatsOf: (lang: string) => readonly FeedFormat[], problems: BuildError[]): (lang: string) => ReadonlyMap<string, ItemTexts> | undefined {
  return (lang) => {
    if (problems.some((problem) => problem.code === 'CACHE_UNAVAILABLE')) return undefined;
    const known = readItemTexts(root, lang, formatsOf(lang));
    if (known.problem) problems.push(known.problem);
    return known.items;
  };
}

/** Replaces `lang`'s item texts with those of the feeds just written (older ones are dropped); throws what the file system reports. */
export function writeItemTexts(root: string, lang: string, items: ReadonlyMap<string, ItemTexts>): void {
  const path = itemsFile(root, lang);
  mkdirSync(join(root, CACHE_FOLDER, ITEMS_FOLDER), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(toStoredItems(items)));
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
