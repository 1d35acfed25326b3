// Pure: an item template's output → that output held to the Markdown body's sanitizer, without sanitizing the body twice.
import Handlebars from 'handlebars';
import type { UrlBases } from '../urls/resolve-site-url.js';
import { sanitizeTemplateHtml } from './sanitize-html.js';

/** Stands for the body while the rest of the template's output is sanitized; no source text can hold it (control characters are refused). */
const BODY_MARK = '\u0001polyfeed-body\u0001';

/**
 * `render(body)` runs the template with `body` as its body. Whatever a template writes (front-matter
 * text put in raw with {{{…}}}, an href built from a field) goes through the sanitizer. The body is
 * sanitized HTML already, and it is most of an item: the template is rendered with a mark in its
 * place, that output is sanitized, and the body put where the mark is. When the mark is not
 * there exactly once, in text (the template leaves the body out, repeats it or puts it in an
 * attribute, or a label holds the mark), the whole output is sanitized with the body in it.
 */
export function renderSanitized(render: (body: Handlebars.SafeString) => string, bodyHtml: string, bases: UrlBases): string {
  const marked = sanitizeTemplateHtml(render(new Handlebars.SafeString(BODY_MARK)), bases);
  const at = marked.indexOf(BODY_MARK);
  if (at !== -1 && marked.indexOf(BODY_MARK, at + 1) === -1 && isTextPosition(marked, at)) {
    return marked.slice(0, at) + bodyHtml + marked.slice(at + BODY_MARK.length);
  }
  return sanitizeTemplateHtml(render(new Handlebars.SafeString(bodyHtml)), bases);
}

/** In sanitized HTML every raw "<" opens a tag and every raw ">" closes one (attribute values have them escaped). */
export function isTextPosition(html: string, index: number): boolean {
  return html.lastIndexOf('>', index) >= html.lastIndexOf('<', index);
}
