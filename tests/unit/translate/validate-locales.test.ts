import { describe, expect, test } from 'vitest';
import { validateLocales } from '../../../src/translate/validate-locales.js';
import { arabicPlurals, labels } from '../../helpers/site-fixture.js';

const REQUIRED = ['feed.title', 'feed.description', 'feed.copyright', 'item.readMore', 'item.readingTime'];
const file = (lang: string, text: string) => ({ path: `locales/${lang}/feed.json`, text });
/** Labels as pretty JSON (two-space indent, like the sample site), with keys removed. */
function labelsWithout(keys: string[], pluralForms?: Record<string, string>): string {
  const data = JSON.parse(labels({}, pluralForms)) as Record<string, Record<string, unknown>>;
  for (const key of keys) {
    const [group, name] = key.split('.') as [string, string];
    delete data[group]![name];
  }
  return JSON.stringify(data, null, 2);
}
/** 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

const validate = (files: { path: string; text: string }[], languages = ['en', 'ar'], requiredKeys = REQUIRED) =>
  validateLocales({ files, languages, defaultLanguage: 'en', requiredKeys });

describe('validateLocales', () => {
  test('complete labels give i18next resources per language', () => {
    const result = validate([file('en', labels()), file('ar', labels({}, arabicPlurals))]);
    expect(result.errors).toEqual([]);
    expect(Object.keys(result.value!).sort()).toEqual(['ar', 'en']);
    expect(result.value!.ar).toEqual({ feed: JSON.parse(labels({}, arabicPlurals)) });
  });

  test('a key missing in another language is LOCALE_MISSING_KEY in locales/<lang>/feed.json at its parent object', () => {
    const ar = labelsWithout(['item.readMore'], arabicPlurals);
    const result = validate([file('en', labels()), file('ar', ar)]);
    expect(result.value).toBeUndefined();
    expect(result.errors).toMatchObject([
      { code: 'LOCALE_MISSING_KEY', severity: 'error', file: 'locales/ar/feed.json', path: ['item', 'readMore'], line: lineOf(ar, '"item"') },
    ]);
  });

  test('a key the default language has beyond the required ones is required everywhere', () => {
    const en = JSON.stringify({ ...JSON.parse(labels()), extra: { note: 'N' } }, null, 2);
    const result = validate([file('en', en), file('ar', labels({}, arabicPlurals))]);
    expect(result.errors).toMatchObject([{ code: 'LOCALE_MISSING_KEY', file: 'locales/ar/feed.json', path: ['extra', 'note'] }]);
  });

  test('a required key missing in the default language is reported there too', () => {
    const result = validate([file('en', labels()), file('ar', labels({}, arabicPlurals))], ['en', 'ar'], [...REQUIRED, 'item.share']);
    expect(result.errors.map(({ code, file, path }) => ({ code, file, path }))).toEqual([
      { code: 'LOCALE_MISSING_KEY', file: 'locales/en/feed.json', path: ['item', 'share'] },
      { code: 'LOCALE_MISSING_KEY', file: 'locales/ar/feed.json', path: ['item', 'share'] },
    ]);
  });

  test('Arabic with only the English plural forms lacks zero, two, few and many', () => {
    const ar = labels();
    const result = validate([file('en', labels()), file('ar', ar)]);
    expect(result.errors).toMatchObject([
      { code: 'LOCALE_MISSING_KEY', file: 'locales/ar/feed.json', path: ['item', 'readingTime'], line: lineOf(ar, '"item"') },
    ]);
    for (const category of ['zero', 'two', 'few', 'many']) expect(result.errors[0]!.hint).toContain(`readingTime_${category}`);
  });

  test('Arabic missing one plural category is reported', () => {
    const { few: _few, ...fiveForms } = arabicPlurals;
    const result = validate([file('en', labels()), file('ar', labels({}, fiveForms))]);
    expect(result.errors).toMatchObject([{ code: 'LOCALE_MISSING_KEY', file: 'locales/ar/feed.json', path: ['item', 'readingTime'] }]);
    expect(result.errors[0]!.hint).toContain('readingTime_few');
  });

  test('the default language must have its own plural forms too', () => {
    const result = validate([file('en', labels({}, { one: '1 minute' })), file('ar', labels({}, arabicPlurals))]);
    expect(result.errors).toMatchObject([{ code: 'LOCALE_MISSING_KEY', file: 'locales/en/feed.json', path: ['item', 'readingTime'] }]);
  });

  test('Japanese needs only the "other" form', () => {
    const result = validate([file('en', labels()), file('ja', labels({}, { other: '{{count}}分' }))], ['en', 'ja']);
    expect(result.errors).toEqual([]);
  });

  test('a configured language without a labels file is LOCALE_MISSING', () => {
    const result = validate([file('en', labels())]);
    expect(result.value).toBeUndefined();
    // Reported against the config, where the language is listed.
    expect(result.errors).toMatchObject([{ code: 'LOCALE_MISSING', severity: 'error', file: 'polyfeed.config.yaml' }]);
  });

  test('a labels file for an unconfigured language is ignored', () => {
    const result = validate([file('en', labels()), file('ar', labels({}, arabicPlurals)), file('de', '{ broken')]);
    expect(result.errors).toEqual([]);
    expect(Object.keys(result.value!)).not.toContain('de');
  });

  test('invalid JSON is JSON_SYNTAX in that file', () => {
    const result = validate([file('en', labels()), file('ar', '{\n  "feed": { "title": "x", },\n}\n')]);
    expect(result.value).toBeUndefined();
    // The trailing comma stands on line 2; JSON.parse stops at the "}" after it.
    expect(result.errors).toMatchObject([{ code: 'JSON_SYNTAX', file: 'locales/ar/feed.json', line: 2, column: 27 }]);
  });

  test.each([
    ['an array', '["a"]'],
    ['a string', '"labels"'],
    ['null', 'null'],
  ])('JSON whose top level is %s is JSON_SYNTAX', (_name, text) => {
    const result = validate([file('en', labels()), file('ar', text)]);
    expect(result.errors).toMatchObject([{ code: 'JSON_SYNTAX', file: 'locales/ar/feed.json' }]);
  });

  test('broken default-language JSON stops the key comparison but is still reported', () => {
    const result = validate([file('en', '{'), file('ar', labels({}, arabicPlurals))]);
    expect(result.errors).toMatchObject([{ code: 'JSON_SYNTAX', file: 'locales/en/feed.json' }]);
  });

  test('positions are found in tab-indented and minified JSON too', () => {
    const tabbed = JSON.stringify(JSON.parse(labelsWithout(['item.readMore'], arabicPlurals)), null, '\t');
    const tabResult = validate([file('en', labels()), file('ar', tabbed)]);
    expect(tabResult.errors).toMatchObject([{ code: 'LOCALE_MISSING_KEY', path: ['item', 'readMore'], line: lineOf(tabbed, '"item"') }]);
    const minified = labelsWithout(['feed.copyright'], arabicPlurals).replace(/\n\s*/g, '');
    const minResult = validate([file('en', labels()), file('ar', minified)], ['en', 'ar'], ['feed.copyright']);
    expect(minResult.errors).toMatchObject([
      { code: 'LOCALE_MISSING_KEY', file: 'locales/ar/feed.json', path: ['feed', 'copyright'], line: 1, column: minified.indexOf('{', 1) + 1 },
    ]);
  });

  test('every problem in every file is reported at once', () => {
    const result = validate(
      [file('en', labels()), file('ar', labelsWithout(['item.readMore', 'feed.title'])), file('fr', '{,}')],
      ['en', 'ar', 'fr', 'ja'],
    );
    expect(result.errors.map((error) => error.code).sort()).toEqual([
      'JSON_SYNTAX',
      'LOCALE_MISSING',
      'LOCALE_MISSING_KEY',
      'LOCALE_MISSING_KEY',
      'LOCALE_MISSING_KEY',
    ]);
  });
});

