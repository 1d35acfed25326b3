// Pure: untrusted HTML → HTML safe for feed readers, with every link and image made absolute.
import sanitizeHtml from 'sanitize-html';
import { resolveSiteUrl, type UrlBases } from '../urls/resolve-site-url.js';

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'kbd', 'samp',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'mark',
  'sub', 'sup', 'small', 'abbr', 'cite', 'q', 'span', 'a', 'img', 'figure', 'figcaption',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'bdi', 'bdo', 'time',
];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': ['lang', 'dir', 'title'],
  a: ['href', 'hreflang', 'rel'],
  img: ['src', 'alt', 'width', 'height'],
  time: ['datetime'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  ol: ['start'],
};

/** What an item template adds around the body: a wrapping <div> and class names to style by. */
const TEMPLATE_TAGS = [...ALLOWED_TAGS, 'div'];
const TEMPLATE_ATTRIBUTES = { ...ALLOWED_ATTRIBUTES, '*': [...ALLOWED_ATTRIBUTES['*']!, 'class'] };

function sanitize(html: string, bases: UrlBases, allowedTags: string[], allowedAttributes: Record<string, string[]>): string {
  const absolutize = (attribute: 'href' | 'src') => (tagName: string, attributes: sanitizeHtml.Attributes) => {
    const value = attributes[attribute];
    const next = { ...attributes };
    if (value !== undefined) {
      const absolute = resolveSiteUrl(value, bases);
      if (absolute === undefined) delete next[attribute];
      else next[attribute] = absolute;
    }
    return { tagName, attribs: next };
  };
  return sanitizeHtml(html, {
    allowedTags,
    allowedAttributes,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: { a: absolutize('href'), img: absolutize('src') },
  });
}

/**
 * Keeps a conservative allow-list (no script, style, iframe, svg, form, event handler or
 * inline style) and only http(s) and mailto URLs, resolved against the article's address.
 */
export function sanitizeItemHtml(html: string, bases: UrlBases): string {
  return sanitize(html, bases, ALLOWED_TAGS, ALLOWED_ATTRIBUTES);
}

/**
 * A template's whole output (front-matter text put in raw with {{{…}}} included): the same
 * allow-list and URL schemes as a Markdown body, plus <div> and class attributes.
 */
export function sanitizeTemplateHtml(html: string, bases: UrlBases): string {
  return sanitize(html, bases, TEMPLATE_TAGS, TEMPLATE_ATTRIBUTES);
}
