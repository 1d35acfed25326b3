// Pure: RFC 5005 (Feed Paging and Archiving) in the XML formats: the `fh` namespace, and a document's archive links and mark.
import type { FeedModel } from './feed-model.js';
import { makeElement, type Element } from './xml-tree.js';

/** The `fh` namespace of archived feeds (`fh:archive`). */
export const FEED_HISTORY_NAMESPACE = 'http://purl.org/syndication/history/1.0';

/** How one XML format writes the links: the element (`link` in Atom, `atom:link` in RSS), the format's own URLs and media type. */
export interface ArchiveLinkStyle {
  readonly element: 'link' | 'atom:link';
  readonly format: 'atom' | 'rss';
  readonly type: string;
}

/**
 * RFC 5005 section 4: links to the current feed and the neighbouring archive pages, and
 * `fh:archive` in an archive document, put into `parent` before its first `itemName`; the root
 * declares the `fh` namespace when it is used.
 */
export function addArchiveLinks(root: Element, parent: Element, itemName: string, archive: FeedModel['archive'], style: ArchiveLinkStyle): void {
  if (!archive) return;
  const relations = [
    ['current', archive.current],
    ['prev-archive', archive.prevArchive],
    ['next-archive', archive.nextArchive],
  ] as const;
  const added = relations.flatMap(([rel, urls]) => (urls ? [makeElement(style.element, { href: urls[style.format], rel, type: style.type })] : []));
  if (archive.isArchive) {
    root.attributes = { ...root.attributes, 'xmlns:fh': FEED_HISTORY_NAMESPACE };
    added.push(makeElement('fh:archive', {}, []));
  }
  const children = parent.elements ?? [];
  const firstItem = children.findIndex((child) => child.name === itemName);
  children.splice(firstItem === -1 ? children.length : firstItem, 0, ...added);
  parent.elements = children;
}