describe('validateLocales with polyfeed\'s packaged labels', () => {
  const packaged = (lang: string, item: Record<string, string>) => ({ path: `<polyfeed>/locales/${lang}/feed.json`, text: JSON.stringify({ item }) });
  const items = { readMore: 'Read more', readingTime_one: '{{count}} minute', readingTime_other: '{{count}} minutes' };
  const feed = (title: string) => JSON.stringify({ feed: { title, description: 'd', copyright: 'c' } }, null, 2);
  const validateWith = (files: { path: string; text: string }[], packagedFiles: { path: string; text: string }[], languages = ['en', 'de']) =>
    validateLocales({ files, packagedFiles, languages, defaultLanguage: 'en', requiredKeys: REQUIRED });

  test('a language takes the packaged labels and the site\'s, the site\'s winning key by key', () => {
    const result = validateWith(
      [file('en', JSON.stringify({ ...JSON.parse(feed('News')), item: { readMore: 'More' } })), file('de', feed('Nachrichten'))],
      [packaged('en', items), packaged('de', { readMore: 'Weiterlesen', readingTime_one: '{{count}} Minute', readingTime_other: '{{count}} Minuten' })],
    );
    expect(result.errors).toEqual([]);
    expect(result.value!.en).toEqual({ feed: { feed: { title: 'News', description: 'd', copyright: 'c' }, item: { ...items, readMore: 'More' } } });
    expect((result.value!.de!.feed as { item: { readMore: string } }).item.readMore).toBe('Weiterlesen');
  });

  test('a packaged language with no site file lacks the site\'s own labels, reported in the file to create, without a line', () => {
    const result = validateWith([file('en', feed('News'))], [packaged('en', items), packaged('de', items)]);
    expect(result.errors.map(({ code, file, line, path }) => ({ code, file, line, path }))).toEqual(
      ['copyright', 'description', 'title'].map((key) => ({ code: 'LOCALE_MISSING_KEY', file: 'locales/de/feed.json', line: undefined, path: ['feed', key] })),
    );
  });

  test('a site label with other placeholders than the default language is a mismatch at its line, whichever side the default comes from', () => {
    const de = JSON.stringify({ ...JSON.parse(feed('N')), item: { readMore: 'Weiter mit {{titel}}' } }, null, 2);
    const result = validateWith([file('en', feed('News')), file('de', de)], [packaged('en', items), packaged('de', items)]);
    expect(result.errors).toMatchObject([{ code: 'LOCALE_PLACEHOLDER_MISMATCH', file: 'locales/de/feed.json', line: lineOf(de, 'readMore') }]);
  });

  test('a site file that did not decode is not hidden by the packaged labels', () => {
    const result = validateLocales({ files: [file('en', feed('News'))], packagedFiles: [packaged('en', items), packaged('de', items)], unreadable: new Set(['locales/de/feed.json']), languages: ['en', 'de'], defaultLanguage: 'en', requiredKeys: REQUIRED });
    expect(result.value?.de).toBeUndefined();
  });

  describe('labelFallbacks (issue 15)', () => {
    const withChains = (files: { path: string; text: string }[], labelFallbacks: Record<string, string[]>, languages = ['en', 'pt-PT', 'pt-BR']) =>
      validateLocales({ files, languages, defaultLanguage: 'en', requiredKeys: REQUIRED, labelFallbacks });
    const portuguesePlurals = { one: '{{count}} minuto', many: '{{count}} minutos', other: '{{count}} minutos' };
    const ptBRFull = labels({ feed: { title: 'Exemplo BR', description: 'Feed BR', copyright: '© BR' }, item: { readMore: 'Leia mais' } }, portuguesePlurals);
    /** pt-BR's labels without the feed texts. */
    const ptBR = JSON.stringify({ item: (JSON.parse(ptBRFull) as { item: unknown }).item });
    const ptPT = JSON.stringify({ feed: { title: 'Exemplo', description: 'Feed de exemplo', copyright: '© Exemplo' }, item: { readMore: 'Ler mais' } });

    test('a language fills the labels it lacks from its chain, key by key, and keeps its own', () => {
      const result = withChains([file('en', labels()), file('pt-PT', ptPT), file('pt-BR', ptBRFull)], { 'pt-PT': ['pt-BR'] });
      const labelsOf = (lang: string) => result.value?.[lang]?.feed as { feed: Record<string, string>; item: Record<string, string> } | undefined;
      expect(result.errors.filter((error) => error.file === 'locales/pt-PT/feed.json')).toEqual([]);
      expect(labelsOf('pt-PT')?.item.readMore).toBe('Ler mais');
      expect(labelsOf('pt-PT')?.item.readingTime_many).toBe('{{count}} minutos');
      expect(labelsOf('pt-PT')?.feed.title).toBe('Exemplo');
    });

    test('without a chain, the same missing labels stay LOCALE_MISSING_KEY', () => {
      const result = withChains([file('en', labels()), file('pt-PT', ptPT), file('pt-BR', ptBRFull)], {});
      expect(result.value).toBeUndefined();
      const ptPTProblems = result.errors.filter((error) => error.file === 'locales/pt-PT/feed.json');
      expect(new Set(ptPTProblems.map((error) => error.code))).toEqual(new Set(['LOCALE_MISSING_KEY']));
      expect(ptPTProblems.map((error) => error.path?.join('.'))).toEqual(expect.arrayContaining(['item.byline', 'item.readingTime']));
    });

    test('a label none of the chain has stays missing; the first language of the chain wins', () => {
      const result = withChains([file('en', labels()), file('pt-PT', JSON.stringify({ item: { readMore: 'Ler mais' } })), file('pt-BR', ptBR)], { 'pt-PT': ['pt-BR', 'en'] });
      expect(result.errors.filter((error) => error.file === 'locales/pt-PT/feed.json')).toEqual([]);
      const ptPTLabels = result.value === undefined ? undefined : (result.value['pt-PT']!.feed as { feed: Record<string, string>; item: Record<string, string> });
      // pt-BR lacks the feed texts: they come from en, the next language of the chain; readingTime from pt-BR, the first.
      expect(result.errors.filter((error) => error.file === 'locales/pt-BR/feed.json').map((error) => error.path?.join('.'))).toEqual(['feed.copyright', 'feed.description', 'feed.title']);
      expect(ptPTLabels).toBeUndefined();
      const ptPTOnly = withChains([file('en', labels()), file('pt-PT', JSON.stringify({ item: { readMore: 'Ler mais' } })), file('pt-BR', ptBRFull)], { 'pt-PT': ['pt-BR', 'en'] });
      expect(ptPTOnly.errors).toEqual([]);
      expect((ptPTOnly.value!['pt-PT']!.feed as { feed: Record<string, string>; item: Record<string, string> })).toMatchObject({
        feed: { title: 'Exemplo BR' },
        item: { readMore: 'Ler mais', readingTime_one: '{{count}} minuto', byline: 'By {{authors}}' },
      });
    });

    test('a language with a chain needs no label file of its own', () => {
      const result = withChains([file('en', labels()), file('pt-BR', ptBRFull)], { 'pt-PT': ['pt-BR'] });
      expect(result.errors.filter((error) => error.code === 'LOCALE_MISSING')).toEqual([]);
      expect(result.errors.filter((error) => error.file === 'locales/pt-PT/feed.json')).toEqual([]);
    });
  });
});
