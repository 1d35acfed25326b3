// Pure: FeedModel → Atom 1.0 text: the head is `feed`'s, corrected where RFC 4287 or readers need
// more; the entries are made here from the model.
import type { FeedItemModel, FeedModel } from './feed-model.js';
import { createFeed, defuseCdata } from './create-feed.js';
import { escapeHtmlText } from './escape-html-text.js';
import { addArchiveLinks } from './feed-history.js';
import { browserNoteElement } from './browser-note.js';
import { childElements, makeElement, parseXmlTree, setStylesheet, setText, writeElement, writeXmlTree, type Element } from './xml-tree.js';

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

/**
 * One entry, made from the model alone (`feed` writes the feed's head; every text of an entry is
 * the model's anyway). Children in this order: title, id, links (alternate, translations,
 * enclosure), updated, summary, categories, content, authors, published; an entry in another
 * language than its feed says so (a combined multilingual feed).
 */
export function atomEntryElement(item: FeedItemModel, feedLang: string): Element {
  const title = makeElement('title');
  setTextConstruct(title, item.title);
  // A title written as escaped HTML (see setTextConstruct) is also its own link's title, as plain text:
  // the one place a browser showing the feed with CSS (feed.css) can read it exactly.
  const plainTitle = MARKUP_LIKE.test(item.title) ? item.title : undefined;
  const links: Element[] = [makeElement('link', { rel: 'alternate', type: XHTML_TYPE, hreflang: item.lang, href: item.url, title: plainTitle })];
  // One alternate per other language version (RFC 4287 §4.2.7.4 hreflang).
  for (const translation of item.translations) {
    links.push(makeElement('link', { rel: 'alternate', type: XHTML_TYPE, hreflang: translation.lang, href: translation.url, title: translation.title }));
  }
  // The version for a reader whose language none of them is: the default language's, as HTML's
  // hreflang="x-default" says (a private-use tag, valid in atom:link's hreflang).
  if (item.defaultVersionUrl !== undefined) links.push(makeElement('link', { rel: 'alternate', type: XHTML_TYPE, hreflang: 'x-default', href: item.defaultVersionUrl }));
  if (item.image) links.push(makeElement('link', { rel: 'enclosure', type: item.image.mediaType, href: item.image.url, length: item.image.lengthBytes }));
  const children: Element[] = [title, makeElement('id', {}, item.id), ...links, makeElement('updated', {}, item.updated.toISOString())];
  if (item.summary) {
    const summary = makeElement('summary');
    setTextConstruct(summary, item.summary);
    children.push(summary);
  }
  const categories = item.tags.map((tag) => makeElement('category', { term: tag, label: tag }));
  const rest = [...item.authors.map(authorElement), makeElement('published', {}, item.published.toISOString())];
  if (item.contentHtml) children.push(...categories, makeElement('content', { type: 'html' }, item.contentHtml), ...rest);
  else children.push(...rest, ...categories);
  return makeElement('entry', item.lang === feedLang ? {} : { 'xml:lang': item.lang }, children);
}

/** An entry's text as it stands in its feed: a line of its own, indented under `<feed>`. */
export function atomEntryText(item: FeedItemModel, feedLang: string): string {
  return `\n${writeElement(atomEntryElement(item, feedLang), '  ', PLAIN_TEXT)}`;
}

export function toAtom(model: FeedModel): string {
  const tree = parseXmlTree(createFeed({ ...model, items: [] }, defuseCdata).atom1());
  setStylesheet(tree, model.stylesheet);
  const feed = childElements(tree, 'feed')[0]!;
  fixFeedHead(feed, model);
  addArchiveLinks(feed, feed, 'entry', model.archive, { element: 'link', format: 'atom', type: 'application/atom+xml' });
  // Atom's extension elements come before the entries (RFC 4287, appendix B).
  feed.elements = [...(feed.elements ?? []), ...(model.browserNote ? [browserNoteElement(model.browserNote)] : []), ...model.items.map((item) => atomEntryElement(item, model.lang))];
  return writeXmlTree(tree, PLAIN_TEXT);
}
