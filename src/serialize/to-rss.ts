// Pure: FeedModel → RSS 2.0 text: the channel is `feed`'s, corrected where the RSS 2.0 spec or
// readers need more; the items are made here from the model.
import type { FeedItemModel, FeedModel } from './feed-model.js';
import { createFeed, defuseCdata } from './create-feed.js';
import { escapeHtmlText } from './escape-html-text.js';
import { addArchiveLinks } from './feed-history.js';
import { browserNoteElement } from './browser-note.js';
import { childElements, makeElement, parseXmlTree, setStylesheet, setText, type Element, writeElement, writeXmlTree } from './xml-tree.js';

function setChildText(parent: Element, name: string, text: string): void {
  const element = childElements(parent, name)[0];
  if (element) setText(element, text);
}

/**
 * One item, made from the model alone (`feed` writes the channel; every text of an item is the
 * model's anyway). Children in this order: title (unless empty), link, guid, pubDate, description, content:encoded,
 * enclosure, categories, authors; an item in another language than its channel says so in
 * `dc:language` (a combined multilingual feed: RSS 2.0 has no language of its own per item).
 */
export function rssItemElement(item: FeedItemModel, feedLang: string): Element {
  const children: Element[] = [
    // An empty title is left out (RSS 2.0: an item needs a title or a description).
    ...(item.title ? [makeElement('title', {}, item.title)] : []),
    makeElement('link', {}, item.url),
    // A guid that is the item's URL is a permalink; any other id is not (RSS 2.0 <guid>).
    makeElement('guid', { isPermaLink: item.id === item.url ? 'true' : 'false' }, item.id),
    makeElement('pubDate', {}, item.published.toUTCString()),
  ];
  // RSS readers treat description as HTML: the plain-text summary is escaped once for that.
  if (item.summary) children.push(makeElement('description', {}, escapeHtmlText(item.summary)));
  if (item.contentHtml) children.push(makeElement('content:encoded', {}, item.contentHtml));
  // RSS 2.0 requires length; 0 is the convention when the size is not known (an image on another host).
  if (item.image?.mediaType) children.push(makeElement('enclosure', { url: item.image.url, length: item.image.lengthBytes ?? 0, type: item.image.mediaType }));
  for (const tag of item.tags) children.push(makeElement('category', {}, tag));
  // <author> must be an e-mail address, so names without one go into dc:creator; readers and
  // the W3C validator reject an item mixing both, so one author without e-mail moves all to dc:creator.
  const allHaveEmail = item.authors.every((author) => author.email);
  for (const author of item.authors) {
    children.push(allHaveEmail ? makeElement('author', {}, `${author.email} (${author.name})`) : makeElement('dc:creator', {}, author.name));
  }
  if (item.lang !== feedLang) children.push(makeElement('dc:language', {}, item.lang));
  return makeElement('item', {}, children);
}

/** An item's text as it stands in its feed: a line of its own, indented under `<channel>`. */
export function rssItemText(item: FeedItemModel, feedLang: string): string {
  return `\n${writeElement(rssItemElement(item, feedLang), '    ', PLAIN_TEXT)}`;
}

/** The Syndication module (RDF Site Summary 1.0 Modules: Syndication) says the same as <ttl> to readers that read only it. */
function addUpdatePeriod(rss: Element, channel: Element, ttlMinutes: number): void {
  rss.attributes = { ...rss.attributes, 'xmlns:sy': 'http://purl.org/rss/1.0/modules/syndication/' };
  const [period, frequency] = ttlMinutes <= 60 ? ['hourly', Math.round(60 / ttlMinutes)] : ttlMinutes <= 1440 ? ['daily', Math.max(1, Math.round(1440 / ttlMinutes))] : ['weekly', 1];
  const elements = channel.elements ?? [];
  const firstItem = elements.findIndex((child) => child.name === 'item');
  elements.splice(firstItem === -1 ? elements.length : firstItem, 0, makeElement('sy:updatePeriod', {}, String(period)), makeElement('sy:updateFrequency', {}, String(frequency)));
  channel.elements = elements;
}

/**
 * Elements RSS readers may take for HTML although they hold plain text (and the item description,
 * which holds HTML-escaped text): written with hexadecimal references for "&", "<", ">", as the
 * RSS Best Practices Profile says, so no reader or validator reads "the <title> element" as markup.
 */
const PLAIN_TEXT = new Set(['title', 'description', 'copyright', 'category', 'dc:creator', 'author']);

export function toRss(model: FeedModel): string {
  const tree = parseXmlTree(createFeed({ ...model, items: [] }, defuseCdata).rss2());
  setStylesheet(tree, model.stylesheet);
  const rss = childElements(tree, 'rss')[0]!;
  // A fixed order: `feed` declares dc and content only when some item has content, which would
  // make the root of a feed with no items differ from the head of one with items.
  rss.attributes = {
    version: '2.0',
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
  };
  const channel = childElements(rss, 'channel')[0]!;
  setChildText(channel, 'title', model.title);
  setChildText(channel, 'description', model.description);
  setChildText(channel, 'copyright', model.copyright);
  const image = childElements(channel, 'image')[0];
  if (image) setChildText(image, 'title', model.title);
  if (model.ttlMinutes) addUpdatePeriod(rss, channel, model.ttlMinutes);
  addArchiveLinks(rss, channel, 'item', model.archive, { element: 'atom:link', format: 'rss', type: 'application/rss+xml' });
  channel.elements = [...(channel.elements ?? []), ...(model.browserNote ? [browserNoteElement(model.browserNote)] : []), ...model.items.map((item) => rssItemElement(item, model.lang))];
  return writeXmlTree(tree, PLAIN_TEXT);
}
