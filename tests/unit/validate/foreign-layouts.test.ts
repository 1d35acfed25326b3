// Issue 14: reading other generators' paths, dates and front matter.
import jsYaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { defaultLanguagePathOf, parseSourcePath } from '../../../src/model/source-path.js';
import { readForeignDate } from '../../../src/validate/read-foreign-date.js';
import { validateArticleFile } from '../../../src/validate/validate-article-file.js';
import { ConfigSchema } from '../../../src/model/config-schema.js';

const rules = (layout: 'hugo' | 'jekyll' | 'eleventy' | 'astro' | 'docusaurus', dir: string) => ({ content: { layout, dir }, languages: ['en', 'fr', 'pt-BR'], defaultLanguage: 'en' });

describe('parseSourcePath', () => {
  test.each([
    ['hugo', 'content', 'content/posts/first/index.fr.md', { key: 'posts/first', lang: 'fr' }],
    ['hugo', 'content', 'content/fr/posts/first.md', { key: 'posts/first', lang: 'fr' }],
    ['hugo', 'content', 'content/posts/first.pt-br.md', { key: 'posts/first', lang: 'pt-BR' }],
    ['eleventy', 'content', 'content/blog/fifth/fifth.md', { key: 'blog/fifth', lang: 'en' }],
    ['astro', 'src/content/blog', 'src/content/blog/fr/first-post.md', { key: 'first-post', lang: 'fr' }],
    ['jekyll', '.', '_posts/fr/2015-11-17-welcome.md', { key: 'welcome', lang: 'fr', fileDate: '2015-11-17', fileSlug: 'welcome' }],
    ['jekyll', '.', '_drafts/idea.md', { key: 'idea', lang: 'en', fileSlug: 'idea', draft: true }],
    ['docusaurus', 'blog', 'blog/2019-05-28-first-blog-post.md', { key: 'first-blog-post', lang: 'en', fileDate: '2019-05-28', fileSlug: 'first-blog-post' }],
    ['docusaurus', 'blog', 'blog/2021-08-26-welcome/index.md', { key: 'welcome', lang: 'en', fileDate: '2021-08-26', fileSlug: 'welcome' }],
    ['docusaurus', 'blog', 'blog/2021/08/26/welcome.md', { key: 'welcome', lang: 'en', fileDate: '2021-08-26', fileSlug: 'welcome' }],
    ['docusaurus', 'blog', 'blog/news/2024-01-02-flood.md', { key: 'news/flood', lang: 'en', fileDate: '2024-01-02', fileSlug: 'flood' }],
    ['docusaurus', 'blog', 'blog/undated.md', { key: 'undated', lang: 'en' }],
    ['docusaurus', 'blog', 'i18n/fr/docusaurus-plugin-content-blog/2021-08-26-welcome/index.md', { key: 'welcome', lang: 'fr', fileDate: '2021-08-26', fileSlug: 'welcome' }],
    ['docusaurus', 'blog', 'i18n/pt-br/docusaurus-plugin-content-blog/2021-08-26-welcome.md', { key: 'welcome', lang: 'pt-BR', fileDate: '2021-08-26', fileSlug: 'welcome' }],
    ['docusaurus', 'website/blog', 'website/i18n/de/docusaurus-plugin-content-blog/a.md', { key: 'a', lang: 'de' }],
  ] as const)('%s %s: %s', (layout, dir, path, expected) => {
    expect(parseSourcePath(path, rules(layout, dir))).toEqual(expected);
  });

  test.each([
    ['hugo', 'content', 'content/_index.md'],
    ['hugo', 'content', 'content/posts/_index.fr.md'],
    ['jekyll', '.', '_posts/no-date.md'],
    ['eleventy', 'content', 'content/index.njk'],
    ['docusaurus', 'blog', 'blog/2021-08-01-mdx-blog-post.mdx'],
    ['docusaurus', 'blog', 'blog/_partial.md'],
    ['docusaurus', 'blog', 'i18n/fr/docusaurus-plugin-content-docs/current/intro.md'],
    ['docusaurus', 'blog', 'docs/intro.md'],
  ] as const)('%s: %s is no article', (layout, dir, path) => {
    expect(parseSourcePath(path, rules(layout, dir))).toBeUndefined();
  });
});

