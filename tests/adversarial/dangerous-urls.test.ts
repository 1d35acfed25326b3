// Adversarial: no URL that front matter, the config, a Markdown body or a template gives polyfeed is published
// unless a browser would read it as http(s); every refused one is an error naming its field and line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { minimalConfig, siteFiles, writeSite } from '../helpers/site-fixture.js';

interface Problem {
  code: string;
  severity: string;
  file: string | null;
  line: number | null;
  path: (string | number)[];
}

function build(files: Record<string, string | undefined>) {
  const root = writeSite(siteFiles(files));
  const run = runCli(['build', '--root', root, '--format', 'json']);
  const report = JSON.parse(run.stdout) as { problems: Problem[] };
  const errors = report.problems.filter((problem) => problem.severity === 'error');
  const feed = (path: string) => readFileSync(join(root, 'public', path), 'utf8');
  return { root, status: run.status, errors, feed, published: existsSync(join(root, 'public', 'en', 'rss.xml')) };
}

const article = (frontMatter: string, body = 'Hello.') => `---\ntitle: First\ndate: 2025-03-14T09:30:00+01:00\n${frontMatter}\n---\n${body}\n`;

/** Every URL-valued place in a feed's text: attributes and JSON fields that hold addresses, and RSS/Atom URL elements. */
function publishedUrls(text: string): string[] {
  const urls: string[] = [];
  for (const match of text.matchAll(/\b(?:href|src|url|uri)(?:=\\?"|=&quot;|": ")([^"\\&]*)/g)) urls.push(match[1]!);
  for (const match of text.matchAll(/<(?:link|url|uri|guid[^>]*|id|logo|icon)>([^<]*)</g)) urls.push(match[1]!);
  return urls;
}

/** What a browser would make of an address found in a feed (WHATWG URL strips C0 controls and spaces at the ends, and tabs and newlines inside). */
function schemeOf(url: string): string {
  try {
    return new URL(url, 'https://reader.invalid/').protocol;
  } catch {
    return 'unparseable';
  }
}

