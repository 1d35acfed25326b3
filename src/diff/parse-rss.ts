// Pure: RSS 2.0 text → the feed's fields and items (ParsedFeed), as the diff compares them.
import { childElements, parseXmlTree, textOf, type Element } from '../serialize/xml-tree.js';
import { FieldCollector, toInstant, uniqueIds, type ParsedFeed, type ParsedItem } from './parsed-feed.js';
import { attributeOf, elementsOf, elementValue, enclosureValue } from './xml-values.js';

/** RSS channel elements → field names shared with the other formats. */
const CHANNEL_FIELDS: Readonly<Record<string, string>> = {
  lastBuildDate: 'updated',
  pubDate: 'published',
  copyright: 'rights',
  'atom:link': 'links',
  image: 'logo',
};

/** RSS item elements → field names shared with the other formats. */
const ITEM_FIELDS: Readonly<Record<string, string>> = {
  pubDate: 'published',
  description: 'summary',
  'content:encoded': 'content',
  category: 'categories',
  author: 'authors',
  'dc:creator': 'authors',
  enclosure: 'image',
  // An item in another language than its feed (a fallback, or the combined feed).
  'dc:language': 'language',
};

const DATES = new Set(['published', 'updated']);

function channelValue(field: string, element: Element): string {
  if (field === 'links') return `${attributeOf(element, 'rel') ?? 'alternate'} ${attributeOf(element, 'href') ?? ''}`;
  if (field === 'logo') return textOf(childElements(element, 'url')[0] ?? element);
  return DATES.has(field) ? toInstant(textOf(element)) : elementValue(element);
}

function itemValue(field: string, element: Element): string {
  if (field === 'image') return enclosureValue(attributeOf(element, 'url'), attributeOf(element, 'type'), attributeOf(element, 'length'));
  return DATES.has(field) ? toInstant(textOf(element)) : elementValue(element);
}

function parseItem(element: Element): ParsedItem {
  const fields = new FieldCollector();
  fields.markList('authors');
  fields.markList('categories');
  let guid: string | undefined;
  for (const child of elementsOf(element)) {
    if (child.name === 'guid') guid = textOf(child);
    else {
      const field = ITEM_FIELDS[child.name!] ?? child.name!;
      fields.add(field, itemValue(field, child));
    }
  }
  const parsed = fields.toFields();
  // RSS 2.0 makes every element of an item optional: an item without guid is known by its link, or its title.
  const id = guid ?? (typeof parsed.link === 'string' ? parsed.link : undefined) ?? (typeof parsed.title === 'string' ? parsed.title : '');
  return { id, fields: parsed };
}

/** Parses an RSS 2.0 feed; throws an Error saying what is missing when the text is no RSS. */
export function parseRss(text: string): ParsedFeed {
  const channel = childElements(childElements(parseXmlTree(text), 'rss')[0] ?? {}, 'channel')[0];
  if (!channel) throw new Error('no <rss><channel> element');
  const fields = new FieldCollector();
  fields.markList('links');
  const items: ParsedItem[] = [];
  for (const child of elementsOf(channel)) {
    if (child.name === 'item') items.push(parseItem(child));
    else {
      const field = CHANNEL_FIELDS[child.name!] ?? child.name!;
      fields.add(field, channelValue(field, child));
    }
  }
  return { fields: fields.toFields(), items: uniqueIds(items) };
}
