// Pure: Markdown text → the image references in it (Markdown images and raw <img> tags), with their lines.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

export interface ImageReference {
  readonly src: string;
  /** 0-based line within the Markdown text. */
  readonly lineOffset: number;
}

const markdown = new MarkdownIt({ html: true });
const HTML_IMAGE_SOURCE = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

function collect(tokens: readonly Token[], lineOffset: number, into: ImageReference[]): void {
  for (const token of tokens) {
    const line = token.map?.[0] ?? lineOffset;
    if (token.type === 'image') {
      const src = token.attrGet('src');
      if (src) into.push({ src, lineOffset: line });
    } else if (token.type === 'html_block' || token.type === 'html_inline') {
      for (const match of token.content.matchAll(HTML_IMAGE_SOURCE)) {
        into.push({ src: match[1] ?? match[2] ?? match[3] ?? '', lineOffset: line });
      }
    }
    if (token.children) collect(token.children, line, into);
  }
}

const INLINE_IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]*)/g;
const ABSOLUTE = /^(https?:)?\/\//i;

/**
 * Parsing Markdown is the costly part of checking an article, so a body whose every image is
 * an inline image with an absolute URL (or that has none) is answered without parsing: it has
 * no local image to check. Anything else (reference images, raw <img>, odd brackets) is parsed.
 */
function mayHaveLocalImages(body: string): boolean {
  if (!body.includes('![') && !/<img/i.test(body)) return false;
  if (/<img/i.test(body)) return true;
  const starts = body.split('![').length - 1;
  const inline = [...body.matchAll(INLINE_IMAGE)];
  return inline.length !== starts || inline.some((match) => !ABSOLUTE.test(match[1] ?? ''));
}

export function findBodyImages(body: string): ImageReference[] {
  if (!mayHaveLocalImages(body)) return [];
  const references: ImageReference[] = [];
  collect(markdown.parse(body, {}), 0, references);
  return references;
}
