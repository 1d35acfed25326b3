// I/O: the texts of the items of each language's feeds, kept between builds in the cache folder.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ItemTexts } from '../build.js';
import { CACHE_FOLDER } from './index-store.js';

const ITEMS_FOLDER = 'items';

function itemsFile(root: string, lang: string): string {
  return join(root, CACHE_FOLDER, ITEMS_FOLDER, `${lang}.json`);
}

/** The item texts the last build wrote into `lang`'s feeds, by item key; undefined when there are none. */
export function readItemTexts(root: string, lang: string): ReadonlyMap<string, ItemTexts> | undefined {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(itemsFile(root, lang), 'utf8')) as Record<string, ItemTexts>));
  } catch {
    return undefined; // missing or damaged: every item is rendered
  }
}

/** Replaces `lang`'s item texts with those of the feeds just written (older ones are dropped). */
export function writeItemTexts(root: string, lang: string, items: ReadonlyMap<string, ItemTexts>): void {
  const path = itemsFile(root, lang);
  mkdirSync(join(root, CACHE_FOLDER, ITEMS_FOLDER), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(Object.fromEntries(items)));
  renameSync(temporary, path);
}
