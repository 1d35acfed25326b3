// Pure: labels a language takes from another (config `labelFallbacks`) marked as that language in an item's HTML.
import Handlebars from 'handlebars';
import { textDirection } from '../model/language-tag.js';
import { isTextPosition } from './sanitize-template-output.js';

/** Around a borrowed label while the template renders: no source text can hold these (control characters are refused). */
const OPEN = '\u0003';
const LANG_END = '\u0004';
const CLOSE = '\u0005';
const MARKED = /\u0003([^\u0004\u0005]*)\u0004([^\u0003\u0005]*)\u0005/g;

/** A label's text with marks saying it is in `lang`; text stays text and HTML stays HTML. */
export function markBorrowed(text: string | Handlebars.SafeString, lang: string): string | Handlebars.SafeString {
  if (typeof text === 'string') return new Handlebars.SafeString(`${OPEN}${lang}${LANG_END}${Handlebars.escapeExpression(text)}${CLOSE}`);
  return new Handlebars.SafeString(`${OPEN}${lang}${LANG_END}${text.toString()}${CLOSE}`);
}

/**
 * Each marked label of rendered (and sanitized) HTML in a `<span lang dir>` of its language where
 * it is text; where a template put it in an attribute, the marks are only taken out.
 */
export function resolveBorrowedMarks(html: string): string {
  if (!html.includes(OPEN)) return html;
  return html.replace(MARKED, (_whole, lang: string, text: string, offset: number) =>
    isTextPosition(html, offset) ? `<span lang="${lang}" dir="${textDirection(lang)}">${text}</span>` : text,
  );
}
