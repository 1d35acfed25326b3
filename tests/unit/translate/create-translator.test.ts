import { describe, expect, test } from 'vitest';
import { createTranslator, MissingLabelError } from '../../../src/translate/create-translator.js';
import { arabicPlurals, labels } from '../../helpers/site-fixture.js';

const feed = (json: string) => ({ feed: JSON.parse(json) as Record<string, unknown> });

describe('createTranslator', () => {
  test('translates a key in each language with interpolation', () => {
    const translatorFor = createTranslator(
      { en: feed(labels()), fr: feed(labels({ item: { byline: 'Par {{authors}}' } })) },
      ['en', 'fr'],
    );
    expect(translatorFor('en')('item.byline', { authors: 'Ann' })).toBe('By Ann');
    expect(translatorFor('fr')('item.byline', { authors: 'Ann' })).toBe('Par Ann');
    expect(translatorFor('en')('feed.title')).toBe('Example');
  });

  test('interpolated values are not HTML-escaped (the template escapes them once)', () => {
    const t = createTranslator({ en: feed(labels()) }, ['en'])('en');
    expect(t('item.byline', { authors: 'Tom & <Jerry>' })).toBe('By Tom & <Jerry>');
  });

  test('returns the same function for a language each time', () => {
    const translatorFor = createTranslator({ en: feed(labels()) }, ['en']);
    expect(translatorFor('en')).toBe(translatorFor('en'));
  });

  test.each([
    [0, 'zero'],
    [1, 'one'],
    [2, 'two'],
    [3, 'few'],
    [10, 'few'],
    [11, 'many'],
    [99, 'many'],
    [100, 'other'],
    [102, 'other'],
  ])('Arabic count %i picks the %s form', (count, category) => {
    const forms = { zero: 'zero {{count}}', one: 'one {{count}}', two: 'two {{count}}', few: 'few {{count}}', many: 'many {{count}}', other: 'other {{count}}' };
    const t = createTranslator({ ar: feed(labels({}, forms)) }, ['ar'])('ar');
    expect(t('item.readingTime', { count })).toBe(`${category} ${count}`);
  });

  test('the Arabic fixture forms read naturally', () => {
    const t = createTranslator({ ar: feed(labels({}, arabicPlurals)) }, ['ar'])('ar');
    expect([0, 1, 2, 3, 11, 100].map((count) => t('item.readingTime', { count }))).toEqual([
      '0 دقيقة',
      'دقيقة واحدة',
      'دقيقتان',
      '3 دقائق',
      '11 دقيقة',
      '100 دقيقة',
    ]);
  });

  test('English count 1 is one and 0 is other', () => {
    const t = createTranslator({ en: feed(labels()) }, ['en'])('en');
    expect(t('item.readingTime', { count: 1 })).toBe('1 minute');
    expect(t('item.readingTime', { count: 0 })).toBe('0 minutes');
    expect(t('item.readingTime', { count: 5 })).toBe('5 minutes');
  });

  test('a key that does not exist throws MissingLabelError with the key and language', () => {
    const t = createTranslator({ en: feed(labels()) }, ['en'])('en');
    expect(() => t('item.nothing')).toThrow(MissingLabelError);
    try {
      t('item.nothing');
    } catch (error) {
      expect(error).toMatchObject({ name: 'MissingLabelError', key: 'item.nothing', lang: 'en' });
    }
  });

  test('no fallback to another language: a key only in en throws when asked in fr', () => {
    const fr = JSON.parse(labels()) as { item: Record<string, unknown> };
    delete fr.item.readMore;
    const translatorFor = createTranslator({ en: feed(labels()), fr: { feed: fr } }, ['en', 'fr']);
    expect(translatorFor('en')('item.readMore')).toBe('Read more');
    expect(() => translatorFor('fr')('item.readMore')).toThrow(MissingLabelError);
    expect(() => translatorFor('fr')('item.readMore')).toThrow(expect.objectContaining({ key: 'item.readMore', lang: 'fr' }));
  });

  test('no fallback for plurals either: an Arabic count without its form throws instead of using en', () => {
    const translatorFor = createTranslator({ en: feed(labels()), ar: feed(labels({}, { one: 'one', other: 'other' })) }, ['en', 'ar']);
    // The "two" form is absent in ar; i18next must not borrow en's forms or fall back to "other".
    expect(translatorFor('ar')('item.readingTime', { count: 1 })).toBe('one');
    expect(() => translatorFor('ar')('item.readingTime', { count: 2 })).toThrow(MissingLabelError);
  });

  // i18next resolves "en-GB" through ["en-GB", "en"] unless told otherwise; fallbackLng: false alone does not stop it.
  test('no fallback from a regional language to its base language (en-GB → en, pt-BR → pt)', () => {
    const gb = JSON.parse(labels()) as { item: Record<string, unknown> };
    delete gb.item.readMore;
    const translatorFor = createTranslator({ en: feed(labels()), 'en-GB': { feed: gb }, pt: feed(labels()), 'pt-BR': { feed: gb } }, ['en', 'en-GB', 'pt', 'pt-BR']);
    expect(translatorFor('en-GB')('item.byline', { authors: 'Ann' })).toBe('By Ann');
    expect(() => translatorFor('en-GB')('item.readMore')).toThrow(MissingLabelError);
    expect(() => translatorFor('pt-BR')('item.readMore')).toThrow(MissingLabelError);
  });
});
