// Pure: Markdown text → markdown-it's token stream, for checks that look at a body without rendering it.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

export type { Token };

/**
 * The renderer's options, so checks see what the renderer will see: raw HTML, and the nesting
 * limit (markdown-it's default, written out: find-deep-nesting reports what lies past it).
 */
export const MARKDOWN_OPTIONS = { html: true, linkify: false, typographer: false, maxNesting: 100 } as const;

const markdown = new MarkdownIt(MARKDOWN_OPTIONS);

export function parseMarkdownTokens(body: string): Token[] {
  return markdown.parse(body, {});
}
