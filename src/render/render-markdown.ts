// Pure: Markdown body → sanitized HTML with absolute URLs.
import MarkdownIt from 'markdown-it';
import type { UrlBases } from '../urls/resolve-site-url.js';
import { MARKDOWN_OPTIONS } from '../validate/parse-markdown-tokens.js';
import { sanitizeItemHtml } from './sanitize-html.js';

/** Turns Markdown into safe HTML whose links and images are absolute. */
export type MarkdownRenderer = (markdown: string, bases: UrlBases) => string;

export function createMarkdownRenderer(): MarkdownRenderer {
  // Raw HTML is allowed through markdown-it and then sanitized, so authors can use <sup> or <abbr>.
  const markdown = new MarkdownIt(MARKDOWN_OPTIONS);
  return (source, bases) => sanitizeItemHtml(markdown.render(source), bases);
}
