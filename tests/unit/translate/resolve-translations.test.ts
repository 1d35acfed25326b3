import { describe, expect, test } from 'vitest';
import { resolveTranslations as resolveTable } from '../../../src/translate/resolve-translations.js';
import { publishedAt } from '../../../src/model/publication-window.js';
import { articleUrl } from '../../../src/urls/article-url.js';
import { ConfigSchema } from '../../../src/model/config-schema.js';
import { summarizeArticle, type ArticleSummary } from '../../../src/model/article-summary.js';
import { validateArticle } from '../../../src/validate/validate-article.js';
import { publishedInPathOrder } from '../../helpers/publish-articles.js';
import { tableOfSummaries } from '../../helpers/table-of-summaries.js';

const config = (overrides: Record<string, unknown> = {}) =>
  ConfigSchema.parse({ baseUrl: 'https://example.org/', languages: ['en', 'ar', 'fr', 'ja'], defaultLanguage: 'en', authors: ['Desk'], ...overrides });

function article(key: string, lang: string, extra = ''): ArticleSummary {
  const file = `articles/${key}/${lang}.md`;
  const result = validateArticle({ file, key, lang, text: `---\ntitle: ${key} in ${lang}\ndate: 2025-03-14T09:30:00+01:00\n${extra}---\nBody\n` });
  expect(result.errors).toEqual([]);
  return summarizeArticle(result.value!);
}

/** A "now" after every date of these tests. */
const LATER = publishedAt(Date.UTC(2100, 0, 1));

/** Every published version in path order, and the problems. */
function resolveTranslations(summaries: readonly ArticleSummary[], siteConfig: ReturnType<typeof config>) {
  const result = resolveTable(tableOfSummaries(summaries), siteConfig, LATER);
  return { value: publishedInPathOrder(result.value, siteConfig), errors: result.errors };
}

describe('articleUrl', () => {
  test('fills the default permalink {lang}/{key}/ in under the base URL, keeping its path', () => {
    expect(articleUrl(config(), 'flood', 'en')).toBe('https://example.org/en/flood/');
    expect(articleUrl(config({ baseUrl: 'https://example.org/news/' }), 'flood', 'pt-BR')).toBe('https://example.org/news/pt-BR/flood/');
  });

  test('a custom permalink pattern', () => {
    expect(articleUrl(config({ permalink: 'stories/{key}.{lang}.html' }), 'flood', 'fr')).toBe('https://example.org/stories/flood.fr.html');
  });

  // A leading "/" must not drop the base URL's path (https://example.org/news/).
  test('a permalink written with a leading "/" stays under a base URL that has a path', () => {
    expect(articleUrl(config({ baseUrl: 'https://example.org/news/', permalink: '/{lang}/{key}/' }), 'flood', 'en')).toBe(
      'https://example.org/news/en/flood/',
    );
  });

  test('a non-ASCII key is percent-encoded as UTF-8', () => {
    expect(articleUrl(config(), 'café', 'fr')).toBe('https://example.org/fr/caf%C3%A9/');
    expect(articleUrl(config(), 'قمة-هانوي', 'ar')).toBe('https://example.org/ar/%D9%82%D9%85%D8%A9-%D9%87%D8%A7%D9%86%D9%88%D9%8A/');
  });
});

