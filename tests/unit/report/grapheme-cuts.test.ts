// Texts polyfeed shortens for people (coverage keys, values quoted in problems) are cut between grapheme clusters.
import { describe, expect, test } from 'vitest';
import { truncateMiddle } from '../../../src/report/format-coverage-text.js';
import { describeValue } from '../../../src/model/error-catalogue/wording.js';

describe('shortened texts keep whole characters', () => {
  test('an article key with a Devanagari vowel sign keeps it with its letter', () => {
    const key = `2025-03-${'a'.repeat(7)}किताब-${'b'.repeat(23)}`;
    const short = truncateMiddle(key, 32);
    expect(short).toBe('2025-03-aaaaaaaकि…bbbbbbbbbbbbbbb');
    expect([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(short)]).toHaveLength(32);
  });

  test('a long value quoted in a problem is not cut inside a surrogate pair', () => {
    const described = describeValue(`${'a'.repeat(56)}😀 oops and more text after it`);
    expect(described).toBe(JSON.stringify(`${'a'.repeat(56)}😀...`));
    expect(described).not.toMatch(/\\ud83d/);
  });
});
