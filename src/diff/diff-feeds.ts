// Pure: two versions of a feed (text or parsed) → what differs: the feed's fields, and its items added, removed and changed (which fields).
import type { FeedFormat } from '../model/config-schema.js';
import type { ChangedItem, FeedChanges, FieldChange, FileDiff, ItemRef } from './feed-diff.js';
import { sortFieldNames, type FieldValue, type Fields, type ParsedFeed, type ParsedItem } from './parsed-feed.js';
import { feedPathParts, parseFeedText } from './parse-feed-text.js';

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (typeof a === 'string' || typeof b === 'string' || a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** The names of the fields whose values differ (one side may lack the field), in FIELD_ORDER. */
export function differentFields(old: Fields, now: Fields): string[] {
  return sortFieldNames([...Object.keys(old), ...Object.keys(now)]).filter((name) => !sameValue(old[name], now[name]));
}

const textField = (fields: Fields, name: string): string | undefined => {
  const value = fields[name];
  return typeof value === 'string' ? value : undefined;
};

function itemRef(item: ParsedItem): ItemRef {
  return { id: item.id, title: textField(item.fields, 'title'), link: textField(item.fields, 'link') };
}

/** Items are matched by id; added and changed items are listed in the new feed's order, removed ones in the old's. */
export function diffParsedFeeds(old: ParsedFeed, now: ParsedFeed): FeedChanges {
  const feed: FieldChange[] = differentFields(old.fields, now.fields).map((field) => ({ field, old: old.fields[field], new: now.fields[field] }));
  const oldById = new Map(old.items.map((item) => [item.id, item]));
  const newIds = new Set(now.items.map((item) => item.id));
  const added: ItemRef[] = [];
  const changed: ChangedItem[] = [];
  for (const item of now.items) {
    const before = oldById.get(item.id);
    if (!before) {
      added.push(itemRef(item));
      continue;
    }
    const fields = differentFields(before.fields, item.fields);
    if (fields.length === 0) continue;
    changed.push({ ...itemRef(item), fields, ...(fields.includes('title') ? { oldTitle: textField(before.fields, 'title') } : {}) });
  }
  const removed = old.items.filter((item) => !newIds.has(item.id)).map(itemRef);
  return { feed, added, removed, changed };
}

/** Feed paths in report order: by language, then format as the config lists them by default (RSS, Atom, JSON Feed). */
export function compareFeedPaths(a: string, b: string): number {
  const formats: readonly FeedFormat[] = ['rss', 'atom', 'json'];
  const [partsA, partsB] = [feedPathParts(a), feedPathParts(b)];
  if (!partsA || !partsB || partsA.language !== partsB.language) return a < b ? -1 : a > b ? 1 : 0;
  return formats.indexOf(partsA.format) - formats.indexOf(partsB.format);
}

/** The two versions of one feed file to compare. */
export interface FeedFileVersions {
  /** A feed path, `<language>/<file>` (see feedPathParts). */
  readonly path: string;
  /** The old file's text; undefined when there was none. */
  readonly oldText: string | undefined;
  /** The new file's text; undefined when there is none. */
  readonly newText: string | undefined;
}

/** What differs between two versions of a feed file; undefined when they are the same text (or neither exists). */
export function diffFeedFile({ path, oldText, newText }: FeedFileVersions): FileDiff | undefined {
  if (oldText === newText) return undefined;
  const parts = feedPathParts(path);
  if (!parts) throw new Error(`Not a feed path: ${path}`);
  const base = { path, language: parts.language, format: parts.format };
  const countItems = (text: string) => {
    const parsed = parseFeedText(parts.format, text);
    return 'feed' in parsed ? parsed.feed.items.length : undefined;
  };
  if (oldText === undefined) return { ...base, status: 'added', itemCount: countItems(newText!) };
  if (newText === undefined) return { ...base, status: 'removed', itemCount: countItems(oldText) };
  const old = parseFeedText(parts.format, oldText);
  if ('problem' in old) return { ...base, status: 'changed', changes: undefined, unparsable: { side: 'old', problem: old.problem } };
  const now = parseFeedText(parts.format, newText);
  if ('problem' in now) return { ...base, status: 'changed', changes: undefined, unparsable: { side: 'new', problem: now.problem } };
  return { ...base, status: 'changed', changes: diffParsedFeeds(old.feed, now.feed) };
}