describe('resolveTranslations', () => {
  test('each version gets its URL, an id equal to the URL, and links to the other versions', () => {
    const result = resolveTranslations([article('flood', 'en'), article('flood', 'fr')], config());
    expect(result.errors).toEqual([]);
    expect(result.value.map(({ url, id, translations }) => ({ url, id, translations }))).toEqual([
      {
        url: 'https://example.org/en/flood/',
        id: 'https://example.org/en/flood/',
        translations: [{ lang: 'fr', url: 'https://example.org/fr/flood/', title: 'flood in fr' }],
      },
      {
        url: 'https://example.org/fr/flood/',
        id: 'https://example.org/fr/flood/',
        translations: [{ lang: 'en', url: 'https://example.org/en/flood/', title: 'flood in en' }],
      },
    ]);
  });

  test('an explicit id is used instead of the URL', () => {
    const result = resolveTranslations([article('flood', 'en', 'id: tag:example.org,2025:flood-en\n')], config());
    expect(result.value[0]).toMatchObject({ id: 'tag:example.org,2025:flood-en', url: 'https://example.org/en/flood/' });
  });

  test('the id does not depend on title, date or translations', () => {
    const alone = resolveTranslations([article('flood', 'en')], config()).value[0]!;
    const changed = summarizeArticle(validateArticle({ file: 'articles/flood/en.md', key: 'flood', lang: 'en', text: '---\ntitle: New title\ndate: 2026-01-01T00:00:00Z\n---\nOther\n' }).value!);
    const withTranslation = resolveTranslations([changed, article('flood', 'ar')], config()).value.find((entry) => entry.summary.lang === 'en')!;
    expect(withTranslation.id).toBe(alone.id);
  });

  test('drafts are left out of the feed and out of the other versions\' translation links', () => {
    // Only draft: true makes a draft; draft: false is published like no draft field at all.
    const result = resolveTranslations([article('flood', 'en', 'draft: false\n'), article('flood', 'fr', 'draft: true\n'), article('flood', 'ar')], config());
    expect(result.value.map((entry) => entry.summary.lang)).toEqual(['ar', 'en']);
    expect(result.value[0]!.translations.map((link) => link.lang)).toEqual(['en']);
    expect(result.value[1]!.translations.map((link) => link.lang)).toEqual(['ar']);
  });

  test('a draft\'s explicit id does not clash with a published one', () => {
    const result = resolveTranslations(
      [article('a', 'en', 'id: urn:x:1\n'), article('b', 'en', 'id: urn:x:1\ndraft: true\n')],
      config(),
    );
    expect(result.errors).toEqual([]);
  });

  test('translations are sorted by language tag whatever the input order', () => {
    const result = resolveTranslations([article('k', 'ja'), article('k', 'fr'), article('k', 'en'), article('k', 'ar')], config());
    const en = result.value.find((entry) => entry.summary.lang === 'en')!;
    expect(en.translations.map((link) => link.lang)).toEqual(['ar', 'fr', 'ja']);
    const ja = result.value.find((entry) => entry.summary.lang === 'ja')!;
    expect(ja.translations.map((link) => link.lang)).toEqual(['ar', 'en', 'fr']);
  });

  test('articles with different keys are not translations of each other', () => {
    const result = resolveTranslations([article('a', 'en'), article('b', 'fr')], config());
    expect(result.value.every((entry) => entry.translations.length === 0)).toBe(true);
  });

  test('two versions with the same explicit id: DUPLICATE_ID on the second file, at path id', () => {
    const result = resolveTranslations(
      [article('a', 'en', 'id: tag:example.org,2025:same\n'), article('b', 'en', 'id: tag:example.org,2025:same\n')],
      config(),
    );
    expect(result.errors).toMatchObject([{ code: 'DUPLICATE_ID', severity: 'error', file: 'articles/b/en.md', path: ['id'] }]);
    expect(result.errors[0]!.message).toContain('articles/a/en.md');
  });

  test('an explicit id equal to another article\'s URL is a DUPLICATE_ID', () => {
    const result = resolveTranslations([article('a', 'en'), article('b', 'en', 'id: https://example.org/en/a/\n')], config());
    expect(result.errors).toMatchObject([{ code: 'DUPLICATE_ID', file: 'articles/b/en.md', path: ['id'] }]);
  });

  test('three versions sharing an id give two errors, each naming the first file', () => {
    const result = resolveTranslations(
      [article('a', 'en', 'id: urn:x:1\n'), article('b', 'en', 'id: urn:x:1\n'), article('c', 'en', 'id: urn:x:1\n')],
      config(),
    );
    expect(result.errors.map((error) => error.file)).toEqual(['articles/b/en.md', 'articles/c/en.md']);
    for (const error of result.errors) expect(error.message).toContain('articles/a/en.md');
  });

  test('a non-ASCII key gives a percent-encoded URL and id', () => {
    const result = resolveTranslations([article('café', 'fr')], config());
    expect(result.value[0]).toMatchObject({ url: 'https://example.org/fr/caf%C3%A9/', id: 'https://example.org/fr/caf%C3%A9/' });
  });
});

