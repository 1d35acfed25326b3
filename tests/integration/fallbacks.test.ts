// Fallbacks (issue 15): a language's feeds carry another language's version of an article they
// lack, marked as that language wherever a reader looks, in every format, parsed back.
import { XMLParser } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { readSources } from '../../src/load/read-sources.js';
import { bodyText } from '../../src/model/output-file.js';
import { build } from '../../src/run/build-site.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, repoRoot, sourcesOf, writeSite } from '../helpers/site-fixture.js';

const BASE_URL = 'https://news.example.org/';
/** The sample site's articles without a pt-BR version: in the pt-BR feeds by their English version. */
const WITHOUT_PT_BR = [
  '2025-06-qa-escaping-special-characters-in-feeds',
  '2025-04-ukiyo-e-prints-exhibition-amman',
  '2025-01-cairo-bindery-hand-sewn-books',
  '2024-12-geminids-meteor-shower-explained',
  '2019-02-hanoi-summit-ends-without-deal',
];
const enUrl = (key: string) => `${BASE_URL}en/${key}/`;
const NOTE = 'Ainda não disponível em português (Brasil); aqui em inglês';

const sample = build(readSources(repoRoot), { version: 'test' });
const outputs = new Map(sample.files.map((file) => [file.path, bodyText(file.body)]));
const output = (path: string) => outputs.get(path) ?? '';

/** An element of parsed HTML, by duck typing (htmlparser2's DOM nodes). */
interface HtmlNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  data?: string;
  children?: HtmlNode[];
}

function elementsOf(node: HtmlNode): HtmlNode[] {
  const own = node.type === 'tag' ? [node] : [];
  return [...own, ...(node.children ?? []).flatMap(elementsOf)];
}

function textOf(node: HtmlNode): string {
  return node.type === 'text' ? node.data ?? '' : (node.children ?? []).map(textOf).join('');
}

/** What a reader sees of an item's HTML: its wrapper's language and direction, the note (with its own), and the "read more" link's hreflang. */
function markingOf(html: string) {
  const elements = elementsOf(parseDocument(html) as unknown as HtmlNode);
  const wrapper = elements[0]!;
  const note = elements.find((element) => element.attribs?.class === 'fallback-note');
  const readMore = elements.find((element) => element.attribs?.class === 'read-more')?.children?.find((child) => child.name === 'a');
  return {
    lang: wrapper.attribs?.lang,
    dir: wrapper.attribs?.dir,
    note: note && { text: textOf(note), lang: note.attribs?.lang, dir: note.attribs?.dir },
    readMoreHreflang: readMore?.attribs?.hreflang,
  };
}

const expectedFallbackMarking = { lang: 'en', dir: 'ltr', note: { text: NOTE, lang: 'pt-BR', dir: 'ltr' }, readMoreHreflang: 'en' };

