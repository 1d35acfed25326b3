// Issue 15, "Fallbacks" for labels: a label a language takes from another by `labelFallbacks` is
// marked as that language in the item's HTML (`<span lang="en" dir="ltr">`), so no English text is
// passed off as Korean; the language's own labels stay unmarked. Read back from every format.
import { DomUtils, parseDocument } from 'htmlparser2';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { bodyText, build } from '../../src/index.js';
import { sourcesOf, siteFiles } from '../helpers/site-fixture.js';

const config = `baseUrl: https://example.org/
languages: [en, ko]
defaultLanguage: en
authors: [Example Desk]
labelFallbacks: { ko: en }
`;

// Korean has no packaged labels: the site words the feed texts and "Read more"; the rest comes from English.
const koLabels = JSON.stringify({ feed: { title: '예시', description: '예시 피드', copyright: '©' }, item: { readMore: '더 읽기' } });

function buildSite(template?: string) {
  const result = build(
    sourcesOf(
      siteFiles({
        'polyfeed.config.yaml': config,
        'locales/ko/feed.json': koLabels,
        ...(template ? { 'templates/item.hbs': template } : {}),
        'articles/first/en.md': '---\ntitle: First\ndate: 2025-03-14T09:30:00+01:00\nauthors: [Jane Doe]\n---\nHello.\n',
        'articles/first/ko.md': '---\ntitle: 첫 번째\ndate: 2025-03-14T09:30:00+01:00\nauthors: [김민지]\n---\n안녕하세요.\n',
      }),
    ),
    { now: new Date('2025-06-01T00:00:00Z') },
  );
  expect(result.errors).toEqual([]);
  return (path: string) => bodyText(result.files.find((file) => file.path === path)!.body);
}

function itemHtmlOf(text: (path: string) => string): string[] {
  const json = (JSON.parse(text('ko/feed.json')) as { items: { content_html: string }[] }).items[0]!.content_html;
  const atom = new XMLParser({ ignoreAttributes: false }).parse(text('ko/atom.xml')) as { feed: { entry: { content: { '#text': string } } } };
  const rss = new XMLParser().parse(text('ko/rss.xml')) as { rss: { channel: { item: { 'content:encoded': string } } } };
  return [json, atom.feed.entry.content['#text'], rss.rss.channel.item['content:encoded']];
}

describe('labels taken from another language', () => {
  test('are each in a span of that language and direction; the language\'s own label is not; the same in every format', () => {
    const [json, ...others] = itemHtmlOf(buildSite());
    for (const html of others) expect(html).toBe(json);
    const document = parseDocument(json!);
    const english = DomUtils.findAll((element) => element.name === 'span' && element.attribs.lang === 'en', document.children);
    expect(english.every((span) => span.attribs.dir === 'ltr')).toBe(true);
    const englishTexts = english.map((span) => DomUtils.textContent(span));
    expect(englishTexts.some((text) => text.startsWith('By '))).toBe(true);
    expect(englishTexts.some((text) => /minute/.test(text))).toBe(true);
    expect(englishTexts.some((text) => text.startsWith('Published'))).toBe(true);
    const readMore = DomUtils.findOne((element) => element.name === 'a' && DomUtils.textContent(element) === '더 읽기', document.children)!;
    expect(readMore).toBeTruthy();
    // Nothing around "Read more" says English: its nearest lang is the item's.
    let node: typeof readMore | null = readMore;
    while (node && node.attribs.lang === undefined) node = node.parent as typeof readMore | null;
    expect(node!.attribs.lang).toBe('ko');
  });

  test('a borrowed label a template puts in an attribute is the plain text there, with no mark left', () => {
    const [json] = itemHtmlOf(buildSite('<div lang="{{lang}}"><p title="{{t "item.readingTime" count=readingMinutes}}">{{t "item.readingTime" count=readingMinutes}}</p>{{body}}</div>'));
    const paragraph = DomUtils.findOne((element) => element.name === 'p' && element.attribs.title !== undefined, parseDocument(json!).children)!;
    expect(paragraph.attribs.title).toBe('1 minute');
    expect(json).not.toMatch(/[\u0003-\u0005]/);
    expect(json).toContain('<span lang="en" dir="ltr">1 minute</span>');
  });
});
