// Pure: the rules a Markdown body alone is held to, each defined once: the careful path's finder and the quick path's test.
import type { BuildError } from '../model/build-error.js';
import { findControlCharacters, hasControlCharacterInUtf8 } from '../model/find-control-characters.js';
import { findDeepNesting, mayNestTooDeep } from './find-deep-nesting.js';
import { findUnsafeHtml, mayHoldUnsafeHtml } from './find-unsafe-html.js';

/** A body as the quick path holds it: valid UTF-8, not decoded. */
export interface UndecodedBody {
  /** The whole file's bytes. */
  readonly bytes: Uint8Array;
  /** Where the body starts in them. */
  readonly start: number;
  /** The body's bytes read one byte per character (latin1): ASCII patterns find in it what they find in the decoded body. */
  readonly latin1: string;
}

/** One rule, in both paths' terms. */
export interface BodyRule {
  /** Every problem of its kind in the decoded body, at its line (the careful path). */
  readonly find: (body: string, file: string, bodyStartLine: number) => BuildError[];
  /** False only when `find` would find nothing (the quick path's test, as cheap as it can be). */
  readonly mayFind: (body: UndecodedBody) => boolean;
}

/**
 * Every rule of the body alone, in the order their problems are reported. The careful path
 * (validateArticle) runs each `find`; the quick path (summarizeCleanArticle) is taken only when
 * no `mayFind` says yes, so a rule added here is held in both.
 */
export const BODY_RULES: readonly BodyRule[] = [
  { find: findControlCharacters, mayFind: ({ bytes, start }) => hasControlCharacterInUtf8(bytes, start) },
  { find: findDeepNesting, mayFind: ({ latin1 }) => mayNestTooDeep(latin1) },
  { find: findUnsafeHtml, mayFind: ({ latin1 }) => mayHoldUnsafeHtml(latin1) },
];
