// Test factory for the serializer tests: a fresh, small FeedModel per call, never shared between tests.
import { imageMediaType } from '../../src/serialize/image-media-type.js';
import type { FeedItemModel, FeedModel } from '../../src/serialize/feed-model.js';

/** Text that trips naive XML writers: markup, entities written literally, CDATA end, quotes. */
export const TRICKY_TEXTS = [
  'Tom & Jerry',
  'a < b > c',
  'a literal &amp; stays',
  'CDATA end ]]> inside',
  'double "quotes" and single \'quotes\'',
  '&lt;b&gt; looks escaped',
  '<![CDATA[x]]>',
  'قمة هانوي — 日本語 👍🏽',
];

export function makeItem(overrides: Partial<FeedItemModel> = {}): FeedItemModel {
  const imageUrl = 'https://example.org/media/hanoi.jpg';
  return {
    id: 'https://example.org/en/summit/',
    url: 'https://example.org/en/summit/',
    lang: 'en',
    title: 'Summit ends without a deal',
    summary: 'Talks broke down.',
    contentHtml: '<p>Talks <strong>broke</strong> down &amp; leaders left.</p>',
    published: new Date('2019-02-28T09:30:00Z'),
    updated: new Date('2019-03-01T01:00:00Z'),
    authors: [{ name: 'Mohammed Al-Menshawi' }],
    tags: ['Korea', 'diplomacy'],
    image: { url: imageUrl, mediaType: imageMediaType(imageUrl), lengthBytes: 16178 },
    translations: [
      { lang: 'ar', url: 'https://example.org/ar/summit/', title: 'قمة هانوي تنتهي' },
      { lang: 'fr', url: 'https://example.org/fr/summit/', title: 'Le sommet échoue' },
    ],
    defaultVersionUrl: 'https://example.org/en/summit/',
    ...overrides,
  };
}

export function makeModel(overrides: Partial<FeedModel> = {}): FeedModel {
  const lang = overrides.lang ?? 'en';
  return {
    lang,
    title: 'Example News',
    description: 'World news from the example newsroom.',
    copyright: '© Example News',
    homeUrl: `https://example.org/${lang}/`,
    feedUrls: { rss: `https://example.org/${lang}/rss.xml`, atom: `https://example.org/${lang}/atom.xml`, json: `https://example.org/${lang}/feed.json` },
    updated: new Date('2019-03-01T01:00:00Z'),
    authors: [{ name: 'Example Desk', url: 'https://example.org/desk' }],
    generator: { name: 'polyfeed', uri: 'https://www.npmjs.com/package/polyfeed', version: '1.2.3' },
    iconUrl: undefined,
    logoUrl: undefined,
    ttlMinutes: undefined,
    hubUrl: undefined,
    stylesheet: undefined,
    browserNote: undefined,
    archive: undefined,
    items: [
      makeItem(),
      makeItem({
        id: 'tag:example.org,2019:older',
        url: 'https://example.org/en/older/',
        title: 'Older story',
        summary: undefined,
        published: new Date('2019-02-01T10:00:00Z'),
        updated: new Date('2019-02-01T10:00:00Z'),
        authors: [{ name: 'Ann', email: 'ann@example.org' }],
        tags: [],
        image: undefined,
        translations: [],
        defaultVersionUrl: undefined,
      }),
    ],
    ...overrides,
  };
}