describe('the sample site: pt-BR falls back to en (polyfeed.config.yaml fallbacks)', () => {
  test('builds without problems', () => {
    expect(sample.errors).toEqual([]);
  });

  test('Atom: a fallback entry has the English id and URL, xml:lang="en", an English alternate link and the note in Portuguese', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'entry' || name === 'link' });
    const feed = parser.parse(output('pt-BR/atom.xml')).feed as { '@_xml:lang': string; entry: Record<string, unknown>[] };
    expect(feed['@_xml:lang']).toBe('pt-BR');
    const fallbacks = feed.entry.filter((entry) => entry['@_xml:lang'] !== undefined);
    expect(fallbacks.map((entry) => entry.id)).toEqual(WITHOUT_PT_BR.map(enUrl));
    for (const entry of fallbacks) {
      expect(entry['@_xml:lang']).toBe('en');
      const links = entry.link as Record<string, string>[];
      expect(links[0]).toMatchObject({ '@_rel': 'alternate', '@_hreflang': 'en', '@_href': entry.id });
      expect(markingOf((entry.content as Record<string, string>)['#text']!)).toEqual(expectedFallbackMarking);
    }
    // The feed's own versions stay unmarked, without a note.
    const own = feed.entry.filter((entry) => entry['@_xml:lang'] === undefined);
    expect(own).toHaveLength(3);
    for (const entry of own) expect(markingOf((entry.content as Record<string, string>)['#text']!)).toMatchObject({ lang: 'pt-BR', note: undefined, readMoreHreflang: undefined });
  });

  test('JSON Feed: a fallback item has "language": "en", the English id and URL, and the note', () => {
    const feed = JSON.parse(output('pt-BR/feed.json')) as { language: string; items: { id: string; url: string; language?: string; content_html: string }[] };
    expect(feed.language).toBe('pt-BR');
    const fallbacks = feed.items.filter((item) => item.language !== undefined);
    expect(fallbacks.map((item) => item.id)).toEqual(WITHOUT_PT_BR.map(enUrl));
    for (const item of fallbacks) {
      expect(item.language).toBe('en');
      expect(item.url).toBe(item.id);
      expect(markingOf(item.content_html)).toEqual(expectedFallbackMarking);
    }
  });

  test('RSS: a fallback item has the English guid and link, and its HTML is marked English with the Portuguese note', async () => {
    const feed = await new Parser({ customFields: { item: ['content:encoded', 'dc:language'] } }).parseString(output('pt-BR/rss.xml'));
    expect(feed.language).toBe('pt-BR');
    const fallbacks = feed.items.filter((item) => WITHOUT_PT_BR.map(enUrl).includes(item.guid ?? ''));
    expect(fallbacks).toHaveLength(WITHOUT_PT_BR.length);
    // The item's own language, in Dublin Core (RSS has none per item); the Portuguese items have none.
    expect(feed.items.map((item) => (item as unknown as Record<string, string | undefined>)['dc:language'] ?? 'pt-BR').filter((lang) => lang === 'en')).toHaveLength(WITHOUT_PT_BR.length);
    for (const item of fallbacks) {
      expect((item as unknown as Record<string, string>)['dc:language']).toBe('en');
      expect(item.link).toBe(item.guid);
      expect(markingOf((item as unknown as Record<string, string>)['content:encoded']!)).toEqual(expectedFallbackMarking);
    }
  });

  test('a reader subscribed to both feeds sees one item: the fallback item is the English item with the same id, title and date', () => {
    const en = JSON.parse(output('en/feed.json')) as { items: { id: string; title: string; date_published: string }[] };
    const ptBR = JSON.parse(output('pt-BR/feed.json')) as { items: { id: string; title: string; date_published: string; language?: string }[] };
    for (const item of ptBR.items.filter((candidate) => candidate.language === 'en')) {
      expect(en.items.find((english) => english.id === item.id)).toMatchObject({ title: item.title, date_published: item.date_published });
    }
  });

  test('the English, Arabic, French and Japanese feeds have no fallback items', () => {
    for (const lang of ['en', 'ar', 'fr', 'ja']) {
      const feed = JSON.parse(output(`${lang}/feed.json`)) as { items: { language?: string; content_html: string }[] };
      expect(feed.items.filter((item) => item.language !== undefined || item.content_html.includes('fallback-note'))).toEqual([]);
    }
  });
});

