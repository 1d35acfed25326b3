// Pure: Atom 1.0 text → the feed's fields and entries (ParsedFeed), as the diff compares them.
import { decodeHTML } from 'entities';
import { childElements, parseXmlTree, textOf, type Element } from '../serialize/xml-tree.js';
import { FieldCollector, toInstant, uniqueIds, type ParsedFeed, type ParsedItem } from './parsed-feed.js';
import { attributeOf, childText, elementsOf, elementValue, enclosureValue } from './xml-values.js';

/** Atom elements → field names shared with the other formats. */
const FEED_FIELDS: Readonly<Record<string, string>> = { subtitle: 'description', author: 'authors', category: 'categories', contributor: 'contributors' };
const ENTRY_FIELDS: Readonly<Record<string, string>> = { author: 'authors', category: 'categories', contributor: 'contributors' };

const DATES = new Set(['published', 'updated']);

/** A text construct (RFC 4287 §3.1) as the text a reader shows: type="html" is decoded once more. */
function textConstruct(element: Element): string {
  const type = attributeOf(element, 'type');
  if (type === 'xhtml') return elementValue(element);
  return type === 'html' ? decodeHTML(textOf(element)) : textOf(element);
}

/** A person construct (RFC 4287 §3.2) as `name <email> uri`. */
function personValue(element: Element): string {
  const email = childText(element, 'email');
  const uri = childText(element, 'uri');
  return [childText(element, 'name') ?? '', ...(email ? [`<${email}>`] : []), ...(uri ? [uri] : [])].join(' ');
}

function valueOf(field: string, element: Element): string {
  if (field === 'title' || field === 'summary' || field === 'description' || field === 'rights') return textConstruct(element);
  if (field === 'authors' || field === 'contributors') return personValue(element);
  if (field === 'categories') return attributeOf(element, 'term') ?? elementValue(element);
  return DATES.has(field) ? toInstant(textOf(element)) : elementValue(element);
}

/**
 * An entry's links: its own alternate (the one in its language, else the first) is `link`, the
 * alternates in other languages are `translations`, the enclosure is `image`, any other `links`.
 */
function addEntryLinks(fields: FieldCollector, links: readonly Element[], lang: string | undefined): void {
  const alternates = links.filter((link) => (attributeOf(link, 'rel') ?? 'alternate') === 'alternate');
  const own = alternates.find((link) => lang !== undefined && attributeOf(link, 'hreflang') === lang) ?? alternates[0];
  if (own) fields.add('link', attributeOf(own, 'href') ?? '');
  for (const link of links) {
    if (link === own) continue;
    const rel = attributeOf(link, 'rel') ?? 'alternate';
    const href = attributeOf(link, 'href') ?? '';
    if (rel === 'alternate') fields.addList('translations', [[attributeOf(link, 'hreflang'), href, attributeOf(link, 'title')].filter((part) => part !== undefined).join(' ')]);
    else if (rel === 'enclosure') fields.add('image', enclosureValue(href, attributeOf(link, 'type'), attributeOf(link, 'length')));
    else fields.addList('links', [`${rel} ${href}`]);
  }
}

function parseEntry(entry: Element, feedLang: string | undefined): ParsedItem {
  const fields = new FieldCollector();
  fields.markList('authors');
  fields.markList('categories');
  const lang = attributeOf(entry, 'xml:lang');
  if (lang !== undefined) fields.add('language', lang);
  let id = '';
  const links: Element[] = [];
  for (const child of elementsOf(entry)) {
    if (child.name === 'id') id = textOf(child);
    else if (child.name === 'link') links.push(child);
    else {
      const field = ENTRY_FIELDS[child.name!] ?? child.name!;
      fields.add(field, valueOf(field, child));
    }
  }
  addEntryLinks(fields, links, lang ?? feedLang);
  return { id, fields: fields.toFields() };
}

/** Parses an Atom 1.0 feed; throws an Error saying what is missing when the text is no Atom. */
export function parseAtom(text: string): ParsedFeed {
  const feed = childElements(parseXmlTree(text), 'feed')[0];
  if (!feed) throw new Error('no <feed> element');
  const lang = attributeOf(feed, 'xml:lang');
  const fields = new FieldCollector();
  fields.markList('links');
  fields.markList('authors');
  if (lang !== undefined) fields.add('language', lang);
  const items: ParsedItem[] = [];
  for (const child of elementsOf(feed)) {
    if (child.name === 'entry') items.push(parseEntry(child, lang));
    else if (child.name === 'link') fields.add('links', `${attributeOf(child, 'rel') ?? 'alternate'} ${attributeOf(child, 'href') ?? ''}`);
    else {
      const field = FEED_FIELDS[child.name!] ?? child.name!;
      fields.add(field, valueOf(field, child));
    }
  }
  return { fields: fields.toFields(), items: uniqueIds(items) };
}
