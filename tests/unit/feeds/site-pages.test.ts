// The pure parts of the pages for people: the subscribe page's context (what its template gets), the
// stylesheet's relative href from each feed document, and the note's href, for a site under a path.
import { describe, expect, test } from 'vitest';
import { ConfigSchema } from '../../../src/model/config-schema.js';
import { feedStylesheetHref, subscribePageUrl } from '../../../src/model/site-pages.js';
import { subscribePageContext } from '../../../src/feeds/site-pages.js';
import { browserNoteOf } from '../../../src/serialize/build-feed-model.js';

const config = (overrides: Record<string, unknown> = {}) =>
  ConfigSchema.parse({ baseUrl: 'https://example.org/news/', languages: ['en', 'ar', 'pt-BR'], defaultLanguage: 'en', authors: ['Desk'], subscribePage: true, ...overrides });

/** Labels that say which key and language they are, with their values: no i18next needed. */
const translatorFor = (lang: string) => (key: string, options?: Record<string, unknown>) => `${lang}:${key}${options ? JSON.stringify(options) : ''}`;

describe('feedStylesheetHref', () => {
  test.each([
    ['en/rss.xml', '../feed.css'],
    ['pt-BR/atom.xml', '../feed.css'],
    ['en/archive/12/atom.xml', '../../../feed.css'],
  ])('%s → %s, which resolves to feed.css at the root of the output folder', (path, href) => {
    expect(feedStylesheetHref(path)).toBe(href);
    expect(new URL(href, `https://example.org/news/${path}`).href).toBe('https://example.org/news/feed.css');
  });
});

describe('subscribePageContext', () => {
  test('a section per language in the config\'s order, in its language and direction, with its feeds in the formats the config makes', () => {
    const context = subscribePageContext(config({ formats: ['atom', 'json'] }), translatorFor);
    expect(context).toMatchObject({ lang: 'en', dir: 'ltr', title: 'en:feed.title', pageUrl: 'https://example.org/news/' });
    expect(context.sections.map(({ id, lang, dir, combined }) => ({ id, lang, dir, combined }))).toEqual([
      { id: 'en', lang: 'en', dir: 'ltr', combined: false },
      { id: 'ar', lang: 'ar', dir: 'rtl', combined: false },
      { id: 'pt-BR', lang: 'pt-BR', dir: 'ltr', combined: false },
    ]);
    const arabic = context.sections[1]!;
    expect(arabic.languageName).toBe('العربية');
    expect(arabic.feeds).toEqual([
      { hreflang: 'ar', lang: 'ar', format: 'atom', formatName: 'Atom', type: 'application/atom+xml', url: 'https://example.org/news/ar/atom.xml', title: 'ar:subscribe.linkTitle{"title":"ar:feed.title","format":"Atom"}' },
      { hreflang: 'ar', lang: 'ar', format: 'json', formatName: 'JSON Feed', type: 'application/feed+json', url: 'https://example.org/news/ar/feed.json', title: 'ar:subscribe.linkTitle{"title":"ar:feed.title","format":"JSON Feed"}' },
    ]);
    expect(context.links).toEqual(context.sections.flatMap((section) => section.feeds.map((feed) => ({ href: feed.url, type: feed.type, hreflang: feed.hreflang, title: feed.title }))));
  });

  test('the combined feed comes last, in the default language, with hreflang "mul"', () => {
    const context = subscribePageContext(config({ combinedFeed: ['rss'] }), translatorFor);
    const combined = context.sections.at(-1)!;
    expect(combined).toMatchObject({ id: 'mul', lang: 'en', dir: 'ltr', combined: true, title: 'en:subscribe.combined', description: null, languageName: null });
    expect(combined.feeds.map((feed) => [feed.hreflang, feed.url])).toEqual([['mul', 'https://example.org/news/mul/rss.xml']]);
  });
});

describe('browserNoteOf', () => {
  test('links to the language\'s part of the subscribe page, at the output folder\'s address', () => {
    expect(subscribePageUrl('https://example.org/news/')).toBe('https://example.org/news/');
    expect(browserNoteOf(config(), 'pt-BR', translatorFor('pt-BR'))).toEqual({
      lang: 'pt-BR',
      dir: 'ltr',
      text: 'pt-BR:subscribe.feedNote',
      linkText: 'pt-BR:subscribe.allFeeds',
      href: 'https://example.org/news/#pt-BR',
    });
  });

  test('none without subscribePage', () => {
    expect(browserNoteOf(config({ subscribePage: false }), 'en', translatorFor('en'))).toBeUndefined();
  });
});
