// Property: the quick way through a clean article file (body searched undecoded) is never taken
// when the careful path would report anything, and gives exactly the careful path's summary.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { summarizeArticle } from '../../src/model/article-summary.js';
import { ConfigSchema } from '../../src/model/config-schema.js';
import { summarizeCleanArticle } from '../../src/validate/summarize-clean-article.js';
import { validateArticleFile } from '../../src/validate/validate-article-file.js';

const config = ConfigSchema.parse({ baseUrl: 'https://example.org/news/', languages: ['en', 'ar', 'ja'], defaultLanguage: 'en', authors: ['Desk'], maxFileSizeKb: 2 });
const staticFiles = new Map([['media/a.jpg', 1234]]);

/** Pieces that are fine, and pieces each of which some check reports or must look at closely. */
const PIECES = [
  'Plain words. ', 'é', 'à', '«', '»', '©', 'العربية', '日本語の文。', 'Ünïcødé', '\u00A0', '\u3000', '\u2028', '\u0085',
  '\u0000', '\u0007', '\u000B', '\u007F', '\u0080', '\u009F', '\uFFFE', '\uFFFF', '\uFEFF', '\r\n', '\r', '\t', '\n', '\n\n', ' ',
  '![alt](https://cdn.example.org/a.jpg)', '![alt](/media/a.jpg)', '![alt](/media/missing.jpg)', '![alt](  https://x.org/b.jpg)',
  '![alt](\u00A0/media/missing.jpg)', '![alt][ref]', '![a [b] c](https://x.org/c.jpg)', '![', '](', '<img src="/media/missing.jpg">',
  '<IMG SRC=x>', '<script>x()</script>', '<Style>', '`<script>`', '<b>bold</b>', '<', '---', '# Heading', '> quote', '- item',
  'x'.repeat(700), '![x](https://cdn.example.org/à', '![x](https://cdn.example.org/a\u00A0b', '![y](https://example.org/news/missing.jpg)', '![y](//example.org/news/missing.jpg)',
  '![z](https://cdn.example.org/\u3000', ')',
];

/** Pieces no check objects to: with only these, the quick way must be taken (and agree). */
const CLEAN_PIECES = ['Plain words. ', 'é', '«', '»', 'العربية', '日本語の文。', '\n', ' ', '![alt](https://cdn.example.org/a.jpg)', '# Heading', '- item'];

const piecesText = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(''));
const cleanText = fc.array(fc.constantFrom(...CLEAN_PIECES), { minLength: 1, maxLength: 8 }).map((parts) => `Text ${parts.join('')}`);
const bodyText = fc.oneof({ arbitrary: cleanText, weight: 3 }, { arbitrary: piecesText, weight: 2 });
const titleText = fc.oneof({ arbitrary: fc.constant('A title'), weight: 2 }, { arbitrary: piecesText.map((text) => JSON.stringify(`T ${text}`)), weight: 1 });

/** Mostly one of `usual`, sometimes one of `unusual`: most generated files should be clean. */
function mostly<T>(usual: readonly T[], unusual: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: fc.constantFrom(...usual), weight: 6 }, { arbitrary: fc.constantFrom(...unusual), weight: 1 });
}

const articleFile = fc
  .record({
    bom: mostly([false], [true]),
    lang: mostly(['en', 'ar', 'ja'], ['fr', 'EN']),
    title: titleText,
    date: mostly(['2025-03-14T09:30:00+01:00', '2025-03-14T09:30:00Z', '2025-03-14T09:30:00+09:00'], ['2025-03-14', '2025-02-30T10:00:00Z']),
    updated: mostly([undefined, '2025-03-15T09:30:00Z'], ['2025-03-01T09:30:00Z']),
    image: mostly(
      [undefined, 'https://cdn.example.org/x.jpg', '/media/a.jpg'],
      // Addresses the URL rule refuses, however they are spelt (YAML escapes put control characters in).
      ['/media/missing.jpg', 'media/a.jpg', '"\\u0001javascript:alert(1)"', 'javascript:alert(1)', 'file:///etc/passwd', '"java\\tscript:x"', '" JAVASCRIPT:x"', 'data:image/png;base64,AA', '"/\\\\evil.example/a.jpg"', '"\\u0085https://x.org/a.jpg"', '//cdn.example.org/x.jpg'],
    ),
    extra: mostly(
      ['', 'draft: true\n', 'id: urn:x:1\n'],
      ['unknown: 1\n', 'tags: [a, "b\u0007"]\n', 'summary: &a x\n', 'id: javascript:alert(1)\n', 'id: "\\u0001https://x.org/a"\n', 'id: https://x.org/a\n', 'id: file:///etc/passwd\n', 'authors: [{name: A, url: "\\u0001https://x.org/"}]\n', 'authors: [{name: A, url: javascript:x}]\n'],
    ),
    body: bodyText,
  })
  .map(({ bom, lang, title, date, updated, image, extra, body }) => {
    const frontMatter = [
      `title: ${title}`,
      `date: ${date}`,
      ...(updated ? [`updated: ${updated}`] : []),
      ...(image ? [`image:\n  src: ${image}\n  alt: A picture`] : []),
    ].join('\n');
    return { path: `articles/story/${lang}.md`, text: `${bom ? '\uFEFF' : ''}---\n${frontMatter}\n${extra}---\n${body}` };
  });

describe('the quick way through a clean article file', () => {
  let taken = 0;
  let refused = 0;
  test.prop([articleFile], { numRuns: 3000 })('is taken only when the careful path finds nothing, and agrees with it', ({ path, text }) => {
    const input = { path, bytes: Buffer.from(text, 'utf8'), config, staticFiles };
    const quick = summarizeCleanArticle(input);
    const careful = validateArticleFile(input);
    if (quick === undefined) {
      refused++;
      return;
    }
    taken++;
    expect(careful.problems).toEqual([]);
    expect(quick).toEqual(summarizeArticle(careful.article!));
  });

  test('the property above saw both ways taken, many times each', () => {
    expect(taken).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  test('is taken for an ordinary article in any script', () => {
    for (const body of ['Plain words.', 'العربية هنا.', '日本語の文。![写真](https://cdn.example.org/a.jpg)']) {
      const bytes = Buffer.from(`---\ntitle: Ordinary\ndate: 2025-03-14T09:30:00+01:00\nimage:\n  src: /media/a.jpg\n  alt: A picture\n---\n${body}\n`, 'utf8');
      expect(summarizeCleanArticle({ path: 'articles/story/ar.md', bytes, config, staticFiles })).toMatchObject({ title: 'Ordinary', lang: 'ar', key: 'story' });
    }
  });

  // Read one byte per character, the 0xA0 of "à" looked like white space ending the first address.
  test('is not taken when an image address with a non-ASCII character runs into a local image', () => {
    const bytes = Buffer.from('---\ntitle: Images\ndate: 2025-03-14T09:30:00+01:00\n---\nText ![x](https://cdn.example.org/à![y](https://example.org/news/missing.jpg)\n', 'utf8');
    const input = { path: 'articles/story/en.md', bytes, config, staticFiles };
    expect(validateArticleFile(input).problems.map((problem) => problem.code)).toEqual(['IMAGE_NOT_FOUND']);
    expect(summarizeCleanArticle(input)).toBeUndefined();
  });

  test('is not taken for bytes that are not UTF-8', () => {
    const bytes = Buffer.from('---\ntitle: Caf\xE9\ndate: 2025-03-14T09:30:00+01:00\n---\nText.\n', 'latin1');
    expect(summarizeCleanArticle({ path: 'articles/story/en.md', bytes, config, staticFiles })).toBeUndefined();
  });
});