describe('readForeignDate', () => {
  test.each([
    ['2024-01-02T10:00:00-07:00', undefined, '2024-01-02T10:00:00-07:00'],
    ['2015-11-17 16:16:01 -0600', undefined, '2015-11-17T16:16:01-06:00'],
    ['2024-01-02', 'Europe/Berlin', '2024-01-02T00:00:00+01:00'],
    ['2024-07-02 10:00', 'Europe/Berlin', '2024-07-02T10:00:00+02:00'],
    ['Jul 08 2022', 'America/New_York', '2022-07-08T00:00:00-04:00'],
  ])('%s in %s', (text, zone, iso) => {
    expect(readForeignDate(text, zone)).toEqual({ iso });
  });

  test('a date without an offset and no timezone is a problem naming the timezone setting, never a guess', () => {
    expect(readForeignDate('2018-05-01', undefined)).toEqual({ problem: { kind: 'needs-timezone', text: '2018-05-01' } });
    expect(readForeignDate('yesterday', 'UTC')).toEqual({ problem: { kind: 'not-a-known-form', text: 'yesterday' } });
  });
});

describe('validateArticleFile in the Astro layout', () => {
  const config = (extra = '') =>
    ConfigSchema.parse(
      yamlData(`baseUrl: https://example.org/\nlanguages: [en]\ndefaultLanguage: en\nauthors: [Desk]\ncontent: { dir: src/content/blog, layout: astro }\n${extra}`),
    );
  const validate = (text: string, extra?: string) =>
    validateArticleFile({ path: 'src/content/blog/post.md', bytes: new TextEncoder().encode(text), config: config(extra), staticFiles: new Map() });

  test('a problem names the field as written (pubDate), at its line, with a hint naming timezone', () => {
    const { article, problems } = validate("---\ntitle: 'Post'\npubDate: 'Jul 08 2022'\n---\nBody.\n");
    expect(article).toBeUndefined();
    expect(problems.map((p) => [p.code, p.path, p.line])).toEqual([['INVALID_DATE', ['pubDate'], 3]]);
    expect(problems[0]!.hint).toContain('timezone');
  });

  test('fields polyfeed does not use are ignored, a plain picture path takes the title as its text', () => {
    const { article, problems } = validate("---\ntitle: 'Post'\npubDate: 'Jul 08 2022'\nheroImage: 'https://img.example.org/a.jpg'\nlayout: post\n---\nBody.\n", 'timezone: UTC\n');
    expect(problems).toEqual([]);
    expect(article!.frontMatter.image).toEqual({ src: 'https://img.example.org/a.jpg', alt: 'Post' });
  });

  test('TOML front matter is refused with a hint', () => {
    const { problems } = validate('+++\ntitle = "Post"\n+++\nBody.\n');
    expect(problems.map((p) => [p.code, p.line])).toEqual([['FRONT_MATTER_MISSING', 1]]);
  });

  test('in the polyfeed layout an unknown field stays an error', () => {
    const polyfeed = ConfigSchema.parse(yamlData('baseUrl: https://example.org/\nlanguages: [en]\ndefaultLanguage: en\nauthors: [Desk]\n'));
    const { problems } = validateArticleFile({ path: 'articles/post/en.md', bytes: new TextEncoder().encode('---\ntitle: Post\ndate: 2024-01-02T10:00:00Z\nlayout: post\n---\nBody.\n'), config: polyfeed, staticFiles: new Map() });
    expect(problems.map((p) => p.code)).toEqual(['UNKNOWN_FIELD']);
  });

  test('an unknown time zone is refused', () => {
    expect(ConfigSchema.safeParse(yamlData('baseUrl: https://example.org/\nlanguages: [en]\ndefaultLanguage: en\nauthors: [Desk]\ntimezone: Mars/Olympus\n')).success).toBe(false);
  });
});

