// Issue 11, item 7: inputs that cost too much (a front matter of many keys, a partial that includes
// itself) or that vanish silently (Markdown nested past the parser's limit, a site with no article).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { siteFiles, writeSite } from '../helpers/site-fixture.js';

interface JsonProblem {
  code: string;
  file: string | null;
  line: number | null;
  path: (string | number)[];
}

interface JsonReport {
  ok: boolean;
  problems: JsonProblem[];
  summary: { errors: number; warnings: number; files: number };
  omitted?: { file: string | null; problems: number }[];
}

function manyKeys(count: number): string {
  const lines = ['---', 'title: Many keys', 'date: 2025-03-14T09:30:00+01:00'];
  for (let index = 0; index < count; index++) lines.push(`k${index}: v`);
  return `${lines.join('\n')}\n---\nBody.\n`;
}

function jsonCheck(root: string): JsonReport {
  return JSON.parse(runCli(['check', '--root', root, '--format', 'json', '--jobs', '1']).stdout) as JsonReport;
}

describe('a front matter of many keys (issue 11, item 7)', () => {
  test.each([4000, 8000, 16000])('%i unknown keys: 20 problems are shown, and the report says how many more there are', (count) => {
    const root = writeSite(siteFiles({ 'articles/first/en.md': manyKeys(count) }));
    const report = jsonCheck(root);
    expect(report.ok).toBe(false);
    expect(report.summary.errors).toBe(count);
    const shown = report.problems.filter((problem) => problem.file === 'articles/first/en.md');
    expect(shown).toHaveLength(20);
    // The first 20 by line, each at its own key's line.
    expect(shown.map((problem) => [problem.code, problem.line, problem.path])).toEqual(
      Array.from({ length: 20 }, (_, index) => ['UNKNOWN_FIELD', index + 4, [`k${index}`]]),
    );
    expect(report.omitted).toEqual([{ file: 'articles/first/en.md', problems: count - 20 }]);

    const human = runCli(['check', '--root', root, '--jobs', '1']);
    expect(human.status).toBe(1);
    expect(human.stderr.match(/ UNKNOWN_FIELD /g)).toHaveLength(20);
    expect(human.stderr).toContain(`${count - 20}`);
    expect(human.stderr.split('\n').length).toBeLessThan(400);

    // Annotations name files from the working directory (or GITHUB_WORKSPACE): run in the site folder.
    const github = runCli(['check', '--format', 'github', '--jobs', '1'], { cwd: root, env: { GITHUB_WORKSPACE: '' } });
    expect(github.stdout.match(/^::error /gm)).toHaveLength(20);
    expect(github.stdout).toMatch(new RegExp(`^::notice file=articles/first/en\\.md::.*${count - 20}`, 'm'));
  });

  // The old code took minutes on this file (the position of each key was found by a walk over all
  // keys); a linear validation takes a second or two. No timing is asserted, only that it ends.
  test('100,000 unknown keys (1 MB, under the size limit) do not hang the check', { timeout: 60_000 }, () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': 'baseUrl: https://example.org/\nlanguages: [en, ar]\ndefaultLanguage: en\nauthors: [Example Desk]\nmaxFileSizeKb: 2048\n', 'articles/first/en.md': manyKeys(100_000) }));
    const report = jsonCheck(root);
    expect(report.summary.errors).toBe(100_000);
    expect(report.omitted).toEqual([{ file: 'articles/first/en.md', problems: 100_000 - 20 }]);
  });
});

