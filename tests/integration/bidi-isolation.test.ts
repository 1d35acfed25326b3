// Issue 15, "Scripts and directions": in item HTML, text of another direction than the label around it
// (a Latin author name or dateline in an Arabic item, an Arabic name in an English one, a photo credit)
// is isolated in <bdi>, and translation links carry their own lang and dir; checked by parsing the items back.
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describe, expect, test } from 'vitest';
import { bodyText, build } from '../../src/index.js';
import { sourcesOf, siteFiles } from '../helpers/site-fixture.js';

const config = `baseUrl: https://example.org/
languages: [en, ar]
defaultLanguage: en
authors: [Example Desk]
formats: [json]
`;

const article = (title: string, extra: string) =>
  `---\ntitle: ${title}\ndate: 2025-03-14T09:30:00+01:00\n${extra}---\nText.\n`;

function itemHtml(lang: string): string {
  const result = build(
    sourcesOf(
      siteFiles({
        'polyfeed.config.yaml': config,
        // polyfeed's packaged Arabic item labels ("بقلم {{authors}}"), the feed's own texts from the site.
        'locales/ar/feed.json': JSON.stringify({ feed: { title: 'مثال', description: 'موجز', copyright: '©' } }),
        'articles/first/en.md': article('First', 'authors: [عمر خالد, Jane Doe]\ndateline: القاهرة\n'),
        'articles/first/ar.md': article(
          'الأول',
          'authors: [Jane Doe, عمر خالد]\ndateline: New York 2\nimage:\n  src: https://images.example.net/a.jpg\n  alt: صورة\n  caption: شرح\n  credit: Getty Images 3\n',
        ),
      }),
    ),
    { now: new Date('2025-06-01T00:00:00Z') },
  );
  expect(result.errors.filter((error) => error.severity === 'error')).toEqual([]);
  const feed = JSON.parse(bodyText(result.files.find((file) => file.path === `${lang}/feed.json`)!.body)) as { items: { content_html: string }[] };
  return feed.items[0]!.content_html;
}

const elements = (html: string, test: (element: Element) => boolean) => DomUtils.findAll(test, parseDocument(html).children);
const textOf = (element: Element) => DomUtils.textContent(element);

describe('bidi isolation in item HTML', () => {
  test('in an Arabic item, each Latin author name and the dateline are isolated inside the Arabic byline', () => {
    const html = itemHtml('ar');
    const byline = elements(html, (element) => element.attribs.class === 'byline')[0]!;
    expect(textOf(byline)).toContain('بقلم');
    const isolated = DomUtils.findAll((element) => element.name === 'bdi', byline.children);
    expect(isolated.map(textOf)).toEqual(['New York 2', 'Jane Doe', 'عمر خالد']);
    expect(isolated[0]!.attribs.class).toBe('dateline');
    // Between the names: the Arabic conjunction, outside any isolate.
    const between = byline.children.filter((node) => node.type === 'text').map((node) => DomUtils.textContent(node)).join('');
    expect(between).toMatch(/بقلم/);
    expect(between).toMatch(/و/);
  });

  test('the photo credit is isolated inside its Arabic label', () => {
    const credit = elements(itemHtml('ar'), (element) => element.attribs.class === 'credit')[0]!;
    const isolated = DomUtils.findAll((element) => element.name === 'bdi', credit.children);
    expect(isolated.map(textOf)).toEqual(['Getty Images 3']);
    expect(textOf(credit).replace('Getty Images 3', '')).toBe('الصورة: ');
  });

  test('the English link in the Arabic "also available in" list carries its own language and direction', () => {
    const html = itemHtml('ar');
    const wrapper = elements(html, (element) => element.name === 'div')[0]!;
    expect([wrapper.attribs.lang, wrapper.attribs.dir]).toEqual(['ar', 'rtl']);
    const link = elements(html, (element) => element.name === 'a' && element.attribs.hreflang === 'en')[0]!;
    expect([link.attribs.lang, link.attribs.dir, textOf(link)]).toEqual(['en', 'ltr', 'English']);
  });

  test('an Arabic name and dateline in an English item are isolated too', () => {
    const byline = elements(itemHtml('en'), (element) => element.attribs.class === 'byline')[0]!;
    expect(DomUtils.findAll((element) => element.name === 'bdi', byline.children).map(textOf)).toEqual(['القاهرة', 'عمر خالد', 'Jane Doe']);
    expect(textOf(byline)).toBe('القاهرة — By عمر خالد and Jane Doe');
  });
});