const config = (extra: string) => `baseUrl: https://example.org/
languages: [en, fr, ar]
defaultLanguage: en
authors: [Desk]
title: Desk
description: News of the desk
copyright: © Desk
${extra}`;
const article = (title: string, date: string, extra = '') => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\nText of ${title}.\n`;

/** Each language's JSON Feed items of a site, as [id, language] pairs. */
function itemsOf(files: Record<string, string>, lang: string): [string, string | undefined][] {
  const result = build(sourcesOf(files), { version: 'test', now: new Date('2025-06-01T00:00:00Z') });
  expect(result.errors).toEqual([]);
  const feed = JSON.parse(bodyText(result.files.find((file) => file.path === `${lang}/feed.json`)!.body)) as { items: { id: string; language?: string }[] };
  return feed.items.map((item) => [item.id, item.language]);
}

describe('fallback chains', () => {
  const files = {
    'polyfeed.config.yaml': config('fallbacks: { ar: [fr, en] }\n'),
    'articles/a/en.md': article('A', '2025-01-01T00:00:00Z'),
    'articles/a/fr.md': article('A fr', '2025-01-01T00:00:00Z'),
    'articles/b/en.md': article('B', '2025-02-01T00:00:00Z'),
    'articles/c/en.md': article('C', '2025-03-01T00:00:00Z'),
    'articles/c/ar.md': article('C ar', '2025-03-01T00:00:00Z'),
  };

  test('the first language of the chain with a published version is taken; the language\'s own version always wins', () => {
    expect(itemsOf(files, 'ar')).toEqual([
      ['https://example.org/ar/c/', undefined],
      ['https://example.org/en/b/', 'en'],
      ['https://example.org/fr/a/', 'fr'],
    ]);
  });

  test('a language without a chain leaves such articles out (the default)', () => {
    expect(itemsOf(files, 'fr')).toEqual([['https://example.org/fr/a/', undefined]]);
  });

  test('only published versions count: a draft or a scheduled version is passed over for the next language of the chain', () => {
    const withUnpublished = {
      ...files,
      'articles/a/ar.md': article('A ar', '2025-01-01T00:00:00Z', 'draft: true\n'),
      'articles/b/ar.md': article('B ar', '2026-01-01T00:00:00Z'),
      'articles/b/fr.md': article('B fr', '2027-01-01T00:00:00Z'),
    };
    expect(itemsOf(withUnpublished, 'ar')).toEqual([
      ['https://example.org/ar/c/', undefined],
      ['https://example.org/en/b/', 'en'],
      ['https://example.org/fr/a/', 'fr'],
    ]);
  });
});

describe('the published-ids guard', () => {
  test('lists a fallback item under its own language only: adding the translation later is no id change', () => {
    const root = writeSite({
      'polyfeed.config.yaml': config('fallbacks: { fr: en }\n'),
      'articles/a/en.md': article('A', '2025-01-01T00:00:00Z'),
    });
    const now = ['--now', '2025-06-01T00:00:00Z'];
    expect(runCli(['build', '--root', root, ...now]).status).toBe(0);
    const rows = () => readFileSync(join(root, 'published-ids.tsv'), 'utf8').split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => line.split('\t'));
    expect(rows().map(([lang, key, , id]) => [lang, key, id])).toEqual([['en', 'a', 'https://example.org/en/a/']]);
    writeFileSync(join(root, 'articles/a/fr.md'), article('A fr', '2025-01-01T00:00:00Z'));
    const run = runCli(['build', '--root', root, ...now]);
    expect(run.status, run.stderr).toBe(0);
    expect(rows().map(([lang, , , id]) => [lang, id])).toEqual([
      ['en', 'https://example.org/en/a/'],
      ['fr', 'https://example.org/fr/a/'],
    ]);
  });
});

describe('the note is in the feed\'s language and direction, the item in its own', () => {
  test('an English item in the Arabic feed: wrapper lang="en" dir="ltr", note lang="ar" dir="rtl" in Arabic', () => {
    const result = build(sourcesOf({ 'polyfeed.config.yaml': config('fallbacks: { ar: en }\n'), 'articles/a/en.md': article('A', '2025-01-01T00:00:00Z') }), {
      version: 'test',
      now: new Date('2025-06-01T00:00:00Z'),
    });
    expect(result.errors).toEqual([]);
    const feed = JSON.parse(bodyText(result.files.find((file) => file.path === 'ar/feed.json')!.body)) as { items: { language: string; content_html: string }[] };
    expect(feed.items.map((item) => item.language)).toEqual(['en']);
    expect(markingOf(feed.items[0]!.content_html)).toEqual({
      lang: 'en',
      dir: 'ltr',
      note: { text: 'غير متوفر بعد باللغة العربية؛ إليك النسخة باللغة الإنجليزية', lang: 'ar', dir: 'rtl' },
      readMoreHreflang: 'en',
    });
    // The item's own labels stay English: nothing English is dressed in Arabic labels.
    expect(feed.items[0]!.content_html).toContain('Read more');
  });
});

describe.each([
  ['the newest items', ''],
  ['archive pages', 'maxItems: 1\narchivePageSize: 1\n'],
  ['every item (rendered on worker threads)', 'maxItems: 0\n'],
])('incremental builds with fallbacks: %s', (_, feedSettings) => {
  test('adding, then removing, the translation gives the same feeds as a build without the cache', () => {
    const files: Record<string, string> = {
      'polyfeed.config.yaml': config(`fallbacks: { fr: en }\n${feedSettings}`),
      'articles/a/en.md': article('A', '2025-01-01T00:00:00Z'),
      'articles/b/en.md': article('B', '2025-02-01T00:00:00Z'),
    };
    const root = writeSite(files);
    const fresh = writeSite(files);
    const now = ['--now', '2025-06-01T00:00:00Z'];
    const buildBoth = () => {
      for (const run of [runCli(['build', '--root', root, ...now, '--accept-id-changes']), runCli(['build', '--root', fresh, ...now, '--no-cache', '--accept-id-changes'])]) {
        expect(run.status, run.stderr).toBe(0);
      }
      return readTree(join(root, 'public'));
    };
    /** The French items of every document, newest first (the current feed, then archive pages from the newest). */
    const frItems = (tree: Record<string, Buffer>) =>
      Object.keys(tree)
        .filter((path) => path.startsWith('fr/') && path.endsWith('feed.json'))
        .sort((a, b) => (a === 'fr/feed.json' ? -1 : b === 'fr/feed.json' ? 1 : b.localeCompare(a)))
        .flatMap((path) => (JSON.parse(tree[path]!.toString('utf8')) as { items: { id: string }[] }).items.map((item) => item.id));
    const edit = (path: string, text: string | undefined) => {
      for (const site of [root, fresh]) {
        if (text === undefined) rmSync(join(site, path));
        else writeFileSync(join(site, path), text);
      }
    };

    const first = buildBoth();
    expect(frItems(first)).toEqual(['https://example.org/en/b/', 'https://example.org/en/a/']);
    // However the feeds are made (here, in archive pages, on other threads), a fallback item carries its note.
    const notes = Object.entries(first)
      .filter(([path]) => path.startsWith('fr/') && path.endsWith('feed.json'))
      .flatMap(([, bytes]) => (JSON.parse(bytes.toString('utf8')) as { items: { language?: string; content_html: string }[] }).items)
      .map((item) => [item.language, markingOf(item.content_html).note?.text]);
    expect(notes).toEqual([
      ['en', 'Pas encore disponible en français ; voici la version en anglais'],
      ['en', 'Pas encore disponible en français ; voici la version en anglais'],
    ]);
    edit('articles/b/fr.md', article('B fr', '2025-02-01T00:00:00Z'));
    const added = buildBoth();
    expect(frItems(added)).toEqual(['https://example.org/fr/b/', 'https://example.org/en/a/']);
    expect(added).toEqual(readTree(join(fresh, 'public')));
    edit('articles/b/fr.md', undefined);
    const removed = buildBoth();
    expect(frItems(removed)).toEqual(['https://example.org/en/b/', 'https://example.org/en/a/']);
    expect(removed).toEqual(readTree(join(fresh, 'public')));
  });
});

describe('the fallback note is needed only where it can appear', () => {
  const koLabels = (withNote: boolean) =>
    JSON.stringify({
      feed: { title: '예시', description: '예시 피드', copyright: '©' },
      item: {
        readMore: '더 읽기',
        byline: '{{authors}} 작성',
        publishedOn: '{{date}} 게시',
        updatedOn: '{{date}} 수정',
        readingTime_other: '{{count}}분 분량',
        translations: '다른 언어:',
        photoCredit: '사진: {{credit}}',
        watchVideo: '동영상 보기',
        ...(withNote ? { fallbackNote: '{{language}}로는 아직 없습니다; {{fallbackLanguage}}로 읽기' } : {}),
      },
    });
  const site = (fallbacks: string, withNote: boolean) =>
    build(
      sourcesOf({
        'polyfeed.config.yaml': `baseUrl: https://example.org/\nlanguages: [en, fr, ko]\ndefaultLanguage: en\nauthors: [Desk]\nfallbacks: ${fallbacks}\n`,
        'locales/ko/feed.json': koLabels(withNote),
        'locales/fr/feed.json': JSON.stringify({ feed: { title: 'Exemple', description: 'Flux', copyright: '©' } }),
        'locales/en/feed.json': JSON.stringify({ feed: { title: 'Example', description: 'Feed', copyright: '©' } }),
        'articles/a/en.md': '---\ntitle: A\ndate: 2025-01-01T00:00:00Z\n---\nText.\n',
      }),
      { version: 'test', now: new Date('2025-06-01T00:00:00Z') },
    );
  const missingKeys = (result: ReturnType<typeof build>) => result.errors.filter((error) => error.code === 'LOCALE_MISSING_KEY').map((error) => `${error.file} ${error.path.join('.')}`);

  test('a language without a fallback chain never shows the note: its labels need not word it', () => {
    expect(missingKeys(site('{ fr: en }', false))).toEqual([]);
  });

  test('a language with a chain must word it (polyfeed ships it for its packaged languages only)', () => {
    expect(missingKeys(site('{ fr: en, ko: en }', false))).toEqual(['locales/ko/feed.json item.fallbackNote']);
    expect(missingKeys(site('{ fr: en, ko: en }', true))).toEqual([]);
  });
});
