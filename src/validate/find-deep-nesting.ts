// Pure: Markdown body → a MARKDOWN_TOO_DEEP problem where the renderer would silently drop the rest of a block.
import MarkdownIt from 'markdown-it';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import { MARKDOWN_OPTIONS } from './parse-markdown-tokens.js';

/**
 * Only lists and block quotes nest block parsing. Each level's opening line starts with its
 * markers: a ">" (one level), a list marker and its space (two levels), or the indentation that
 * puts it in a list item (a space at most one level, a tab at most four). A line whose leading run
 * of such units is shorter than a quarter of maxNesting cannot reach the limit.
 */
const UNITS_TO_REACH_LIMIT = Math.ceil(MARKDOWN_OPTIONS.maxNesting / 4);
const DEEP_PREFIX = new RegExp(`^(?:[ \\t>]|[-*+][ \\t]|\\d{1,9}[.)][ \\t]){${UNITS_TO_REACH_LIMIT},}`);

/** The characters those units are made of: a line's leading run of them holds any deep prefix it has. */
const PREFIX_CHARACTERS = new Uint8Array(128);
for (const character of ' \t>-*+.)0123456789') PREFIX_CHARACTERS[character.charCodeAt(0)] = 1;

/**
 * Whether the body may nest past markdown-it's maxNesting (the patterns are ASCII, so any
 * decoding of the bytes will do). The quick path sends such a body to the careful one. Each line's
 * leading run of prefix characters is measured by hand, and only a run long enough to hold the
 * units is given to the pattern: one pattern over the whole body, tried at every line start,
 * cost more than the rest of the quick path's checks together.
 */
export function mayNestTooDeep(body: string): boolean {
  for (let start = 0; start < body.length; ) {
    let end = start;
    while (end < body.length && PREFIX_CHARACTERS[body.charCodeAt(end)] === 1) end++;
    if (end - start >= UNITS_TO_REACH_LIMIT && DEEP_PREFIX.test(body.slice(start, end))) return true;
    const newline = body.indexOf('\n', end);
    if (newline === -1) return false;
    start = newline + 1;
  }
  return false;
}

interface NestingEnv {
  /** The 0-based body line where the parser gave up, if it did. */
  droppedLine?: number;
}

/**
 * markdown-it's block parser, once at maxNesting, skips every line left in the container it is
 * in, without a word (for a list item: to the end of the document). The parser is the renderer's,
 * with its block tokenizer watched: entering it at the limit with text left to parse is that case.
 */
const watched = new MarkdownIt(MARKDOWN_OPTIONS);
const tokenize = watched.block.tokenize.bind(watched.block);
watched.block.tokenize = (state, startLine, endLine) => {
  if (state.level >= MARKDOWN_OPTIONS.maxNesting) {
    const line = state.skipEmptyLines(startLine);
    const env = state.env as NestingEnv;
    if (line < endLine && env.droppedLine === undefined) env.droppedLine = line;
  }
  tokenize(state, startLine, endLine);
};

/** Where lists or block quotes nest past the limit, the text from there on would not be published. */
export function findDeepNesting(body: string, file: string, bodyStartLine: number): BuildError[] {
  if (!mayNestTooDeep(body)) return [];
  const env: NestingEnv = {};
  watched.parse(body, env);
  if (env.droppedLine === undefined) return [];
  return [
    makeError('MARKDOWN_TOO_DEEP', { maxNesting: MARKDOWN_OPTIONS.maxNesting }, { file, line: bodyStartLine + env.droppedLine, column: 1 }),
  ];
}
