// URLs as sites have them, and images where sites keep them (issue 14), through the real CLI: permalink
// patterns by language, slugs, URL clashes, staticDir and remoteImages. Every feed is parsed back.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { labels, minimalConfig, siteFiles, writeSite } from '../helpers/site-fixture.js';

const article = (title: string, date: string, extra = '', body = `Text of ${title}.`) => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n${body}\n`;

/** The test sites' config: `languages` in `config` take the place of minimalConfig's. */
function configText(config: string): string {
  return config.includes('languages:') ? `${minimalConfig.replace(/^languages:.*\n/m, '')}${config}` : `${minimalConfig}${config}`;
}

function site(config: string, files: Record<string, string | undefined>): string {
  return writeSite(siteFiles({ 'polyfeed.config.yaml': configText(config), 'articles/first/en.md': undefined, ...files }));
}

/** Problems of a JSON report as { code, file, path }. */
function problemsOf(stdout: string): { code: string; file: string; path: (string | number)[]; message: string; hint: string }[] {
  return (JSON.parse(stdout) as { problems: { code: string; file: string; path: (string | number)[]; message: string; hint: string }[] }).problems;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['link', 'entry', 'item'].includes(name) });

interface ItemLinks {
  readonly id: string;
  readonly url: string;
  /** hreflang → href of the item's other language versions. */
  readonly alternates: Record<string, string>;
}

/** Each format's items, as their id, link and alternates: read back with two parsers, not by string search. */
function itemsOf(root: string, lang: string): Record<'rss' | 'atom' | 'json', ItemLinks[]> {
  const read = (file: string) => readFileSync(join(root, 'public', lang, file), 'utf8');
  const rss = parseRssFeed(read('rss.xml'));
  const atomText = read('atom.xml');
  const atom = parseAtomFeed(atomText);
  const atomTree = xml.parse(atomText) as { feed: { entry: { link: { '@rel': string; '@hreflang': string; '@href': string }[] }[] } };
  const json = parseJsonFeed(JSON.parse(read('feed.json')));
  return {
    rss: (rss.items ?? []).map((item) => ({ id: item.guid?.value ?? '', url: item.link ?? '', alternates: {} })),
    atom: (atom.entries ?? []).map((entry, index) => {
      const links = atomTree.feed.entry[index]!.link.filter((link) => link['@rel'] === 'alternate');
      const self = links.find((link) => link['@hreflang'] === lang);
      return {
        id: entry.id ?? '',
        url: self?.['@href'] ?? '',
        alternates: Object.fromEntries(links.filter((link) => link['@hreflang'] !== lang).map((link) => [link['@hreflang'], link['@href']])),
      };
    }),
    json: (json.items ?? []).map((item) => ({ id: item.id ?? '', url: item.url ?? '', alternates: {} })),
  };
}

describe('the default language at the root (issue 14)', () => {
  const config = 'languages: [en, ar, fr]\npermalink:\n  en: "{slug}/"\n  default: "{lang}/{slug}/"\n';
  const files = {
    'locales/fr/feed.json': labels({}, { one: '{{count}} minute', many: '{{count}} minutes', other: '{{count}} minutes' }),
    'articles/flood/en.md': article('Flood', '2025-03-14T09:30:00+01:00'),
    'articles/flood/ar.md': article('فيضان', '2025-03-14T10:00:00+01:00', 'slug: فيضان-النهر\n'),
    'articles/flood/fr.md': article('Inondation', '2025-03-14T11:00:00+01:00', 'slug: inondation\n'),
  };

  test('each language gets its pattern: links and ids agree in all three formats, and Atom alternates point at the other languages\' URLs', () => {
    const root = site(config, files);
    const run = runCli(['build', '--root', root]);
    expect(run.status, run.stderr).toBe(0);
    const urls = { en: 'https://example.org/flood/', ar: new URL('ar/فيضان-النهر/', 'https://example.org/').href, fr: 'https://example.org/fr/inondation/' };
    expect(urls.ar).toBe('https://example.org/ar/%D9%81%D9%8A%D8%B6%D8%A7%D9%86-%D8%A7%D9%84%D9%86%D9%87%D8%B1/');
    for (const lang of ['en', 'ar', 'fr'] as const) {
      const items = itemsOf(root, lang);
      for (const format of ['rss', 'atom', 'json'] as const) {
        expect(items[format].map(({ id, url }) => ({ id, url })), `${lang} ${format}`).toEqual([{ id: urls[lang], url: urls[lang] }]);
      }
      const others = Object.fromEntries(Object.entries(urls).filter(([other]) => other !== lang));
      // x-default: the default language's version, at the root.
      expect(items.atom[0]!.alternates).toEqual({ ...others, 'x-default': urls.en });
    }
    // The published-ids manifest lists the same ids: a later change of pattern is an ID_CHANGED.
    expect(readFileSync(join(root, 'published-ids.tsv'), 'utf8')).toContain(`en\tflood\t2025-03-14T08:30:00Z\t${urls.en}`);
  });

  test('changing a pattern afterwards changes published ids: the build fails with ID_CHANGED before writing anything', () => {
    const root = site(config, files);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    writeFileSync(join(root, 'polyfeed.config.yaml'), configText(config.replace('en: "{slug}/"', 'en: "news/{slug}/"')));
    const run = runCli(['build', '--root', root, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(problemsOf(run.stdout).map(({ code, file }) => ({ code, file }))).toEqual([{ code: 'ID_CHANGED', file: 'articles/flood/en.md' }]);
  });

  test('two languages whose patterns can make one URL: a config error at the pattern, exit 2', () => {
    const root = site('permalink:\n  en: "{key}/"\n  ar: "{key}/"\n', { 'articles/flood/en.md': article('Flood', '2025-03-14T09:30:00+01:00') });
    const run = runCli(['check', '--root', root, '--format', 'json']);
    expect(run.status).toBe(2);
    expect(problemsOf(run.stdout).map(({ code, file, path }) => ({ code, file, path }))).toEqual([{ code: 'INVALID_VALUE', file: 'polyfeed.config.yaml', path: ['permalink', 'ar'] }]);
  });

  test('a pattern without {key} or {slug}, and a pattern for a language not configured: config errors', () => {
    const root = site('permalink:\n  en: "{lang}/"\n  de: "{lang}/{key}/"\n', { 'articles/flood/en.md': article('Flood', '2025-03-14T09:30:00+01:00') });
    const run = runCli(['check', '--root', root, '--format', 'json']);
    expect(run.status).toBe(2);
    expect(problemsOf(run.stdout).map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'INVALID_VALUE', path: ['permalink', 'en'] },
      { code: 'INVALID_VALUE', path: ['permalink', 'de'] },
    ]);
  });
});

describe('slugs from the front matter (issue 14)', () => {
  test('two articles with one slug: DUPLICATE_URL on the later, at its slug line, naming the earlier file', () => {
    const root = site('permalink: "{lang}/{slug}/"\n', {
      'articles/flood/en.md': article('Flood', '2025-03-14T09:30:00+01:00', 'slug: river\n'),
      'articles/flood-2/en.md': article('Flood again', '2025-03-15T09:30:00+01:00', 'slug: river\n'),
    });
    const run = runCli(['check', '--root', root, '--format', 'json']);
    expect(run.status).toBe(1);
    const problems = problemsOf(run.stdout);
    expect(problems.map(({ code, file, path }) => ({ code, file, path }))).toEqual([{ code: 'DUPLICATE_URL', file: 'articles/flood/en.md', path: ['slug'] }]);
    expect(problems[0]!.message).toContain('https://example.org/en/river/');
    expect(problems[0]!.message).toContain('articles/flood-2/en.md');
  });

  test('a slug that is not one URL path segment is an error at its line', () => {
    const root = site('', {
      'articles/a/en.md': article('A', '2025-03-14T09:30:00+01:00', 'slug: news/flood\n'),
      'articles/b/en.md': article('B', '2025-03-14T09:30:00+01:00', 'slug: ".."\n'),
      'articles/c/en.md': article('C', '2025-03-14T09:30:00+01:00', 'slug: river flood\n'),
    });
    const run = runCli(['check', '--root', root, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(problemsOf(run.stdout).map(({ code, file, path }) => ({ code, file, path }))).toEqual([
      { code: 'INVALID_VALUE', file: 'articles/a/en.md', path: ['slug'] },
      { code: 'INVALID_VALUE', file: 'articles/b/en.md', path: ['slug'] },
      { code: 'INVALID_VALUE', file: 'articles/c/en.md', path: ['slug'] },
    ]);
  });
});

describe('images the site serves (issue 14)', () => {
  const withImage = (src: string) => article('Flood', '2025-03-14T09:30:00+01:00', `image:\n  src: ${src}\n  alt: The river\n`, `Text.\n\n![Map](/maps/river.png)`);

  test('without staticDir, a site image polyfeed cannot see is IMAGE_NOT_FOUND, and the hint names staticDir and remoteImages', () => {
    const root = writeSite({ ...siteFiles({ 'articles/first/en.md': withImage('/images/flood.jpg') }) });
    const run = runCli(['check', '--root', root, '--format', 'json']);
    expect(run.status).toBe(1);
    const problems = problemsOf(run.stdout);
    expect(problems.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'IMAGE_NOT_FOUND', path: ['image', 'src'] },
      { code: 'IMAGE_NOT_FOUND', path: [] },
    ]);
    expect(problems[0]!.hint).toContain('staticDir');
    expect(problems[0]!.hint).toContain('remoteImages');
  });

  test('with staticDir, images are found in the site\'s own folder (outside the feed folder too), and their size is the enclosure length', () => {
    const root = writeSite({
      ...Object.fromEntries(Object.entries(siteFiles({ 'polyfeed.config.yaml': `${minimalConfig}staticDir: ../hugo-static\n`, 'articles/first/en.md': withImage('/images/flood.jpg') })).map(([path, text]) => [`feeds/${path}`, text])),
      'hugo-static/images/flood.jpg': 'x'.repeat(1234),
      'hugo-static/maps/river.png': 'png',
    });
    const run = runCli(['build', '--root', join(root, 'feeds')]);
    expect(run.status, run.stderr).toBe(0);
    const rss = parseRssFeed(readFileSync(join(root, 'feeds/public/en/rss.xml'), 'utf8'));
    expect(rss.items?.[0]?.enclosures?.[0]).toMatchObject({ url: 'https://example.org/images/flood.jpg', length: 1234 });
    // A file added to staticDir is seen by the next build: the missing image is then an error.
    const broken = writeSite({
      ...Object.fromEntries(Object.entries(siteFiles({ 'polyfeed.config.yaml': `${minimalConfig}staticDir: ../hugo-static\n`, 'articles/first/en.md': withImage('/images/gone.jpg') })).map(([path, text]) => [`feeds/${path}`, text])),
      'hugo-static/maps/river.png': 'png',
    });
    const failed = runCli(['check', '--root', join(broken, 'feeds'), '--format', 'json']);
    expect(problemsOf(failed.stdout).map(({ code, message }) => ({ code, names: message.includes('../hugo-static/images/gone.jpg') }))).toEqual([{ code: 'IMAGE_NOT_FOUND', names: true }]);
  });

  test('the output folder may not be staticDir or lie inside it (OUTPUT_FOLDER_UNSAFE, exit 2)', () => {
    const root = site('staticDir: site-static\noutDir: site-static/feeds\n', { 'articles/flood/en.md': article('Flood', '2025-03-14T09:30:00+01:00'), 'site-static/a.txt': 'a' });
    const run = runCli(['build', '--root', root, '--format', 'json']);
    expect(run.status).toBe(2);
    expect(problemsOf(run.stdout).map(({ code, path }) => ({ code, path }))).toEqual([{ code: 'OUTPUT_FOLDER_UNSAFE', path: ['outDir'] }]);
    const viaOption = runCli(['build', '--root', root, '--out', join(root, 'site-static'), '--format', 'json']);
    expect(viaOption.status).toBe(2);
    expect(problemsOf(viaOption.stdout).map(({ code }) => code)).toEqual(['OUTPUT_FOLDER_UNSAFE']);
  });

  test('remoteImages: a listed site path and a listed CDN are accepted; an image on an unlisted host is IMAGE_NOT_ALLOWED naming the setting', () => {
    const config = 'remoteImages:\n  - https://cdn.example.com/\n  - /images/\n  - /maps/\n';
    const ok = site(config, { 'articles/flood/en.md': withImage('/images/flood.jpg'), 'articles/cdn/en.md': withImage('https://cdn.example.com/a/b.jpg') });
    const run = runCli(['build', '--root', ok]);
    expect(run.status, run.stderr).toBe(0);
    const json = parseJsonFeed(JSON.parse(readFileSync(join(ok, 'public/en/feed.json'), 'utf8')));
    expect(json.items?.map((item) => item.image).sort()).toEqual(['https://cdn.example.com/a/b.jpg', 'https://example.org/images/flood.jpg']);

    const refused = site(config, {
      'articles/flood/en.md': withImage('https://img.example.net/flood.jpg'),
      'articles/body/en.md': article('Body', '2025-03-14T09:30:00+01:00', '', 'Text.\n\n![Elsewhere](https://cdn.example.com.evil.example/x.jpg)'),
    });
    const failed = runCli(['check', '--root', refused, '--format', 'json']);
    expect(failed.status).toBe(1);
    const problems = problemsOf(failed.stdout);
    expect(problems.map(({ code, file, path }) => ({ code, file, path }))).toEqual([
      { code: 'IMAGE_NOT_ALLOWED', file: 'articles/body/en.md', path: [] },
      { code: 'IMAGE_NOT_ALLOWED', file: 'articles/flood/en.md', path: ['image', 'src'] },
    ]);
    expect(problems[1]!.hint).toContain('remoteImages');
  });

  test('without remoteImages, images on other hosts are accepted as before', () => {
    const root = site('', { 'articles/flood/en.md': article('Flood', '2025-03-14T09:30:00+01:00', 'image:\n  src: https://img.example.net/flood.jpg\n  alt: The river\n') });
    expect(runCli(['check', '--root', root]).status).toBe(0);
  });
});
