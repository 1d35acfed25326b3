import { describe, expect, test } from 'vitest';
import { estimateReadingMinutes } from '../../../src/render/estimate-reading-minutes.js';

const words = (count: number, word = 'word') => Array.from({ length: count }, () => word).join(' ');

describe('estimateReadingMinutes', () => {
  test('English: about 200 words a minute', () => {
    expect(estimateReadingMinutes(words(400))).toBe(2);
    expect(estimateReadingMinutes(words(1000))).toBe(5);
    expect(estimateReadingMinutes(words(1100))).toBe(6);
  });

  test('Japanese: about 500 characters a minute, though it has no spaces', () => {
    const sentence = '日本語の文章ですひらがなとカタカナ'; // 17 characters, no spaces
    const text = sentence.repeat(59).slice(0, 1000);
    expect(estimateReadingMinutes(text)).toBe(2);
    expect(estimateReadingMinutes('漢'.repeat(2500))).toBe(5);
  });

  test('Japanese punctuation is not read as characters', () => {
    expect(estimateReadingMinutes('。、「」'.repeat(2000))).toBe(1);
  });

  test('Korean Hangul counts as CJK characters', () => {
    expect(estimateReadingMinutes('한'.repeat(1500))).toBe(3);
  });

  test('Arabic counts words like English', () => {
    expect(estimateReadingMinutes(words(600, 'كلمة'))).toBe(3);
  });

  test('mixed English and Japanese adds both rates', () => {
    expect(estimateReadingMinutes(`${words(200)} ${'字'.repeat(500)}`)).toBe(2);
  });

  test('punctuation and Markdown syntax are not words', () => {
    expect(estimateReadingMinutes(`${words(400)} ${'** -- ## > | '.repeat(300)}`)).toBe(2);
  });

  test('short or empty text is one minute, never zero', () => {
    expect(estimateReadingMinutes('')).toBe(1);
    expect(estimateReadingMinutes('Hello.')).toBe(1);
    expect(estimateReadingMinutes(words(50))).toBe(1);
  });
});
