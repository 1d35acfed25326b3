// Pure: JSON Feed 1.1 text → the feed's fields and items (ParsedFeed), as the diff compares them.
import { FieldCollector, toInstant, uniqueIds, type ParsedFeed, type ParsedItem } from './parsed-feed.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON Feed keys → field names shared with the other formats. */
const FEED_FIELDS: Readonly<Record<string, string>> = { home_page_url: 'link', icon: 'logo', favicon: 'icon' };
const ITEM_FIELDS: Readonly<Record<string, string>> = {
  url: 'link',
  content_html: 'content',
  content_text: 'content',
  date_published: 'published',
  date_modified: 'updated',
  tags: 'categories',
};

const DATES = new Set(['published', 'updated']);

/** Any JSON value as one text: strings as they are, anything else as JSON. */
function jsonText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** An author object as `name url`. */
function authorValue(author: unknown): string {
  if (!isObject(author)) return jsonText(author);
  return [author.name, author.url].filter((part) => typeof part === 'string').join(' ');
}

/** The list under a key, or the one value there. */
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

function addField(fields: FieldCollector, key: string, value: unknown, names: Readonly<Record<string, string>>): void {
  const field = names[key] ?? key;
  if (field === 'authors') fields.addList('authors', listOf(value).map(authorValue));
  else if (field === 'categories') fields.addList('categories', listOf(value).map(jsonText));
  else if (DATES.has(field) && typeof value === 'string') fields.add(field, toInstant(value));
  else fields.add(field, jsonText(value));
}

function parseItem(item: unknown): ParsedItem {
  if (!isObject(item)) return { id: jsonText(item), fields: {} };
  const fields = new FieldCollector();
  for (const [key, value] of Object.entries(item)) {
    if (key === 'id') continue;
    if (key === '_polyfeed' && isObject(value)) {
      // polyfeed's extension: links to the item's other language versions.
      const { translations, ...rest } = value;
      const links = listOf(translations ?? []).map((link) => (isObject(link) ? [link.language, link.url, link.title].filter((part) => typeof part === 'string').join(' ') : jsonText(link)));
      if (links.length > 0) fields.addList('translations', links);
      if (Object.keys(rest).length > 0) fields.add('_polyfeed', JSON.stringify(rest));
    } else addField(fields, key, value, ITEM_FIELDS);
  }
  const id = typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : typeof item.url === 'string' ? item.url : typeof item.title === 'string' ? item.title : '';
  return { id, fields: fields.toFields() };
}

/** Parses a JSON Feed; throws an Error saying what is wrong when the text is no JSON Feed. */
export function parseJsonFeed(text: string): ParsedFeed {
  const feed: unknown = JSON.parse(text);
  if (!isObject(feed) || !Array.isArray(feed.items)) throw new Error('no JSON object with an "items" list');
  const fields = new FieldCollector();
  fields.markList('links');
  for (const [key, value] of Object.entries(feed)) {
    if (key === 'items') continue;
    if (key === 'feed_url') fields.add('links', `self ${jsonText(value)}`);
    else if (key === 'hubs') {
      for (const hub of listOf(value)) fields.add('links', `hub ${jsonText(isObject(hub) ? hub.url : hub)}`);
    } else addField(fields, key, value, FEED_FIELDS);
  }
  return { fields: fields.toFields(), items: uniqueIds(feed.items.map(parseItem)) };
}
