// Issue 15, "Scripts and directions": with `summaryLength`, an article without a summary gets one
// made from its body, cut between words with Intl.Segmenter (a Japanese word, a combining sequence,
// an emoji are never split). Read back from all three formats with independent parsers.
import { describe, expect, test } from 'vitest';
import Parser from 'rss-parser';
import { XMLParser } from 'fast-xml-parser';
import { bodyText, build } from '../../src/index.js';
import { sourcesOf, siteFiles } from '../helpers/site-fixture.js';

const config = (extra = '') => `baseUrl: https://example.org/
languages: [en, ja]
defaultLanguage: en
authors: [Example Desk]
${extra}`;

const JA_BODY = '![東京の夜空](https://cdn.example.org/sky.jpg)\n\n今夜は東京で流星群が見られます。気象庁によると、関東地方は晴れる見込みです。\n\n## 見どころ\n\n午後九時ごろから明るい流星が増えます。\n';
const EN_BODY = 'The Geminids peak tonight. Cafe\u0301 owners on the hill expect crowds 🌠 until two in the morning, police said.\n';

function buildSite(extra: string) {
  const result = build(
    sourcesOf(
      siteFiles({
        'polyfeed.config.yaml': config(extra),
        'locales/ja/feed.json': JSON.stringify({ feed: { title: '例', description: '例のフィード', copyright: '©' } }),
        'articles/geminids/en.md': `---\ntitle: Geminids tonight\ndate: 2025-12-12T20:00:00+09:00\n---\n${EN_BODY}`,
        'articles/geminids/ja.md': `---\ntitle: ふたご座流星群\ndate: 2025-12-12T20:00:00+09:00\n---\n${JA_BODY}`,
        'articles/own-summary/en.md': `---\ntitle: Own summary\ndate: 2025-12-01T10:00:00Z\nsummary: Written by the desk.\n---\nA long body that is not the summary.\n`,
      }),
    ),
    { now: new Date('2026-01-01T00:00:00Z') },
  );
  expect(result.errors).toEqual([]);
  const text = (path: string) => bodyText(result.files.find((file) => file.path === path)!.body);
  return { text };
}

const graphemes = (text: string) => [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)].length;

async function summariesOf(site: ReturnType<typeof buildSite>, lang: string): Promise<Record<string, { rss?: string; atom?: string; json?: string }>> {
  const byTitle: Record<string, { rss?: string; atom?: string; json?: string }> = {};
  const rss = await new Parser().parseString(site.text(`${lang}/rss.xml`));
  for (const item of rss.items) (byTitle[item.title!] ??= {}).rss = item.content;
  const atom = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(site.text(`${lang}/atom.xml`)) as { feed: { entry: { title: { '#text': string } | string; summary?: { '#text': string } | string }[] } };
  const textOf = (value: { '#text': string } | string | undefined) => (typeof value === 'object' ? value['#text'] : value);
  for (const entry of atom.feed.entry) (byTitle[textOf(entry.title)!] ??= {}).atom = textOf(entry.summary);
  const json = JSON.parse(site.text(`${lang}/feed.json`)) as { items: { title: string; summary?: string }[] };
  for (const item of json.items) (byTitle[item.title] ??= {}).json = item.summary;
  return byTitle;
}

describe('summaryLength', () => {
  test('without it, an article without summary has none in any format (as before)', async () => {
    const en = await summariesOf(buildSite(''), 'en');
    expect(en['Geminids tonight']).toEqual({ rss: undefined, atom: undefined, json: undefined });
    expect(en['Own summary']!.json).toBe('Written by the desk.');
  });

  test('Japanese: the summary is the paragraphs\' text (not the image alt or the heading), cut between words, the same in every format', async () => {
    const ja = (await summariesOf(buildSite('summaryLength: 20\n'), 'ja'))['ふたご座流星群']!;
    const summary = ja.json!;
    expect(ja.rss).toBe(summary);
    expect(ja.atom).toBe(summary);
    expect(summary.endsWith('…')).toBe(true);
    expect(graphemes(summary)).toBeLessThanOrEqual(20);
    const text = '今夜は東京で流星群が見られます。気象庁によると、関東地方は晴れる見込みです。';
    const kept = summary.slice(0, -1);
    expect(text.startsWith(kept)).toBe(true);
    const wordEnds = new Set([...new Intl.Segmenter('ja', { granularity: 'word' }).segment(text)].map((word) => word.index + word.segment.length));
    expect(wordEnds.has(kept.length)).toBe(true);
  });

  test('English: cut after a whole word, the combining accent and the emoji kept whole; a front-matter summary wins', async () => {
    const en = await summariesOf(buildSite('summaryLength: 50\n'), 'en');
    expect(en['Geminids tonight']!.json).toBe('The Geminids peak tonight. Cafe\u0301 owners on the…');
    expect(en['Own summary']!.json).toBe('Written by the desk.');
    const long = await summariesOf(buildSite('summaryLength: 200\n'), 'en');
    expect(long['Geminids tonight']!.json).toBe(EN_BODY.trim());
  });

  test('a length out of range is a config problem at its line', () => {
    const result = build(sourcesOf(siteFiles({ 'polyfeed.config.yaml': config('summaryLength: 3\n') })), { now: new Date('2026-01-01T00:00:00Z') });
    expect(result.errors.map((error) => [error.code, error.path.join('.'), error.line])).toEqual([['INVALID_VALUE', 'summaryLength', 5]]);
  });
});
