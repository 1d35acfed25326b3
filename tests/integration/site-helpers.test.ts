// Issue 14: a site's own Handlebars helpers (helpers: ./feed-helpers.mjs), on the main thread and
// on render workers, held to the sanitizer, with failures placed in the template.
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseJsonFeed } from 'feedsmith';
import { runCli } from '../helpers/run-cli.js';
import { readTree, siteFiles, writeSite } from '../helpers/site-fixture.js';

const HELPERS = `export function shout(text) { return String(text).toUpperCase(); }
export function tagged(text) { return '<b onclick="steal()">' + text + '</b><script>steal()</script>'; }
export function initials(names) { return names.split(' ').map((name) => name[0]).join(''); }
`;

const config = (extra = '') => `baseUrl: https://example.org/\nlanguages: [en, ar]\ndefaultLanguage: en\nauthors: [Example Desk]\nhelpers: ./feed-helpers.mjs\n${extra}`;
const article = (n: number) => `---\ntitle: Story ${n}\ndate: 2025-03-${String(10 + n).padStart(2, '0')}T09:30:00+01:00\nauthors: [Jane Roe]\n---\nText ${n}.\n`;

function helperSite(byline: string, extraConfig = ''): string {
  const articles = Object.fromEntries([1, 2, 3].map((n) => [`articles/story-${n}/en.md`, article(n)]));
  return writeSite(siteFiles({ 'articles/first/en.md': undefined, 'polyfeed.config.yaml': config(extraConfig), 'feed-helpers.mjs': HELPERS, 'templates/partials/byline.hbs': byline, ...articles }));
}

/** The item HTML of every item of the English JSON Feed, parsed back. */
function englishItems(root: string): string[] {
  const feed = parseJsonFeed(JSON.parse(readTree(join(root, 'public'))['en/feed.json']!.toString()));
  return (feed.items ?? []).map((item) => item.content_html ?? '');
}

describe('helpers named by the config', () => {
  test.each([
    ['on this thread', '', ['--jobs', '1']],
    ['on render workers (maxItems: 0)', 'maxItems: 0\n', ['--jobs', '2']],
  ])('templates call them %s', (_, extraConfig, jobs) => {
    const root = helperSite('<p class="byline">{{shout authors}}</p>', extraConfig);
    const build = runCli(['build', '--root', root, ...jobs]);
    expect(build.status, build.stderr).toBe(0);
    const items = englishItems(root);
    expect(items).toHaveLength(3);
    for (const html of items) expect(html).toContain('<p class="byline">JANE ROE</p>');
  });

  test('what a helper returns is escaped in {{…}}, and even raw in {{{…}}} goes through the sanitizer', () => {
    const root = helperSite('<p class="byline">{{tagged authors}}|{{{tagged authors}}}</p>');
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const [html] = englishItems(root);
    expect(html).toContain('&lt;b onclick=');
    expect(html).toContain('<b>Jane Roe</b>');
    expect(html).not.toMatch(/<script|<b onclick/);
  });

  test('a helper that throws is TEMPLATE_RENDER at the template, line and column of its call, naming the helper; nothing is written', () => {
    const root = helperSite('<p class="byline">\n  {{initials readingMinutes}}</p>');
    mkdirSync(join(root, 'public'), { recursive: true });
    const build = runCli(['build', '--root', root, '--format', 'json']);
    expect(build.status).toBe(1);
    const report = JSON.parse(build.stdout) as { problems: { code: string; file: string; line: number; column: number; message: string }[] };
    expect(report.problems).toMatchObject([{ code: 'TEMPLATE_RENDER', file: 'templates/partials/byline.hbs', line: 2, column: 3 }]);
    expect(report.problems[0]!.message).toContain('"initials" failed');
    expect(Object.keys(readTree(join(root, 'public')))).toEqual([]);
  });

  test('a module that exports something else than functions is HELPERS_INVALID at helpers: in the config', () => {
    const root = helperSite('<p class="byline">{{shout authors}}</p>');
    writeFileSync(join(root, 'feed-helpers.mjs'), `${HELPERS}export const prefix = 'x';\n`);
    const check = runCli(['check', '--root', root, '--format', 'json']);
    expect(check.status).toBe(1);
    const report = JSON.parse(check.stdout) as { problems: { code: string; file: string; line: number; path: string[] }[] };
    expect(report.problems[0]).toMatchObject({ code: 'HELPERS_INVALID', file: 'polyfeed.config.yaml', line: 5, path: ['helpers'] });
  });

  test.each([
    ['a missing module', null],
    ['a name polyfeed has', 'export function t() { return "x"; }\n'],
  ])('%s is HELPERS_INVALID', (_, text) => {
    const root = helperSite('<p class="byline">{{authors}}</p>');
    if (text === null) writeFileSync(join(root, 'polyfeed.config.yaml'), config().replace('./feed-helpers.mjs', './missing.mjs'));
    else writeFileSync(join(root, 'feed-helpers.mjs'), text);
    const check = runCli(['check', '--root', root, '--format', 'json']);
    expect((JSON.parse(check.stdout) as { problems: { code: string }[] }).problems.map((problem) => problem.code)).toEqual(['HELPERS_INVALID']);
  });

  test('an edited helpers module is seen by the next build, though no other file changed', () => {
    const root = helperSite('<p class="byline">{{shout authors}}</p>');
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(runCli(['build', '--root', root]).stdout).toContain('Nothing changed');
    const path = join(root, 'feed-helpers.mjs');
    writeFileSync(path, readFileSync(path, 'utf8').replace('toUpperCase()', "toUpperCase() + '!'"));
    // A later modification time even on a file system with a coarse clock.
    const later = new Date(Date.now() + 5000);
    utimesSync(path, later, later);
    const rebuild = runCli(['build', '--root', root]);
    expect(rebuild.status, rebuild.stderr).toBe(0);
    for (const html of englishItems(root)) expect(html).toContain('JANE ROE!');
  });
});