describe('a partial that includes itself (issue 11, item 7)', () => {
  test.each([
    ['directly', { 'templates/partials/byline.hbs': '<p>{{authors}}</p>\n{{> byline}}\n' }, 'templates/partials/byline.hbs', 2],
    ['through another partial', { 'templates/partials/byline.hbs': '<p>{{authors}}</p>{{> figure}}\n', 'templates/partials/figure.hbs': '<figure>\n\n{{> byline}}</figure>\n' }, 'templates/partials/figure.hbs', 3],
  ])('%s: TEMPLATE_RECURSION with the template and line, exit 1, nothing written, no lock left', (_name, templates, file, line) => {
    const root = writeSite(siteFiles(templates));
    const run = runCli(['build', '--root', root, '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.problems.map((problem) => [problem.code, problem.file, problem.line])).toContainEqual(['TEMPLATE_RECURSION', file, line]);
    expect(existsSync(join(root, 'public'))).toBe(false);
    expect(runCli(['check', '--root', root]).status).toBe(1);
  });
});

const afterText = 'The closing paragraph must reach the feeds.';

function deepList(levels: number): string {
  return Array.from({ length: levels }, (_, index) => `${' '.repeat(2 * index)}- level ${index}`).join('\n');
}

describe('Markdown nested past the parser limit (issue 11, item 7)', () => {
  test.each([
    // Lines 1-4 are the front matter, 5 "Intro.", 6 blank; a list level counts two of the parser's 100.
    ['a list 60 deep', `Intro.\n\n${deepList(60)}\n\n${afterText}\n`, 7 + 49],
    ['block quotes 120 deep', `Intro.\n\n${'>'.repeat(120)} deep quote\n\n${afterText}\n`, 7],
  ])('%s: MARKDOWN_TOO_DEEP at the line where text would be lost, build refused, check --strict fails', (_name, body, line) => {
    const root = writeSite(siteFiles({ 'articles/first/en.md': `---\ntitle: Deep\ndate: 2025-03-14T09:30:00+01:00\n---\n${body}` }));
    const build = runCli(['build', '--root', root, '--format', 'json']);
    expect(build.status).toBe(1);
    const problem = (JSON.parse(build.stdout) as JsonReport).problems.find((entry) => entry.code === 'MARKDOWN_TOO_DEEP');
    expect(problem).toMatchObject({ file: 'articles/first/en.md', line });
    expect(existsSync(join(root, 'public'))).toBe(false);
    expect(runCli(['check', '--root', root, '--strict']).status).toBe(1);
  });

  test('a list 45 deep and deeply nested links and emphasis are published whole', () => {
    const inline = `${'['.repeat(150)}link${'](https://example.org/)'.repeat(150)} and ${'*_'.repeat(80)}em${'_*'.repeat(80)}`;
    const root = writeSite(siteFiles({ 'articles/first/en.md': `---\ntitle: Deep\ndate: 2025-03-14T09:30:00+01:00\n---\n${deepList(45)}\n\n${inline}\n\n${afterText}\n` }));
    const build = runCli(['build', '--root', root, '--strict']);
    expect(build.status).toBe(0);
    const feed = JSON.parse(readFileSync(join(root, 'public/en/feed.json'), 'utf8')) as { items: { content_html: string }[] };
    expect(feed.items[0]!.content_html).toContain('level 44');
    expect(feed.items[0]!.content_html).toContain(afterText);
  });
});

describe('a site without articles (issue 11, item 7)', () => {
  test.each([
    ['no articles/ folder', { 'articles/first/en.md': undefined }],
    ['an empty articles/ folder', { 'articles/first/en.md': undefined, 'articles/.keep': '' }],
  ])('%s: NO_ARTICLES naming articles/, nothing written', (_name, files) => {
    const root = writeSite(siteFiles(files));
    const run = runCli(['build', '--root', root, '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.problems.map((problem) => [problem.code, problem.file])).toEqual([['NO_ARTICLES', 'articles/']]);
    expect(existsSync(join(root, 'public'))).toBe(false);
  });

  test('a language without items is dated by the newest item of the site, never 1970 (and as a --no-cache build would)', () => {
    const root = writeSite(siteFiles({ 'articles/second/en.md': '---\ntitle: Second\ndate: 2025-04-01T08:00:00Z\nupdated: 2025-04-02T08:00:00Z\n---\nText.\n' }));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const dates = (): string[] =>
      readdirSync(join(root, 'public')).flatMap((lang) => {
        const atom = readFileSync(join(root, 'public', lang, 'atom.xml'), 'utf8');
        const json = JSON.parse(readFileSync(join(root, 'public', lang, 'feed.json'), 'utf8')) as { items: unknown[] };
        return [`${lang} ${/<updated>([^<]+)<\/updated>/.exec(atom)![1]} ${json.items.length}`];
      });
    expect(dates().sort()).toEqual(['ar 2025-04-02T08:00:00.000Z 0', 'en 2025-04-02T08:00:00.000Z 2']);
    for (const lang of ['ar', 'en']) expect(readFileSync(join(root, 'public', lang, 'rss.xml'), 'utf8')).not.toContain('1970');

    // A newer article in English only: the Arabic feed, still empty, takes its date on the next (incremental) build.
    mkdirSync(join(root, 'articles/third'));
    writeFileSync(join(root, 'articles/third/en.md'), '---\ntitle: Third\ndate: 2025-05-01T08:00:00Z\n---\nText.\n');
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(dates().sort()).toEqual(['ar 2025-05-01T08:00:00.000Z 0', 'en 2025-05-01T08:00:00.000Z 3']);
  });

  test('only drafts: the feeds are dated by the newest draft, never 1970', () => {
    const root = writeSite(siteFiles({ 'articles/first/en.md': '---\ntitle: First\ndate: 2025-03-14T09:30:00+01:00\ndraft: true\n---\nHello.\n' }));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    for (const lang of ['ar', 'en']) {
      const atom = readFileSync(join(root, 'public', lang, 'atom.xml'), 'utf8');
      expect(/<updated>([^<]+)<\/updated>/.exec(atom)![1]).toBe('2025-03-14T08:30:00.000Z');
    }
  });
});
