// Pure: a feed's note for people who open it in a browser (FeedModel.browserNote) → the XHTML element RSS and Atom carry before their items.
import { XHTML_NAMESPACE } from '../model/site-pages.js';
import type { FeedModel } from './feed-model.js';
import { makeElement, type Element } from './xml-tree.js';

/**
 * `<div xmlns="http://www.w3.org/1999/xhtml" class="polyfeed-note" lang dir>` with the sentence and
 * the link to the subscribe page. Readers skip an element of a namespace they do not know (RSS 2.0
 * extensions, Atom's extensionElement), validators accept it, and a browser renders an
 * XHTML-namespaced element inside an XML document as HTML: its link can be followed, and its `dir`
 * gives the feed's direction to the stylesheet. No mixed content, so the writer indents it as any element.
 */
export function browserNoteElement(note: NonNullable<FeedModel['browserNote']>): Element {
  return makeElement('div', { xmlns: XHTML_NAMESPACE, class: 'polyfeed-note', lang: note.lang, dir: note.dir }, [
    makeElement('p', {}, note.text),
    makeElement('p', {}, [makeElement('a', { href: note.href }, note.linkText)]),
  ]);
}
