import { describe, expect, test } from 'vitest';
import { formatArticleDate } from '../../../src/render/format-article-date.js';
import { parseArticleDate } from '../../../src/model/iso-date-time.js';

/** ICU writes some spaces as U+202F or U+00A0; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const format = (iso: string, lang: string) => plain(formatArticleDate(parseArticleDate(iso), lang));

describe('formatArticleDate', () => {
  test('shows the wall time in the offset the author wrote, not UTC', () => {
    // 16:30 in Hanoi is 09:30 UTC.
    const text = format('2019-02-28T16:30:00+07:00', 'en');
    expect(text).toContain('February 28, 2019');
    expect(text).toContain('4:30 PM');
    expect(text).not.toContain('9:30');
  });

  test('the date is the one written, even when UTC is already the next day', () => {
    const text = format('2019-02-28T23:30:00-05:00', 'en');
    expect(text).toContain('February 28, 2019');
    expect(text).toContain('11:30 PM');
  });

  test('offsets with minutes (+05:45, -03:30)', () => {
    expect(format('2019-02-28T16:30:00+05:45', 'en')).toContain('4:30 PM');
    expect(format('2019-02-28T16:30:00-03:30', 'en')).toContain('4:30 PM');
  });

  test('Z is UTC', () => {
    expect(format('2025-03-14T09:05:00Z', 'en')).toContain('March 14, 2025');
    expect(format('2025-03-14T09:05:00Z', 'en')).toContain('9:05 AM');
  });

  test('each language writes the date its own way', () => {
    const fr = format('2019-02-28T16:30:00+07:00', 'fr');
    expect(fr).toContain('28 février 2019');
    expect(fr).toContain('16:30');
    const ja = format('2019-02-28T16:30:00+07:00', 'ja');
    expect(ja).toContain('2019年2月28日');
    expect(ja).toContain('16:30');
  });

  test('the same date in two languages gives different text from one cache', () => {
    const date = parseArticleDate('2019-02-28T16:30:00+07:00');
    expect(formatArticleDate(date, 'en')).not.toBe(formatArticleDate(date, 'fr'));
    expect(formatArticleDate(date, 'en')).toBe(formatArticleDate(date, 'en'));
  });
});
