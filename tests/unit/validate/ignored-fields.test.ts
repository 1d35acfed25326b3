// Issue 14: the front-matter fields polyfeed ignores in another generator's layout, found per file and tallied for `check --ignored-fields`.
import { describe, expect, test } from 'vitest';
import { ConfigSchema } from '../../../src/model/config-schema.js';
import { findIgnoredFields } from '../../../src/validate/find-ignored-fields.js';
import { tallyIgnoredFields } from '../../../src/validate/tally-ignored-fields.js';

const configOf = (content: Record<string, unknown>) =>
  ConfigSchema.parse({ baseUrl: 'https://example.org/', languages: ['en', 'fr'], defaultLanguage: 'en', authors: ['Desk'], timezone: 'UTC', content });

const bytes = (text: string) => new TextEncoder().encode(text);

describe('findIgnoredFields', () => {
  test('lists the fields no polyfeed field is read from, in the order written', () => {
    const file = '---\nlayout: post\ntitle: A\ndate: 2024-01-02\nweight: 3\ndescription: S\ntoc: true\n---\nText.\n';
    expect(findIgnoredFields('content/posts/a.md', bytes(file), configOf({ layout: 'hugo' }))).toEqual(['layout', 'weight', 'toc']);
  });

  test('a field named in content.fields is used, and the name it replaces is then ignored', () => {
    const file = '---\ntitle: A\ndate: 2024-01-02\nexcerpt: S\ndescription: D\n---\nText.\n';
    expect(findIgnoredFields('_posts/2024-01-02-a.md', bytes(file), configOf({ layout: 'jekyll', fields: { summary: 'excerpt' } }))).toEqual(['description']);
  });

  test('a picture\'s text alternative written beside it is used', () => {
    const file = '---\ntitle: A\npubDate: Jul 08 2022\nheroImage: /a.jpg\nheroImageAlt: A river\n---\nText.\n';
    expect(findIgnoredFields('src/content/blog/a.md', bytes(file), configOf({ layout: 'astro' }))).toEqual([]);
  });

  test('nothing is listed for a file that is no article, has unreadable front matter, or in polyfeed\'s own layout', () => {
    const config = configOf({ layout: 'hugo' });
    expect(findIgnoredFields('content/_index.md', bytes('---\ntitle: A\nmenu: main\n---\n'), config)).toEqual([]);
    expect(findIgnoredFields('content/a.md', bytes('---\ntitle: [A\n---\nText.\n'), config)).toEqual([]);
    expect(findIgnoredFields('content/a.md', bytes('no front matter\n'), config)).toEqual([]);
    expect(findIgnoredFields('articles/a/en.md', bytes('---\ntitle: A\nmenu: main\n---\nText.\n'), configOf({}))).toEqual([]);
  });
});

describe('tallyIgnoredFields', () => {
  const files = [
    { path: 'content/b.md', ignored: ['weight', 'layout'] },
    { path: 'content/a.md', ignored: ['layout', 'layout'] },
    { path: 'content/c.md', ignored: ['toc'] },
  ];

  test('one row per field, sorted by name; a file counts once; the example is the first file in path order', () => {
    expect(tallyIgnoredFields(files)).toEqual([
      { field: 'layout', files: 2, example: 'content/a.md' },
      { field: 'toc', files: 1, example: 'content/c.md' },
      { field: 'weight', files: 1, example: 'content/b.md' },
    ]);
  });

  test('the same listing whatever order the files come in', () => {
    expect(tallyIgnoredFields([...files].reverse())).toEqual(tallyIgnoredFields(files));
  });
});
