// Pure: item texts by key ↔ what items/<lang>.json holds, each text checked against its key when read back.
import { createHash } from 'node:crypto';
import type { ItemTexts } from '../feeds/feed-writer.js';
import type { FieldPath } from '../model/build-error.js';
import type { FeedFormat } from '../model/config-schema.js';

/** 2: each entry carries the digest of its key and texts (issue 11). */
export const ITEMS_FORMAT = 2;

/** One item as stored: its texts, and a digest that binds them to the item's key. */
export interface StoredItem {
  readonly texts: ItemTexts;
  readonly digest: string;
}

/** What items/<lang>.json holds. */
export interface StoredItems {
  readonly format: typeof ITEMS_FORMAT;
  readonly items: Record<string, StoredItem>;
}

/**
 * Every feed format, spelt out rather than taken from the config schema: this module is loaded by
 * the CLI before it knows whether anything changed, and the schema would load zod with it (a test
 * checks the two lists agree).
 */
export const ITEM_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];
const FORMATS = ITEM_FORMATS;

/**
 * The item key is a digest of what the texts are made from (see itemKeysOf in build.ts), not of
 * the texts; this digest covers the key and the texts' bytes, so a text edited, cut off, or moved
 * to another item's key no longer matches it. Anyone can compute it: it catches damage and edits
 * made without it, not someone who rewrites it too (see README.md, "Command line").
 */
export function itemEntryDigest(key: string, texts: ItemTexts): string {
  return createHash('sha256')
    .update(JSON.stringify([key, ...FORMATS.map((format) => texts[format] ?? null)]))
    .digest('base64')
    .slice(0, 22);
}

export function toStoredItems(items: ReadonlyMap<string, ItemTexts>): StoredItems {
  const stored: Record<string, StoredItem> = {};
  for (const [key, texts] of items) stored[key] = { texts, digest: itemEntryDigest(key, texts) };
  return { format: ITEMS_FORMAT, items: stored };
}

export interface ParsedItems {
  /** The entries that hold a string for every format the feeds are written in, matching their digest. */
  readonly items: ReadonlyMap<string, ItemTexts>;
  /** Where the first entry that did not was, when one did not. */
  readonly damaged?: { readonly path: FieldPath; readonly count: number };
  /** True for a file of another polyfeed format (not damage: it is replaced). */
  readonly otherFormat?: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isUsable(key: string, entry: unknown, formats: readonly FeedFormat[]): entry is StoredItem {
  if (!isObject(entry) || !isObject(entry.texts) || typeof entry.digest !== 'string') return false;
  const texts = entry.texts;
  if (!formats.every((format) => typeof texts[format] === 'string')) return false;
  if (!Object.entries(texts).every(([format, text]) => FORMATS.includes(format as FeedFormat) && typeof text === 'string')) return false;
  return entry.digest === itemEntryDigest(key, texts as ItemTexts);
}

/** The usable entries of a parsed items file; those that are not are left out and counted. */
export function parseStoredItems(value: unknown, formats: readonly FeedFormat[]): ParsedItems {
  // A number other than ours, or no format at all (the layout before formats were numbered: key → texts), is an older cache, not damage.
  if (isObject(value) && (!('format' in value) || (typeof value.format === 'number' && value.format !== ITEMS_FORMAT))) return { items: new Map(), otherFormat: true };
  if (!isObject(value) || value.format !== ITEMS_FORMAT || !isObject(value.items)) return { items: new Map(), damaged: { path: [], count: 1 } };
  const items = new Map<string, ItemTexts>();
  let firstDamaged: string | undefined;
  let count = 0;
  for (const [key, entry] of Object.entries(value.items)) {
    if (isUsable(key, entry, formats)) items.set(key, entry.texts);
    else {
      firstDamaged ??= key;
      count++;
    }
  }
  return firstDamaged === undefined ? { items } : { items, damaged: { path: ['items', firstDamaged], count } };
}
