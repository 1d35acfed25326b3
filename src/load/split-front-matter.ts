// Pure: Markdown file text → front-matter YAML text, body text and where each starts.
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';

/** The two parts of an article file. Line numbers are 1-based lines of the file. */
export interface FrontMatterSplit {
  readonly yamlText: string;
  /** The file line on which the YAML text's first line stands. */
  readonly yamlStartLine: number;
  readonly body: string;
  /** The file line on which the body's first line stands. */
  readonly bodyStartLine: number;
}

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*$/;

/**
 * A byte order mark and CRLF line endings are accepted: they are common in files saved on
 * Windows, and removing them changes no line or column a report points at.
 */
export function normalizeNewlines(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

/** Splits `---\nyaml\n---\nbody`. The text must already be normalized. */
export function splitFrontMatter(text: string, file: string): { value?: FrontMatterSplit; errors: BuildError[] } {
  const firstNewline = text.indexOf('\n');
  const firstLine = firstNewline === -1 ? text : text.slice(0, firstNewline);
  if (!FENCE.test(firstLine)) {
    return {
      errors: [
        makeError('FRONT_MATTER_MISSING', { kind: 'no-opening-line' }, {
          file,
          line: 1,
          column: 1,
        }),
      ],
    };
  }
  let lineStart = firstNewline + 1;
  let lineNumber = 2;
  while (firstNewline !== -1 && lineStart <= text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
    if (CLOSING_FENCE.test(line)) {
      const bodyStart = lineEnd === -1 ? text.length : lineEnd + 1;
      return {
        value: {
          yamlText: text.slice(firstNewline + 1, lineStart),
          yamlStartLine: 2,
          body: text.slice(bodyStart),
          bodyStartLine: lineNumber + 1,
        },
        errors: [],
      };
    }
    if (lineEnd === -1) break;
    lineStart = lineEnd + 1;
    lineNumber += 1;
  }
  return {
    errors: [
      makeError('FRONT_MATTER_UNCLOSED', {}, {
        file,
        line: 1,
        column: 1,
      }),
    ],
  };
}
