// Pure: Markdown text → the image references in it (Markdown images and raw <img> tags), with their lines.
import { parseMarkdownTokens, type Token } from './parse-markdown-tokens.js';

export interface ImageReference {
  readonly src: string;
  /** 0-based line within the Markdown text. */
  readonly lineOffset: number;
}

const HTML_IMAGE_SOURCE = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/**
 * markdown-it gives lines to blocks, not to inline tokens: an image inside a paragraph is placed
 * on the first line of its block that holds its address, searching on from the previous image.
 */
function collect(tokens: readonly Token[], lines: readonly string[], into: ImageReference[]): void {
  for (const token of tokens) {
    const [start, end] = token.map ?? [0, lines.length];
    let cursor = start;
    const place = (src: string): number => {
      for (let line = cursor; line < end; line++) {
        if (lines[line]?.includes(src)) {
          cursor = line;
          return line;
        }
      }
      return start;
    };
    if (token.type === 'html_block') {
      for (const match of token.content.matchAll(HTML_IMAGE_SOURCE)) {
        const src = match[1] ?? match[2] ?? match[3] ?? '';
        into.push({ src, lineOffset: place(src) });
      }
    }
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'image') {
          const src = child.attrGet('src') ?? '';
          if (src) into.push({ src, lineOffset: place(src) });
        } else if (child.type === 'html_inline') {
          for (const match of child.content.matchAll(HTML_IMAGE_SOURCE)) {
            const src = match[1] ?? match[2] ?? match[3] ?? '';
            into.push({ src, lineOffset: place(src) });
          }
        }
      }
    }
  }
}

/** An inline image up to its address, the address captured: white space is what `space` (a character class's contents) matches. */
const inlineImagePattern = (space: string): RegExp => new RegExp(`!\\[[^\\]]*\\]\\([${space}]*<?([^)${space}>]*)`, 'y');
const INLINE_IMAGE = inlineImagePattern('\\s');
/**
 * The same, with ASCII white space only, for a text read one byte per character: a byte of a
 * UTF-8 character is never taken for white space, so an address runs at least as far as in the
 * decoded text, and whatever this finds safe is safe in the decoded text too.
 */
const INLINE_IMAGE_IN_BYTES = inlineImagePattern('\\t\\n\\v\\f\\r ');
const ABSOLUTE = /^(https?:)?\/\//i;

function mayHaveLocalImagesWith(body: string, inlineImage: RegExp): boolean {
  if (body.includes('<') && /<img/i.test(body)) return true;
  // Each "![" must open an inline image whose address is absolute, and no image may run into the next "![".
  for (let start = body.indexOf('!['); start !== -1; ) {
    inlineImage.lastIndex = start;
    const match = inlineImage.exec(body);
    if (!match || !ABSOLUTE.test(match[1] ?? '')) return true;
    const next = body.indexOf('![', start + 2);
    if (next !== -1 && next < inlineImage.lastIndex) return true;
    start = next;
  }
  return false;
}

/**
 * Parsing Markdown is the costly part of checking an article, so a body whose every image is
 * an inline image with an absolute URL (or that has none) is answered without parsing: it has
 * no local image to check. Anything else (reference images, raw <img>, odd brackets) is parsed.
 */
export function mayHaveLocalImages(body: string): boolean {
  return mayHaveLocalImagesWith(body, INLINE_IMAGE);
}

/** mayHaveLocalImages for the bytes of a UTF-8 text read one byte per character (latin1). */
export function mayHaveLocalImagesInBytes(body: string): boolean {
  return mayHaveLocalImagesWith(body, INLINE_IMAGE_IN_BYTES);
}

/** `everyImage`: images on other hosts too (remoteImages is set), not only those that may be on the site. */
export function findBodyImages(body: string, { everyImage = false } = {}): ImageReference[] {
  if (everyImage ? !/!\[|<img/i.test(body) : !mayHaveLocalImages(body)) return [];
  const references: ImageReference[] = [];
  collect(parseMarkdownTokens(body), body.split('\n'), references);
  return references;
}
