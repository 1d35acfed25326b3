// Property: the quick test for Markdown that may nest past the parser's limit (a loop over line
// starts) says yes exactly when the one pattern over the whole body, tried at every line start, does.
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { mayNestTooDeep } from '../../src/validate/find-deep-nesting.js';

/** The definition the loop stands in for: 25 units (a quarter of maxNesting 100) at the start of a line. */
const WHOLE_BODY_PATTERN = /^(?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t]){25,}/m;

const UNITS = [' ', '\t', '>', '- ', '* ', '+\t', '1. ', '12) ', '123456789. ', '1234567890. ', '-', '*', '.', ')', '9'];
const TEXT = ['', 'word', '\n', 'a > b', '- x', '\n\n', '1.5', 'é'];
const line = fc
  .tuple(fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }), fc.constantFrom(...TEXT))
  .map(([units, text]) => units.join('') + text);
const body = fc.array(line, { maxLength: 6 }).map((lines) => lines.join('\n'));

test.prop([body], { numRuns: 2000 })('agrees with the pattern over the whole body', (text) => {
  expect(mayNestTooDeep(text)).toBe(WHOLE_BODY_PATTERN.test(text));
});
