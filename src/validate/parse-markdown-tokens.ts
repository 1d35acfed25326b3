// Pure: Markdown text → markdown-it's token stream, for checks that look at a body without rendering it.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

export type { Token };

// The same options as the renderer, so checks see the raw HTML the renderer will see.
const markdown = new MarkdownIt({ html: true });

export function parseMarkdownTokens(body: string): Token[] {
  return markdown.parse(body, {});
}
