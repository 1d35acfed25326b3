// Pure: an item's body HTML → a plain-text summary of it, for an article whose front matter gives none (config `summaryLength`).
import { parseDocument, DomUtils } from 'htmlparser2';
import { shortenText } from './shorten-text.js';

/**
 * The text of the body's paragraphs, in order, until there is enough (a paragraph holding only an
 * image has none); a body without paragraphs gives all its text. Shortened to `maxCharacters`
 * grapheme clusters between words of `lang` (see shortenText). Undefined when the body has no text.
 */
export function summaryFromBody(bodyHtml: string, maxCharacters: number, lang: string): string | undefined {
  const document = parseDocument(bodyHtml);
  const paragraphs = document.children.filter(DomUtils.isTag).filter((element) => element.name === 'p');
  let text = '';
  for (const paragraph of paragraphs) {
    const own = DomUtils.textContent(paragraph).trim();
    if (own === '') continue;
    text = text === '' ? own : `${text} ${own}`;
    // Enough to cut from (a character is at most a few code units; the cut is made by grapheme clusters).
    if (text.length > maxCharacters * 4) break;
  }
  if (text === '') text = DomUtils.textContent(document).trim();
  return text === '' ? undefined : shortenText(text, maxCharacters, lang);
}
