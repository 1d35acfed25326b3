// Pure: FeedModel → Atom 1.0 text: `feed`'s output, corrected where RFC 4287 or readers need more.
import type { FeedModel } from './feed-model.js';
import { createFeed, defuseCdata } from './create-feed.js';
import { escapeHtmlText } from './escape-html-text.js';
import { addArchiveLinks } from './feed-history.js';
import { childElements, makeElement, parseXmlTree, setStylesheet, setText, writeXmlTree, type Element } from './xml-tree.js';

const XHTML_TYPE = 'text/html';

/** A text holding what could be read as markup: "<", or "&" (as in "AT&T" or a literal "&amp;"). */
const MARKUP_LIKE = /[<&]/;

/**
 * Titles, summaries, subtitle and rights are plain text. Text that could be read as markup is
 * declared type="html" and HTML-escaped, so a reader shows exactly the text whether it honours
 * the type or treats every title as HTML (and the W3C validator has no undeclared HTML to warn
 * about); any other text is type="text", the same characters either way.
 */
function setTextConstruct(element: Element | undefined, text: string): void {
  if (!element) return;
  const html = MARKUP_LIKE.test(text);
  element.attributes = { ...element.attributes, type: html ? 'html' : 'text' };
  setText(element, html ? escapeHtmlText(text) : text);
}

/** Person names, category labels and link titles have no type: written with hexadecimal references, as plain text in RSS. */
const PLAIN_TEXT = new Set(['name', 'category', 'link']);

/** Person constructs rebuilt from the model: `feed`'s XML layer turns a literal "&amp;" in a name into "&". */
function authorElement(author: FeedModel['authors'][number]): Element {
  return makeElement('author', {}, [
    makeElement('name', {}, author.name),
    ...(author.url ? [makeElement('uri', {}, author.url)] : []),
    ...(author.email ? [makeElement('email', {}, author.email)] : []),
  ]);
}

function replaceAuthors(parent: Element, authors: FeedModel['authors']): void {
  const children = parent.elements ?? [];
  const first = children.findIndex((child) => child.name === 'author');
  const rest = children.filter((child) => child.name !== 'author');
  rest.splice(first === -1 ? rest.length : first, 0, ...authors.map(authorElement));
  parent.elements = rest;
}

function fixFeedHead(feed: Element, model: FeedModel): void {
  replaceAuthors(feed, model.authors);
  // RFC 4287 §2: xml:lang on the root applies to every text construct below it.
  feed.attributes = { ...feed.attributes, 'xml:lang': model.lang };
  setTextConstruct(childElements(feed, 'title')[0], model.title);
  setTextConstruct(childElements(feed, 'subtitle')[0], model.description);
  setTextConstruct(childElements(feed, 'rights')[0], model.copyright);
  const generator = childElements(feed, 'generator')[0];
  if (generator) {
    generator.attributes = { uri: model.generator.uri, version: model.generator.version };
    setText(generator, model.generator.name);
  }
  for (const link of childElements(feed, 'link')) {
    if (link.attributes?.rel === 'alternate') link.attributes = { ...link.attributes, type: XHTML_TYPE, hreflang: model.lang };
    if (link.attributes?.rel === 'self') link.attributes = { ...link.attributes, type: 'application/atom+xml' };
  }
}

function fixEntry(entry: Element, item: FeedModel['items'][number]): void {
  replaceAuthors(entry, item.authors);
  // Every text is set again from the model: ids as written (feed runs them through new URL()),
  // HTML content whole (feed mishandles a second "]]>"), categories with term and label.
  const id = childElements(entry, 'id')[0];
  if (id) setText(id, item.id);
  setTextConstruct(childElements(entry, 'title')[0], item.title);
  setTextConstruct(childElements(entry, 'summary')[0], item.summary ?? '');
  const content = childElements(entry, 'content')[0];
  if (content) setText(content, item.contentHtml);
  const categories = item.tags.map((tag) => makeElement('category', { term: tag, label: tag }));
  const withoutCategories = (entry.elements ?? []).filter((child) => child.name !== 'category');
  const contentIndex = withoutCategories.findIndex((child) => child.name === 'content');
  withoutCategories.splice(contentIndex === -1 ? withoutCategories.length : contentIndex, 0, ...categories);
  entry.elements = withoutCategories;
  const links: Element[] = [makeElement('link', { rel: 'alternate', type: XHTML_TYPE, hreflang: item.lang, href: item.url })];
  // One alternate per other language version (RFC 4287 §4.2.7.4 hreflang).
  for (const translation of item.translations) {
    links.push(makeElement('link', { rel: 'alternate', type: XHTML_TYPE, hreflang: translation.lang, href: translation.url, title: translation.title }));
  }
  if (item.image) links.push(makeElement('link', { rel: 'enclosure', type: item.image.mediaType, href: item.image.url, length: item.image.lengthBytes }));
  const others = (entry.elements ?? []).filter((child) => child.name !== 'link');
  const idIndex = others.findIndex((child) => child.name === 'id');
  others.splice(idIndex + 1, 0, ...links);
  entry.elements = others;
}

export function toAtom(model: FeedModel): string {
  const tree = parseXmlTree(createFeed(model, defuseCdata).atom1());
  setStylesheet(tree, model.stylesheet);
  const feed = childElements(tree, 'feed')[0]!;
  fixFeedHead(feed, model);
  addArchiveLinks(feed, feed, 'entry', model.archive, { element: 'link', format: 'atom', type: 'application/atom+xml' });
  childElements(feed, 'entry').forEach((entry, index) => {
    const item = model.items[index]!;
    fixEntry(entry, item);
    // An entry in another language than its feed says so (a combined multilingual feed).
    if (item.lang !== model.lang) entry.attributes = { ...entry.attributes, 'xml:lang': item.lang };
  });
  return writeXmlTree(tree, PLAIN_TEXT);
}
