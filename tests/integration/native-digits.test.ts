// Issue 15, "Scripts and directions": a language may ask for its own digits (`digits: { ar: arab }`): its
// dates and the numbers in its labels are written in them, the plural form still chosen by the number;
// other languages, and sites that do not ask, keep Intl's usual digits. Checked by parsing the items back.
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import { bodyText, build } from '../../src/index.js';
import { sourcesOf, siteFiles } from '../helpers/site-fixture.js';

const config = (extra = '') => `baseUrl: https://example.org/
languages: [en, ar]
defaultLanguage: en
authors: [Example Desk]
formats: [json]
${extra}`;

// About 600 words: a three-minute read, which Arabic writes with its "few" plural form.
const body = `${'كلمة '.repeat(600)}\n`;

function build1(extraConfig: string) {
  return build(
    sourcesOf(
      siteFiles({
        'polyfeed.config.yaml': config(extraConfig),
        'locales/ar/feed.json': JSON.stringify({ feed: { title: 'مثال', description: 'موجز', copyright: '©' } }),
        'articles/first/en.md': `---\ntitle: First\ndate: 2025-03-14T09:30:00+01:00\n---\n${'word '.repeat(600)}\n`,
        'articles/first/ar.md': `---\ntitle: الأول\ndate: 2025-03-14T09:30:00+01:00\nupdated: 2025-04-02T10:05:00+03:00\n---\n${body}`,
      }),
    ),
    { now: new Date('2025-06-01T00:00:00Z') },
  );
}

function item(result: ReturnType<typeof build>, lang: string) {
  const file = result.files.find((candidate) => candidate.path === `${lang}/feed.json`)!;
  const html = (JSON.parse(bodyText(file.body)) as { items: { content_html: string }[] }).items[0]!.content_html;
  const document = parseDocument(html);
  const text = (className: string) => DomUtils.textContent(DomUtils.findOne((element) => element.attribs.class === className, document.children)!);
  return { readingTime: text('reading-time'), published: text('published') };
}

describe('digits', () => {
  test('digits: { ar: arab } writes the Arabic reading time and dates in Arabic-Indic digits, with the plural form of the number', () => {
    const result = build1('digits: { ar: arab }\n');
    expect(result.errors).toEqual([]);
    const ar = item(result, 'ar');
    expect(ar.readingTime).toBe('٣ دقائق قراءة');
    expect(ar.published).toMatch(/١٤ مارس ٢٠٢٥/);
    expect(ar.published).toMatch(/٢ أبريل ٢٠٢٥/);
    expect(ar.published).not.toMatch(/[0-9]/);
    // English did not ask: Latin digits.
    const en = item(result, 'en');
    expect(en.readingTime).toBe('3 minutes');
    expect(en.published).toMatch(/March 14, 2025/);
  });

  test('without digits, Arabic keeps the digits Intl gives it (Latin), as before', () => {
    const ar = item(build1(''), 'ar');
    expect(ar.readingTime).toBe('3 دقائق قراءة');
    expect(ar.published).toMatch(/14 مارس 2025/);
  });

  test('a language not in languages, or a numbering system Intl does not know, is a config problem at its place', () => {
    const place = (extra: string) => build1(extra).errors.map((error) => [error.code, error.path.join('.'), error.line]);
    expect(place('digits: { fa: arabext }\n')).toEqual([['INVALID_VALUE', 'digits.fa', 6]]);
    expect(place('digits: { ar: arabic }\n')).toEqual([['INVALID_VALUE', 'digits.ar', 6]]);
  });

  test('a mistyped numbering system gets the nearest one Intl knows as a suggestion; a value near none gets none', () => {
    const hint = (extra: string) => build1(extra).errors.map((error) => error.hint)[0] ?? '';
    expect(hint('digits: { ar: arabic }\n')).toMatch(/^Did you mean "arab"\? Use one of: .*"arabext"/);
    expect(hint('digits: { ar: Arab }\n')).toMatch(/^Did you mean "arab"\?/);
    expect(hint('digits: { ar: zzzzzzzz }\n')).toMatch(/^Use one of: /);
  });
});