describe('articleUrl without new URL()', () => {
  const patterns = ['{lang}/{key}/', '/{lang}/{key}/', 'stories/{key}.{lang}.html', '{key}/{lang}', 'news/{lang}-{key}/index.html', '{lang}/../{key}/', '{lang}/a b/{key}/'];
  const keys = ['flood', '2025-03_flood', 'café', 'قمة-هانوي', '日本', 'A_1'];
  test.each(patterns)('gives what new URL() gives for the pattern %s', (permalink) => {
    for (const baseUrl of ['https://example.org/', 'https://example.org/news/']) {
      for (const key of keys) {
        for (const lang of ['en', 'pt-BR', 'zh-Hant-TW']) {
          const path = permalink.replace(/^\/+/, '').replaceAll('{lang}', encodeURIComponent(lang)).replaceAll('{key}', encodeURIComponent(key));
          expect(articleUrl({ baseUrl, permalink: { default: permalink } }, key, lang)).toBe(new URL(path, baseUrl).href);
        }
      }
    }
  });
});

describe('DUPLICATE_ID and DUPLICATE_URL whatever the permalink pattern', () => {
  test('patterns by language that can make one URL for two languages are a config error (issue 14)', () => {
    // zh + "Hant-x" and zh-Hant + "x" would both give .../zh-Hant-x/ with "{lang}-{key}".
    const result = ConfigSchema.safeParse({ baseUrl: 'https://example.org/', languages: ['zh', 'zh-Hant'], defaultLanguage: 'zh', authors: ['Desk'], permalink: '{lang}-{key}/' });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toMatchObject([{ path: ['permalink'], params: { polyfeedProblem: { params: { kind: 'permalinks-clash', languages: ['zh', 'zh-Hant'] } } } }]);
  });

  test('two articles with one slug: a DUPLICATE_URL on the later file, at its slug, naming the earlier; not a DUPLICATE_ID too', () => {
    const siteConfig = config({ permalink: '{lang}/{slug}/' });
    const result = resolveTranslations([article('a', 'en', 'slug: flood\n'), article('b', 'en', 'slug: flood\n'), article('flood', 'en')], siteConfig);
    expect(result.errors.map(({ code, file, path }) => ({ code, file, path }))).toEqual([
      { code: 'DUPLICATE_URL', file: 'articles/b/en.md', path: ['slug'] },
      { code: 'DUPLICATE_URL', file: 'articles/flood/en.md', path: [] },
    ]);
    expect(result.errors[0]!.message).toContain('https://example.org/en/flood/');
    expect(result.errors[0]!.message).toContain('articles/a/en.md');
  });

  test('the default language at the root and the others under {lang}: URLs never clash, and translations link the other pattern', () => {
    const siteConfig = config({ permalink: { en: '{key}/' } });
    const result = resolveTranslations([article('ar', 'en'), article('flood', 'ar'), article('flood', 'en', 'slug: river-flood\n')], config({ permalink: { en: '{slug}/' } }));
    expect(result.errors).toEqual([]);
    expect(result.value.map((entry) => entry.url)).toEqual(['https://example.org/ar/', 'https://example.org/ar/flood/', 'https://example.org/river-flood/']);
    expect(result.value[1]!.translations.map((link) => link.url)).toEqual(['https://example.org/river-flood/']);
    expect(articleUrl(siteConfig, 'flood', 'fr')).toBe('https://example.org/fr/flood/');
  });

  test('a non-ASCII slug is percent-encoded as UTF-8, as a browser writes it', () => {
    expect(articleUrl(config({ permalink: '{lang}/{slug}/' }), 'flood', 'ar', 'فيضان')).toBe(new URL('ar/فيضان/', 'https://example.org/').href);
    expect(articleUrl(config({ permalink: '{lang}/{slug}/' }), 'flood', 'ja', '洪水.html')).toBe('https://example.org/ja/%E6%B4%AA%E6%B0%B4.html/');
  });

  test('an explicit id equal to the URL of a later file: the error is on the later file, naming the earlier', () => {
    const result = resolveTranslations([article('a', 'en', 'id: https://example.org/en/b/\n'), article('b', 'en')], config());
    expect(result.errors).toMatchObject([{ code: 'DUPLICATE_ID', file: 'articles/b/en.md' }]);
    expect(result.errors[0]!.message).toContain('articles/a/en.md');
  });

  test('one id used by a URL and by two explicit ids: two errors, in path order, each naming the first file', () => {
    const result = resolveTranslations(
      [article('c', 'en', 'id: https://example.org/en/b/\n'), article('b', 'en'), article('a', 'en', 'id: https://example.org/en/b/\n')],
      config(),
    );
    expect(result.errors.map((error) => error.file)).toEqual(['articles/b/en.md', 'articles/c/en.md']);
    for (const error of result.errors) expect(error.message).toContain('articles/a/en.md');
  });
});