describe('URLs in front matter', () => {
  // Each of these was published before: a leading control character is stripped by the reader's
  // URL parser, so "\u0001javascript:alert(1)" reached readers as <img src="javascript:alert(1)">.
  test.each([
    ['a leading control character before javascript:', '"\\u0001javascript:alert(1)"', 'CONTROL_CHARACTER'],
    ['a tab inside the scheme', '"java\\tscript:alert(1)"', 'CONTROL_CHARACTER'],
    ['a newline inside the scheme', '"java\\nscript:alert(1)"', 'CONTROL_CHARACTER'],
    ['a C1 control before the scheme', '"\\u0085javascript:alert(1)"', 'CONTROL_CHARACTER'],
    ['a file: URL', 'file:///etc/passwd', 'INVALID_URL'],
    ['a data: URL', '"data:image/svg+xml,<svg onload=alert(1)>"', 'INVALID_URL'],
    ['an upper-case javascript: URL after spaces', '"   JAVASCRIPT:alert(1)"', 'INVALID_URL'],
    ['a vbscript: URL', 'vbscript:msgbox(1)', 'INVALID_URL'],
    ['a backslash path that browsers read as another host', '"/\\\\evil.example/x.jpg"', 'INVALID_URL'],
  ])('image.src with %s is refused with the field and its line, and nothing is published', (_name, src, code) => {
    const { status, errors, published } = build({ 'articles/first/en.md': article(`image: {src: ${src}, alt: x}`) });
    expect(status).toBe(1);
    expect(errors.map((error) => [error.code, error.file, error.line, error.path.join('.')])).toEqual([[code, 'articles/first/en.md', 4, 'image.src']]);
    expect(published).toBe(false);
  });

  test.each([
    ['authors.0.url', 'authors:\n  - name: Jane\n    url: "\\u0001javascript:alert(1)"', 'CONTROL_CHARACTER', 6],
    ['authors.0.url', 'authors:\n  - name: Jane\n    url: javascript:alert(1)', 'INVALID_URL', 6],
    ['id', 'id: javascript:alert(1)', 'INVALID_URL', 4],
    ['id', 'id: "\\u0001https://example.org/a"', 'CONTROL_CHARACTER', 4],
    ['id', 'id: file:///etc/passwd', 'INVALID_URL', 4],
  ])('%s holding a dangerous address is refused (%s)', (field, frontMatter, code, line) => {
    const { status, errors } = build({ 'articles/first/en.md': article(frontMatter) });
    expect(status).toBe(1);
    expect(errors.map((error) => [error.code, error.line, error.path.join('.')])).toEqual([[code, line, field]]);
  });

  test('a video id cannot carry an address of its own', () => {
    const { status, errors } = build({ 'articles/first/en.md': article('video: {provider: youtube, id: "\\u0001javascript:alert(1)"}') });
    expect(status).toBe(1);
    expect(errors.map((error) => [error.line, error.path.join('.')])).toEqual([[4, 'video.id']]);
  });

  test('http(s) addresses and site paths are still published, and only as http(s)', () => {
    const { status, errors, feed } = build({
      'articles/first/en.md': article('image: {src: /media/a.jpg, alt: x}\nid: https://example.org/items/1\nauthors:\n  - name: Jane\n    url: https://example.org/jane', 'See [the page](https://example.org/p) and [this](other/).'),
      'static/media/a.jpg': 'jpeg',
    });
    expect(errors).toEqual([]);
    expect(status).toBe(0);
    const json = parseJsonFeed(feed('en/feed.json'));
    expect(json.items?.[0]?.image).toBe('https://example.org/media/a.jpg');
    for (const file of ['en/rss.xml', 'en/atom.xml', 'en/feed.json']) {
      const urls = publishedUrls(feed(file));
      expect(urls.length).toBeGreaterThan(3);
      for (const url of urls) expect([file, url, schemeOf(url)]).toEqual([file, url, expect.stringMatching(/^https?:$/)]);
    }
  });
});

describe('URLs in the config', () => {
  test.each([
    ['permalink', 'permalink: "javascript:alert(1)//{lang}/{key}"', 'INVALID_URL'],
    ['permalink', 'permalink: "\\u0001javascript:alert(1)//{lang}/{key}"', 'CONTROL_CHARACTER'],
    ['permalink', 'permalink: "https://evil.example/{lang}/{key}"', 'INVALID_URL'],
    ['logo', 'logo: "\\u0001javascript:alert(1)"', 'CONTROL_CHARACTER'],
    ['logo', 'logo: file:///etc/passwd', 'INVALID_URL'],
    ['icon', 'icon: " javascript:alert(1)"', 'INVALID_URL'],
    ['stylesheet', 'stylesheet: "data:text/xsl,x"', 'INVALID_URL'],
    ['stylesheet', 'stylesheet: "\\u0001javascript:alert(1)"', 'CONTROL_CHARACTER'],
    ['hub', 'hub: "\\u0001https://hub.example.org/"', 'CONTROL_CHARACTER'],
    ['hub', 'hub: javascript:alert(1)', 'INVALID_URL'],
  ])('%s holding a dangerous address is refused with its line (%s)', (field, line, code) => {
    const { status, errors, published } = build({ 'polyfeed.config.yaml': `${minimalConfig}${line}\n` });
    expect(status).toBe(2);
    expect(errors.map((error) => [error.code, error.file, error.line, error.path.join('.')])).toEqual([[code, 'polyfeed.config.yaml', 5, field]]);
    expect(published).toBe(false);
  });

  test.each([
    ['a control character', '"\\u0001https://example.org/"', 'CONTROL_CHARACTER'],
    ['a file: URL', 'file:///srv/site/', 'INVALID_URL'],
  ])('baseUrl with %s is refused', (_name, value, code) => {
    const { status, errors } = build({ 'polyfeed.config.yaml': minimalConfig.replace('https://example.org/', value) });
    expect(status).toBe(2);
    expect(errors.map((error) => [error.code, error.line, error.path.join('.')])).toEqual([[code, 1, 'baseUrl']]);
  });

  test('an author url in the config is held to the same rule', () => {
    const config = minimalConfig.replace('authors: [Example Desk]', 'authors:\n  - name: Desk\n    url: "\\u0001javascript:alert(1)"');
    const { status, errors } = build({ 'polyfeed.config.yaml': config });
    expect(status).toBe(2);
    expect(errors.map((error) => [error.code, error.line, error.path.join('.')])).toEqual([['CONTROL_CHARACTER', 6, 'authors.0.url']]);
  });
});

