// polyfeed's templates and labels ship in its package (defaults/): a site overrides one template
// or one label by writing it, and everything else comes from the package (issue 14).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build, readSources } from '../../src/index.js';
import { readTree, repoRoot, writeSite } from '../helpers/site-fixture.js';

const config = (languages: string[]) => `baseUrl: https://example.org/\nlanguages: [${languages.join(', ')}]\ndefaultLanguage: en\nauthors: [Example Desk]\n`;
const feedTitles = (title: string) => JSON.stringify({ feed: { title, description: `${title} feed`, copyright: `© ${title}` } });
const article = (title: string) => `---\ntitle: ${title}\ndate: 2025-03-14T09:30:00+01:00\nauthors: [Jane Roe]\n---\nText.\n`;

/** A site with no templates/ and no item labels: the feed titles are all it writes. */
function bareSite(files: Record<string, string | undefined> = {}): Record<string, string> {
  const all: Record<string, string | undefined> = {
    'polyfeed.config.yaml': config(['en', 'de']),
    'locales/en/feed.json': feedTitles('Example'),
    'locales/de/feed.json': feedTitles('Beispiel'),
    'articles/first/en.md': article('First'),
    'articles/first/de.md': article('Erster'),
    ...files,
  };
  return Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The item HTML of the one item of a language's JSON Feed, parsed back. */
function itemHtml(files: readonly { path: string; body: unknown }[], lang: string): string {
  const feed = JSON.parse(String(files.find((file) => file.path === `${lang}/feed.json`)!.body)) as { items: { content_html: string }[] };
  return feed.items[0]!.content_html;
}

describe('a site without templates or item labels', () => {
  test('builds with polyfeed\'s packaged templates and each language\'s packaged labels', () => {
    const result = build(readSources(writeSite(bareSite())));
    expect(result.errors).toEqual([]);
    expect(itemHtml(result.files, 'en')).toContain('By <bdi>Jane Roe</bdi>');
    expect(itemHtml(result.files, 'en')).toContain('>Read more</a>');
    expect(itemHtml(result.files, 'de')).toContain('Von <bdi>Jane Roe</bdi>');
    expect(itemHtml(result.files, 'de')).toContain('>Weiterlesen</a>');
    expect(itemHtml(result.files, 'de')).toContain('1 Minute Lesezeit');
  });

  test('a site\'s partial takes the place of the packaged one of the same name; the other templates stay polyfeed\'s', () => {
    const result = build(readSources(writeSite(bareSite({ 'templates/partials/byline.hbs': '<p class="byline">{{authors}} reporting</p>' }))));
    expect(result.errors).toEqual([]);
    expect(itemHtml(result.files, 'en')).toContain('Jane Roe reporting');
    expect(itemHtml(result.files, 'en')).not.toContain('By <bdi>Jane Roe</bdi>');
    expect(itemHtml(result.files, 'en')).toContain('>Read more</a>');
  });

  test('a site\'s label takes the place of the packaged one of the same key, in that language only', () => {
    const en = JSON.stringify({ ...JSON.parse(feedTitles('Example')), item: { readMore: 'Continue reading' } });
    const result = build(readSources(writeSite(bareSite({ 'locales/en/feed.json': en }))));
    expect(result.errors).toEqual([]);
    expect(itemHtml(result.files, 'en')).toContain('>Continue reading</a>');
    expect(itemHtml(result.files, 'en')).toContain('By <bdi>Jane Roe</bdi>');
    expect(itemHtml(result.files, 'de')).toContain('>Weiterlesen</a>');
  });

  test('a language polyfeed ships no labels for still needs every label: LOCALE_MISSING without a file, LOCALE_MISSING_KEY for each one left out', () => {
    const missing = build(readSources(writeSite(bareSite({ 'polyfeed.config.yaml': config(['en', 'ko']), 'articles/first/de.md': undefined }))));
    expect(missing.errors.map((error) => [error.code, error.file])).toEqual([['LOCALE_MISSING', 'polyfeed.config.yaml']]);
    expect(missing.errors[0]!.hint).toContain('zh-Hans');
    const partial = build(readSources(writeSite(bareSite({ 'polyfeed.config.yaml': config(['en', 'ko']), 'articles/first/de.md': undefined, 'locales/ko/feed.json': feedTitles('예시') }))));
    expect(partial.errors.every((error) => error.code === 'LOCALE_MISSING_KEY' && error.file === 'locales/ko/feed.json')).toBe(true);
    expect(partial.errors.map((error) => error.path.join('.'))).toContain('item.readMore');
  });

  test('a packaged language without its site file lacks only the site\'s own labels (the feed titles)', () => {
    const result = build(readSources(writeSite(bareSite({ 'locales/de/feed.json': undefined }))));
    expect(result.errors.map((error) => [error.code, error.file, error.path.join('.')])).toEqual([
      ['LOCALE_MISSING_KEY', 'locales/de/feed.json', 'feed.copyright'],
      ['LOCALE_MISSING_KEY', 'locales/de/feed.json', 'feed.description'],
      ['LOCALE_MISSING_KEY', 'locales/de/feed.json', 'feed.title'],
    ]);
  });
});

describe('the packaged defaults and the cache', () => {
  /** polyfeed as installed: its launcher, bundle, defaults and package.json copied to a folder of their own. */
  function installedCopy(): string {
    const folder = mkdtempSync(join(tmpdir(), 'polyfeed-package-'));
    for (const entry of ['bin', 'dist/bundle', 'defaults', 'package.json']) cpSync(join(repoRoot, entry), join(folder, entry), { recursive: true });
    return folder;
  }

  test('an edited packaged label rebuilds the feeds of a site that uses it, though no file of the site changed', () => {
    const polyfeed = installedCopy();
    const root = writeSite(bareSite());
    const cli = (args: string[]) => {
      const result = spawnSync(process.execPath, [join(polyfeed, 'bin/polyfeed.js'), ...args, '--root', root], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(result.status, result.stderr).toBe(0);
      return result;
    };
    cli(['build']);
    expect(cli(['build']).stdout).toContain('0 written');
    const labelsPath = join(polyfeed, 'defaults/locales/de/feed.json');
    writeFileSync(labelsPath, readFileSync(labelsPath, 'utf8').replace('Weiterlesen', 'Mehr lesen'));
    const before = statSync(join(root, 'public/en/feed.json')).mtimeMs;
    cli(['build']);
    expect(readTree(join(root, 'public'))['de/feed.json']!.toString()).toContain('Mehr lesen');
    expect(statSync(join(root, 'public/en/feed.json')).mtimeMs).toBe(before);
  });
});

describe('feed texts in the config', () => {
  const texts = 'title: { en: River News, de: Flussnachrichten }\ndescription: The river desk.\ncopyright: © River News\n';

  test('a site of one config file and its articles builds: each language\'s feed has its own title, the shared texts in every language', () => {
    const result = build(readSources(writeSite(bareSite({ 'polyfeed.config.yaml': config(['en', 'de']) + texts, 'locales/en/feed.json': undefined, 'locales/de/feed.json': undefined }))));
    expect(result.errors).toEqual([]);
    const feedOf = (lang: string) => JSON.parse(String(result.files.find((file) => file.path === `${lang}/feed.json`)!.body)) as { title: string; description: string };
    expect(feedOf('en')).toMatchObject({ title: 'River News', description: 'The river desk.' });
    expect(feedOf('de')).toMatchObject({ title: 'Flussnachrichten', description: 'The river desk.' });
  });

  test("a site's locales/ text takes the place of the config's", () => {
    const result = build(readSources(writeSite(bareSite({ 'polyfeed.config.yaml': config(['en', 'de']) + texts }))));
    expect(result.errors).toEqual([]);
    const feed = JSON.parse(String(result.files.find((file) => file.path === 'de/feed.json')!.body)) as { title: string };
    expect(feed.title).toBe('Beispiel');
  });

  test('neither in the config nor in locales/: the missing label names both places; a text for a language not listed is a config error', () => {
    const missing = build(readSources(writeSite(bareSite({ 'locales/de/feed.json': undefined }))));
    const titleProblem = missing.errors.find((error) => error.code === 'LOCALE_MISSING_KEY' && error.message.includes('"feed.title"'));
    expect(titleProblem?.file).toBe('locales/de/feed.json');
    expect(titleProblem?.hint).toMatch(/Add "feed\.title" translated into de.* Or set "title" in polyfeed\.config\.yaml/);
    const unlisted = build(readSources(writeSite(bareSite({ 'polyfeed.config.yaml': `${config(['en', 'de'])}title: { en: River News, fr: Nouvelles }\n` }))));
    expect(unlisted.errors.map((error) => [error.code, error.line])).toContainEqual(['INVALID_VALUE', 5]);
  });
});