describe('validateArticleFile in the Docusaurus layout', () => {
  const config = ConfigSchema.parse(yamlData('baseUrl: https://example.org/\nlanguages: [en]\ndefaultLanguage: en\nauthors: [Desk]\ntimezone: UTC\ncontent: { layout: docusaurus }\n'));
  const validate = (text: string, path = 'blog/2021-08-26-welcome.md') => validateArticleFile({ path, bytes: new TextEncoder().encode(text), config, staticFiles: new Map() });

  test('the date and slug come from the name; author objects keep name and url; a tag object gives its label', () => {
    const { article, problems } = validate('---\ntitle: Welcome\nauthors:\n  - name: Jane Doe\n    title: Editor\n    url: https://example.org/jane\n    image_url: https://example.org/jane.png\ntags: [news, { label: Rivers, permalink: /rivers }]\n---\nBody.\n');
    expect(problems).toEqual([]);
    expect(article!.frontMatter.date.text).toBe('2021-08-26T00:00:00+00:00');
    expect(article!.frontMatter.slug).toBe('welcome');
    expect(article!.frontMatter.authors).toEqual([{ name: 'Jane Doe', url: 'https://example.org/jane' }]);
    expect(article!.frontMatter.tags).toEqual(['news', 'Rivers']);
  });

  test('authors.yml keys stand for the names; the older author with author_url is read', () => {
    expect(validate('---\ntitle: A\nauthors: [jdoe, rsmith]\n---\nBody.\n').article!.frontMatter.authors).toEqual([{ name: 'jdoe' }, { name: 'rsmith' }]);
    expect(validate('---\ntitle: A\nauthor: Jane Doe\nauthor_url: https://example.org/jane\nauthor_title: Editor\n---\nBody.\n').article!.frontMatter.authors).toEqual([
      { name: 'Jane Doe', url: 'https://example.org/jane' },
    ]);
  });

  test('unlisted: true is a draft; front-matter date and slug win over the name', () => {
    const { article } = validate('---\ntitle: A\nunlisted: true\ndate: 2021-09-01T10:00\nslug: hello\n---\nBody.\n');
    expect(article!.frontMatter.draft).toBe(true);
    expect(article!.frontMatter.date.text).toBe('2021-09-01T10:00:00+00:00');
    expect(article!.frontMatter.slug).toBe('hello');
  });

  test('a translation in a language the config does not list is LANGUAGE_NOT_CONFIGURED', () => {
    const { problems } = validate('---\ntitle: A\n---\nBody.\n', 'i18n/fr/docusaurus-plugin-content-blog/2021-08-26-welcome.md');
    expect(problems.map((p) => p.code)).toEqual(['LANGUAGE_NOT_CONFIGURED']);
  });
});

/** Config text as the config validator gets it. */
function yamlData(text: string): unknown {
  return jsYaml.load(text);
}

describe('defaultLanguagePathOf', () => {
  test.each([
    ['hugo', 'content', 'content/posts/first/index.fr.md', 'fr', 'content/posts/first/index.md'],
    ['hugo', 'content', 'content/fr/posts/first.md', 'fr', 'content/posts/first.md'],
    ['hugo', 'content', 'content/posts/first.pt-br.md', 'pt-BR', 'content/posts/first.md'],
    ['astro', 'src/content/blog', 'src/content/blog/fr/first-post.md', 'fr', 'src/content/blog/first-post.md'],
    ['jekyll', '.', '_posts/fr/2015-11-17-welcome.md', 'fr', '_posts/2015-11-17-welcome.md'],
    ['jekyll', '.', 'fr/_posts/2015-11-17-welcome.md', 'fr', '_posts/2015-11-17-welcome.md'],
    ['docusaurus', 'blog', 'i18n/fr/docusaurus-plugin-content-blog/2021-08-26-welcome/index.md', 'fr', 'blog/2021-08-26-welcome/index.md'],
  ] as const)('%s %s: %s (%s) → %s', (layout, dir, path, lang, expected) => {
    expect(defaultLanguagePathOf(path, lang, rules(layout, dir))).toBe(expected);
  });
});