describe('newestOf', () => {
  const dated = (key: string, lang: string, date: string) => {
    const file = `articles/${key}/${lang}.md`;
    return summarizeArticle(validateArticle({ file, key, lang, text: `---\ntitle: ${key}\ndate: ${date}\n---\nBody\n` }).value!);
  };

  test('a language\'s versions newest first, ties by id, cut to the limit (0: all); drafts and other languages left out', () => {
    const table = tableOfSummaries([
      dated('old', 'en', '2024-01-01T00:00:00Z'),
      dated('new', 'en', '2025-06-01T00:00:00Z'),
      dated('tie-b', 'en', '2025-01-01T00:00:00Z'),
      dated('tie-a', 'en', '2025-01-01T00:00:00Z'),
      dated('new', 'fr', '2026-01-01T00:00:00Z'),
      { ...dated('draft', 'en', '2027-01-01T00:00:00Z'), draft: true },
    ]);
    const published = resolveTable(table, config(), LATER).value;
    expect(published.newestOf('en', 0).map((entry) => entry.summary.key)).toEqual(['new', 'tie-a', 'tie-b', 'old']);
    expect(published.newestOf('en', 2).map((entry) => entry.summary.key)).toEqual(['new', 'tie-a']);
    expect(published.newestOf('fr', 0).map((entry) => entry.url)).toEqual(['https://example.org/fr/new/']);
    expect(published.newestOf('ja', 0)).toEqual([]);
    expect(published.newestOf('en', 1)[0]!.translations).toEqual([{ lang: 'fr', url: 'https://example.org/fr/new/', title: 'new' }]);
  });
});

describe('fallbacks (issue 15)', () => {
  const summaries = [article('a', 'en'), article('a', 'fr'), article('b', 'en'), article('c', 'ar'), article('c', 'en')];

  test('newestOf takes, for each article the language lacks, the first published version of its chain, marked with fallbackFor; translations are that version\'s', () => {
    const siteConfig = config({ fallbacks: { ar: ['fr', 'en'] } });
    const { value } = resolveTable(tableOfSummaries(summaries), siteConfig, LATER);
    const entries = value.newestOf('ar', 0);
    expect(entries.map((entry) => [entry.id, entry.summary.lang, entry.fallbackFor])).toEqual([
      ['https://example.org/ar/c/', 'ar', undefined],
      ['https://example.org/en/b/', 'en', 'ar'],
      ['https://example.org/fr/a/', 'fr', 'ar'],
    ]);
    expect(entries[2]!.translations.map((link) => link.lang)).toEqual(['en']);
    // A language's own feeds and the id manifest are unchanged by another language's chain.
    expect(value.newestOf('fr', 0).map((entry) => [entry.id, entry.fallbackFor])).toEqual([['https://example.org/fr/a/', undefined]]);
    expect(value.idsOf('ar').ids).toEqual(['https://example.org/ar/c/']);
  });

  test('newestOf with a limit counts fallback items like the others (ties by id, as always)', () => {
    const { value } = resolveTable(tableOfSummaries(summaries), config({ fallbacks: { ja: 'en' } }), LATER);
    expect(value.newestOf('ja', 2).map((entry) => entry.id)).toEqual(['https://example.org/en/a/', 'https://example.org/en/b/']);
  });
});
