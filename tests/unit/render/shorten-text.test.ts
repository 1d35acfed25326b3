import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { shortenText } from '../../../src/render/shorten-text.js';

const graphemes = (text: string, lang: string) => Array.from(new Intl.Segmenter(lang, { granularity: 'grapheme' }).segment(text), (part) => part.segment);
const wordEnds = (text: string, lang: string) => new Set(Array.from(new Intl.Segmenter(lang, { granularity: 'word' }).segment(text), (part) => part.index + part.segment.length));

describe('shortenText', () => {
  test('a text that fits is kept whole, its white space made single spaces', () => {
    expect(shortenText('  Short\n\ntext  here ', 40, 'en')).toBe('Short text here');
  });

  test('English is cut after the last whole word that fits, without the trailing comma, then an ellipsis', () => {
    expect(shortenText('The quick brown fox, jumps over the lazy dog.', 22, 'en')).toBe('The quick brown fox…');
  });

  test('Japanese is cut between words as Intl.Segmenter finds them, never inside one', () => {
    const text = '東京で流星群が見られます。今夜は晴れる見込みです。';
    const short = shortenText(text, 10, 'ja');
    expect(short.endsWith('…')).toBe(true);
    const kept = short.slice(0, -1);
    expect(text.startsWith(kept)).toBe(true);
    expect(wordEnds(text, 'ja').has(kept.length)).toBe(true);
    expect(graphemes(short, 'ja').length).toBeLessThanOrEqual(10);
  });

  test('combining sequences and emoji count as one character each and are never split', () => {
    expect(shortenText('e\u0301'.repeat(8), 4, 'fr')).toBe('e\u0301e\u0301e\u0301…');
    expect(shortenText('👩🏽‍🚀'.repeat(6), 3, 'en')).toBe('👩🏽‍🚀👩🏽‍🚀…');
  });

  test('Arabic is cut between words, right-to-left text left in logical order', () => {
    const short = shortenText('سقط المطر على المدينة طوال الليل، وغمرت المياه الشوارع', 25, 'ar');
    expect(short).toBe('سقط المطر على المدينة…');
  });

  test('for any text and length: at most that many grapheme clusters, a prefix of the text cut on a grapheme boundary', () => {
    const pieces = fc.constantFrom('a', 'word', ' ', 'é', 'e\u0301', '😀', '👩🏽‍🚀', '東京', 'は', '。', ', ', 'مرحبا', '\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom('en', 'ja', 'ar'), (parts, max, lang) => {
        const flat = parts.join('').replace(/\s+/gu, ' ').trim();
        const short = shortenText(parts.join(''), max, lang);
        expect(graphemes(short, lang).length).toBeLessThanOrEqual(Math.max(max, 1));
        if (short === flat) return;
        expect(short.endsWith('…')).toBe(true);
        const kept = short.slice(0, -1);
        expect(flat.startsWith(kept)).toBe(true);
        // A grapheme boundary of the whole text: the kept part's clusters are the text's first clusters.
        const all = graphemes(flat, lang);
        expect(all.slice(0, graphemes(kept, lang).length).join('')).toBe(kept);
      }),
    );
  });
});
