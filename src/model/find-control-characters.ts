// Pure: text, or valid UTF-8 bytes → the control characters no feed can carry, one set for both.
import type { BuildError } from './build-error.js';
import { makeError } from './build-error.js';

/**
 * The characters no feed can carry, as ranges of code points: C0 controls except tab, LF and CR;
 * DEL and the C1 controls; the non-characters U+FFFE and U+FFFF. The pattern over text and the
 * tables over UTF-8 bytes below are both made from this list (all of it below U+10000).
 */
const CONTROL_RANGES: readonly (readonly [first: number, last: number])[] = [
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x9f],
  [0xfffe, 0xffff],
];

const escaped = (codePoint: number): string => `\\u${codePoint.toString(16).padStart(4, '0')}`;
const CONTROL = new RegExp(`[${CONTROL_RANGES.map(([first, last]) => `${escaped(first)}-${escaped(last)}`).join('')}]`, 'g');

/** 1 for each code point in CONTROL_RANGES. */
const CONTROL_CODE_POINT = new Uint8Array(0x10000);
/** 1 for each byte that starts the UTF-8 form of one of them (in valid UTF-8, a lead byte is never a continuation byte). */
const CONTROL_LEAD = new Uint8Array(256);
for (const [first, last] of CONTROL_RANGES) {
  for (let codePoint = first; codePoint <= last; codePoint++) {
    CONTROL_CODE_POINT[codePoint] = 1;
    CONTROL_LEAD[codePoint < 0x80 ? codePoint : codePoint < 0x800 ? 0xc0 | (codePoint >> 6) : 0xe0 | (codePoint >> 12)] = 1;
  }
}

/**
 * Whether valid UTF-8 `bytes` hold, from `start` on, a character findControlCharacters reports:
 * the quick path's test, on bytes it does not decode. A loop over a byte table beats a pattern;
 * only a lead byte some control character shares with others (C2, EF) has its character decoded.
 */
export function hasControlCharacterInUtf8(bytes: Uint8Array, start = 0): boolean {
  for (let index = start; index < bytes.length; index++) {
    const lead = bytes[index]!;
    if (CONTROL_LEAD[lead] === 0) continue;
    if (lead < 0x80) return true;
    const second = bytes[index + 1]! & 0x3f;
    const codePoint = lead < 0xe0 ? ((lead & 0x1f) << 6) | second : ((lead & 0x0f) << 12) | (second << 6) | (bytes[index + 2]! & 0x3f);
    if (CONTROL_CODE_POINT[codePoint] === 1) return true;
  }
  return false;
}

/** The first control character in `text`, if any (the same set findControlCharacters reports). */
export function firstControlCharacter(text: string): string | undefined {
  CONTROL.lastIndex = 0;
  const match = CONTROL.exec(text);
  CONTROL.lastIndex = 0;
  return match?.[0];
}

/**
 * One error per line that holds such characters, at the first one. `firstLine` is the file line
 * the text starts on (the body's; front-matter fields are checked by the schema, escapes included).
 */
export function findControlCharacters(text: string, file: string, firstLine = 1): BuildError[] {
  const errors: BuildError[] = [];
  let lastLine = 0;
  for (const match of text.matchAll(CONTROL)) {
    const before = text.slice(0, match.index);
    const line = before.split('\n').length + firstLine - 1;
    if (line === lastLine) continue;
    lastLine = line;
    const column = match.index - before.lastIndexOf('\n');
    errors.push(makeError('CONTROL_CHARACTER', { kind: 'in-text', character: match[0] }, { file, line, column }));
  }
  return errors;
}
