// Pure: Markdown body → warnings for raw HTML elements the sanitizer removes together with their content.
import { parseMarkdownTokens, type Token } from './parse-markdown-tokens.js';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';

// Elements whose content goes with them (an unclosed <style> takes the rest of the article along).
const REMOVED_WITH_CONTENT = /<(script|style|iframe|frame|frameset|object|embed|svg|math|form|noscript|textarea|template|xmp|plaintext|select)\b/gi;
const MAY_HOLD_REMOVED = new RegExp(REMOVED_WITH_CONTENT.source, 'i');

/** True when the body may hold HTML that findUnsafeHtml would warn about (the patterns are ASCII, so any decoding of the bytes will do). */
export function mayHoldUnsafeHtml(body: string): boolean {
  return body.includes('<') && MAY_HOLD_REMOVED.test(body);
}


function htmlTokens(tokens: readonly Token[], into: Token[] = []): Token[] {
  for (const token of tokens) {
    if (token.type === 'html_block' || token.type === 'html_inline') into.push(token);
    if (token.children) htmlTokens(token.children, into);
  }
  return into;
}

/**
 * Such HTML is never published, so an author deserves to know it went missing. Only raw HTML
 * counts: the same text in a code span or block is shown as text and is fine.
 */
export function findUnsafeHtml(body: string, file: string, bodyStartLine: number): BuildError[] {
  if (!mayHoldUnsafeHtml(body)) return [];
  const lines = body.split('\n');
  const warnings: BuildError[] = [];
  const seen = new Set<string>();
  for (const token of htmlTokens(parseMarkdownTokens(body))) {
    for (const match of token.content.matchAll(REMOVED_WITH_CONTENT)) {
      const [start, end] = token.map ?? [0, lines.length];
      const lineOffset = lines.slice(start, end).findIndex((line) => line.includes(match[0]));
      const line = bodyStartLine + start + Math.max(0, lineOffset);
      const tag = match[1]!.toLowerCase();
      if (seen.has(`${line}:${tag}`)) continue;
      seen.add(`${line}:${tag}`);
      warnings.push(
        makeError('UNSAFE_HTML_REMOVED', { tag }, {
          file,
          line,
          severity: 'warning',
        }),
      );
    }
  }
  return warnings;
}
