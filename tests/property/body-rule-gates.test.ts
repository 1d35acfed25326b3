// Property: each body rule's quick test (on undecoded UTF-8 bytes) says no only when the rule's finder
// finds nothing in the decoded body, and the control-character test is exact: one set of characters, two forms.
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { findControlCharacters, hasControlCharacterInUtf8 } from '../../src/model/find-control-characters.js';
import { BODY_RULES } from '../../src/validate/body-rules.js';
import { isEmptyBody, mayBeEmptyBody } from '../../src/validate/is-empty-body.js';

/** Characters at the edges of the control set, in each UTF-8 length, and Markdown that some rule looks at. */
const PIECES = [
  '\u0000', '\u0008', '\t', '\n', '\u000B', '\u000C', '\r', '\u000E', '\u001F', ' ', '~', '\u007F', '\u0080', '\u009F', '\u00A0', '©', 'é',
  '\u07FF', '\u0800', '日本', '\uFEFF', '\uFF0C', '\uFFFD', '\uFFFE', '\uFFFF', '😀', '\u3000', '\u2028', '\u0085',
  '<script>', '<Style>', '`<iframe>`', '> ', '- ', '1. ', '  ', '>'.repeat(30), '- '.repeat(30), 'text', '![a](/b.jpg)',
];
const body = fc.oneof(
  { arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join('')), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
);

/** The body as the quick path holds it: its UTF-8 bytes after a front matter, read one byte per character. */
function undecoded(text: string) {
  const head = Buffer.from('---\ntitle: T\n---\n', 'utf8');
  const bytes = Buffer.concat([head, Buffer.from(text, 'utf8')]);
  return { bytes, start: head.length, latin1: bytes.toString('latin1', head.length) };
}

test.prop([body], { numRuns: 3000 })('the control-character test over bytes says yes exactly when findControlCharacters finds one', (text) => {
  const decoded = Buffer.from(text, 'utf8').toString('utf8'); // lone surrogates become U+FFFD, as a file holds them
  expect(hasControlCharacterInUtf8(Buffer.from(decoded, 'utf8'))).toBe(findControlCharacters(decoded, 'f').length > 0);
});

test.prop([body], { numRuns: 3000 })('a rule whose quick test says no finds nothing', (text) => {
  const decoded = Buffer.from(text, 'utf8').toString('utf8');
  const quick = undecoded(decoded);
  for (const rule of BODY_RULES) {
    if (!rule.mayFind(quick)) expect(rule.find(decoded, 'articles/a/en.md', 5)).toEqual([]);
  }
  if (isEmptyBody(decoded)) expect(mayBeEmptyBody(quick.latin1)).toBe(true);
});
