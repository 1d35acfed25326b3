// Issue 15, "Scripts and directions": hreflang="x-default" points at the default language's version, in
// Atom entries of articles read in more than one language; read back with feedsmith.
import { parseAtomFeed } from 'feedsmith';
import { describe, expect, test } from 'vitest';
import { bodyText, build } from '../../src/index.js';
import { labels, sourcesOf, siteFiles } from '../helpers/site-fixture.js';

const config = `baseUrl: https://example.org/
languages: [en, ar, fr]
defaultLanguage: en
authors: [Example Desk]
formats: [atom]
missingDefaultLanguage: allow
`;

const article = (title: string) => `---\ntitle: ${title}\ndate: 2025-03-14T09:30:00+01:00\n---\nText.\n`;

function xDefaults(lang: string): Record<string, string | undefined> {
  const result = build(
    sourcesOf(
      siteFiles({
        'polyfeed.config.yaml': config,
        'locales/fr/feed.json': labels({}, { one: '{{count}} minute', many: '{{count}} minutes', other: '{{count}} minutes' }),
        'articles/first/en.md': undefined,
        'articles/both/en.md': article('Both'),
        'articles/both/ar.md': article('كلاهما'),
        'articles/alone/en.md': article('Alone'),
        'articles/no-english/ar.md': article('بلا إنجليزية'),
        'articles/no-english/fr.md': article('Sans anglais'),
      }),
    ),
    { now: new Date('2025-06-01T00:00:00Z') },
  );
  expect(result.errors).toEqual([]);
  const feed = parseAtomFeed(bodyText(result.files.find((file) => file.path === `${lang}/atom.xml`)!.body));
  return Object.fromEntries((feed.entries ?? []).map((entry) => [entry.id!, entry.links?.find((link) => link.hreflang === 'x-default')?.href]));
}

describe('hreflang="x-default"', () => {
  test('an article in several languages points at its default-language version, from every feed', () => {
    expect(xDefaults('en')['https://example.org/en/both/']).toBe('https://example.org/en/both/');
    expect(xDefaults('ar')['https://example.org/ar/both/']).toBe('https://example.org/en/both/');
  });

  test('none for an article in one language, nor for one without a default-language version', () => {
    expect(xDefaults('en')['https://example.org/en/alone/']).toBeUndefined();
    expect(xDefaults('ar')['https://example.org/ar/no-english/']).toBeUndefined();
    expect(xDefaults('fr')['https://example.org/fr/no-english/']).toBeUndefined();
  });
});