describe('links in Markdown bodies and in templates', () => {
  test('body links that a browser would read as javascript: are neutralised, however they are spelt', () => {
    const body = [
      '[a](&#1;javascript:alert(1)) [b](<java&#9;script:alert(2)>) [c](JAVASCRIPT:alert(3))',
      '',
      '<a href="&#1;javascript:alert(4)">d</a> <a href="java&#x09;script:alert(5)">e</a> <img src=" javascript:alert(6)" alt="f">',
      '',
      '<a href="file:///etc/passwd">g</a> <a href="data:text/html,x">h</a> [i](%01javascript:alert(7))',
    ].join('\n');
    const { status, errors, feed } = build({ 'articles/first/en.md': article('', body) });
    expect(errors).toEqual([]);
    expect(status).toBe(0);
    const html = parseJsonFeed(feed('en/feed.json')).items?.[0]?.content_html ?? '';
    const atom = parseAtomFeed(feed('en/atom.xml')).entries?.[0]?.content?.value ?? '';
    const rss = parseRssFeed(feed('en/rss.xml')).items?.[0]?.content?.encoded ?? '';
    for (const content of [html, atom, rss]) {
      expect(content).toContain('>d</a>');
      for (const [, url] of content.matchAll(/(?:href|src)="([^"]*)"/g)) expect([url, schemeOf(url!.replaceAll('&amp;', '&'))]).toEqual([url, 'https:']);
    }
  });

  test('a raw control character in a body link is an error at its line', () => {
    const { status, errors } = build({ 'articles/first/en.md': article('', 'Intro.\n\n[x](\u0001javascript:alert(1))') });
    expect(status).toBe(1);
    expect(errors.map((error) => [error.code, error.line])).toEqual([['CONTROL_CHARACTER', 8]]);
  });

  test('{{{summary}}} in a site template cannot put script or a javascript: link into an item', () => {
    const summary = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a><b>bold</b>';
    const template = readFileSync(join(import.meta.dirname, '../../defaults/templates/item.hbs'), 'utf8').replace('{{body}}', '<p>{{{summary}}}</p>{{body}}<a href="{{{summary}}}">s</a>');
    const { status, errors, feed } = build({
      'articles/first/en.md': article(`summary: '${summary}'`),
      'templates/item.hbs': template,
    });
    expect(errors).toEqual([]);
    expect(status).toBe(0);
    const contents = [
      parseJsonFeed(feed('en/feed.json')).items?.[0]?.content_html ?? '',
      parseAtomFeed(feed('en/atom.xml')).entries?.[0]?.content?.value ?? '',
      parseRssFeed(feed('en/rss.xml')).items?.[0]?.content?.encoded ?? '',
    ];
    for (const content of contents) {
      expect(content).toContain('<b>bold</b>');
      // No script element, no event-handler attribute (the text may survive inside an https URL's path, percent-encoded).
      expect(content).not.toMatch(/<script/i);
      expect(content).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      for (const [, url] of content.matchAll(/(?:href|src)="([^"]*)"/g)) expect(schemeOf(url!.replaceAll('&amp;', '&'))).toBe('https:');
    }
  });
});
