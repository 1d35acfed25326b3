// polyfeed diff: per language and format, the items a build would add, remove and change (which
// fields), against the last build's output folder, a folder given, or between two folders; human,
// Markdown and JSON reports; exit 0 identical, 1 different; nothing written. Issue #13.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { folderState, labels, siteFiles, writeSite } from '../helpers/site-fixture.js';

/** Both languages have an item: the first article in English and Arabic, linked as translations. */
const bothLanguages = { 'articles/first/ar.md': '---\ntitle: الأول\ndate: 2025-03-14T09:30:00+01:00\n---\nمرحبا.\n' };
const firstEn = (title: string) => `---\ntitle: ${title}\ndate: 2025-03-14T09:30:00+01:00\n---\nHello **world**.\n`;
const second = '---\ntitle: Second story\ndate: 2025-03-15T09:30:00+01:00\n---\nMore text.\n';
const en = ['en/rss.xml', 'en/atom.xml', 'en/feed.json'];

/** A site built once (into public/), ready to be edited. */
function builtSite(files: Record<string, string | undefined> = {}): string {
  const root = writeSite(siteFiles({ ...bothLanguages, ...files }));
  expect(runCli(['build', '--root', root]).status).toBe(0);
  return root;
}

function diffJson(args: string[]) {
  const run = runCli(['diff', ...args, '--format', 'json']);
  return { status: run.status, stderr: run.stderr, report: JSON.parse(run.stdout) };
}

type JsonFile = { path: string; status: string; items?: { added: { title: string }[]; removed: { title: string }[]; changed: { title: string; oldTitle?: string; fields: string[] }[] } };

const fileOf = (report: { files: JsonFile[] }, path: string) => report.files.find((file) => file.path === path);

describe('polyfeed diff against the last build', () => {
  test('nothing changed: identical, exit 0, and nothing written (feeds and cache keep their bytes and mtimes)', () => {
    const root = builtSite();
    const before = folderState(root);
    const run = runCli(['diff', '--root', root]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Identical: compared the feeds a build would write with .*public; 6 feeds, none differs\.\n$/);
    expect(folderState(root)).toEqual(before);
  });

  test('an article retitled: that item "changed: title" in every format of its language, exit 1, nothing written', () => {
    const root = builtSite();
    writeFileSync(join(root, 'articles/first/en.md'), firstEn('First, retitled'));
    const before = folderState(root);
    const run = runCli(['diff', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('en/rss.xml, en/atom.xml, en/feed.json: changed\n    changed  First, retitled (was: First): title\n');
    expect(run.stdout).toMatch(/: \d of 6 feeds differ \(0 added, 0 removed, \d changed\); items: 0 added, 0 removed, \d changed\.\n$/);
    const { status, report } = diffJson(['--root', root]);
    expect(status).toBe(1);
    expect(report.identical).toBe(false);
    for (const path of en) {
      expect(fileOf(report, path)?.items).toEqual({ added: [], removed: [], changed: [expect.objectContaining({ title: 'First, retitled', oldTitle: 'First', fields: ['title'] })] });
    }
    // The Arabic version links to the English one by its title: its link to that translation changed, in the formats that carry it.
    expect(fileOf(report, 'ar/atom.xml')?.items?.changed[0]?.fields).toContain('translations');
    expect(folderState(root)).toEqual(before);
    // The real build still has the work to do.
    expect(runCli(['build', '--root', root]).stdout).toMatch(/Built 6 feeds into .*: [1-6] written/);
    expect(runCli(['diff', '--root', root]).status).toBe(0);
  });

  test('an article added and one removed: listed as added and removed; Markdown for a pull request', () => {
    const root = builtSite({ 'articles/old/en.md': '---\ntitle: Old story\ndate: 2025-01-01T09:30:00+01:00\n---\nOld.\n' });
    rmSync(join(root, 'articles/old'), { recursive: true });
    mkdirSync(join(root, 'articles/second'));
    writeFileSync(join(root, 'articles/second/en.md'), second);
    const { status, report } = diffJson(['--root', root]);
    expect(status).toBe(1);
    for (const path of en) {
      const items = fileOf(report, path)?.items;
      expect(items?.added.map((item) => item.title)).toEqual(['Second story']);
      expect(items?.removed.map((item) => item.title)).toEqual(['Old story']);
      expect(items?.changed).toEqual([]);
    }
    expect(report.unchanged).toEqual(['ar/rss.xml', 'ar/atom.xml', 'ar/feed.json']);
    expect(report.summary.items).toEqual({ added: 1, removed: 1, changed: 0 });

    const markdown = runCli(['diff', '--root', root, '--format', 'markdown']);
    expect(markdown.status).toBe(1);
    const lines = markdown.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('### Feed changes');
    expect(lines).toContain('**3 of 6 feeds differ** (0 added, 0 removed, 3 changed); items: 1 added, 1 removed, 0 changed.');
    expect(lines.filter((line) => line.startsWith('#### en: '))).not.toHaveLength(0);
    expect(lines).toContain('| change | item | fields |');
    expect(lines.some((line) => /^\| added \| \[Second story\]\(https:\/\/example\.org\/en\/second\/\) \| \|$/.test(line))).toBe(true);
    expect(lines.some((line) => /^\| removed \| \[Old story\]\(https:\/\/example\.org\/en\/old\/\) \| \|$/.test(line))).toBe(true);
    expect(markdown.stdout).not.toContain('/tmp');
  });

  test('a language dropped from the config: its feeds removed', () => {
    const root = builtSite();
    writeFileSync(join(root, 'polyfeed.config.yaml'), 'baseUrl: https://example.org/\nlanguages: [en]\ndefaultLanguage: en\nauthors: [Example Desk]\n');
    rmSync(join(root, 'articles/first/ar.md'));
    rmSync(join(root, 'locales/ar'), { recursive: true });
    const run = runCli(['diff', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('ar/rss.xml, ar/atom.xml, ar/feed.json: removed (1 item)\n');
  });

  test('after a build with --out: compared with that folder, the last build\'s', () => {
    const root = writeSite(siteFiles(bothLanguages));
    const out = mkdtempSync(join(tmpdir(), 'polyfeed-out-'));
    expect(runCli(['build', '--root', root, '--out', out]).status).toBe(0);
    const { status, report } = diffJson(['--root', root]);
    expect(status).toBe(0);
    expect(report.old).toBe(out);
    expect(report.identical).toBe(true);
  });

  test('invalid sources: the problems, "no diff was made", exit 1, nothing written', () => {
    const root = builtSite();
    writeFileSync(join(root, 'articles/first/en.md'), '---\ntitle: Broken\ndate: yesterday\n---\nText.\n');
    const before = folderState(root);
    const run = runCli(['diff', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('articles/first/en.md:3:7 INVALID_DATE date');
    expect(run.stderr).toContain('No diff was made');
    expect(run.stdout).toBe('');
    const { status, report } = diffJson(['--root', root]);
    expect(status).toBe(1);
    expect(report).toMatchObject({ ok: false, identical: null, files: [] });
    expect(report.problems.map((problem: { code: string }) => problem.code)).toEqual(['INVALID_DATE']);
    expect(folderState(root)).toEqual(before);
  });
});

describe('polyfeed diff --against and --to', () => {
  test('--against a copy of the published feeds: compared with it, not with the output folder', () => {
    const root = builtSite();
    const published = mkdtempSync(join(tmpdir(), 'polyfeed-live-'));
    cpSync(join(root, 'public'), published, { recursive: true });
    writeFileSync(join(root, 'articles/first/en.md'), firstEn('First, retitled'));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(runCli(['diff', '--root', root]).status).toBe(0);
    const before = folderState(published);
    const { status, report } = diffJson(['--root', root, '--against', published]);
    expect(status).toBe(1);
    expect(report.old).toBe(published);
    expect(fileOf(report, 'en/rss.xml')?.items?.changed.map((item) => item.fields)).toEqual([['title']]);
    expect(folderState(published)).toEqual(before);
  });

  test('--against OLD --to NEW: two folders compared without building', () => {
    const root = builtSite();
    const main = mkdtempSync(join(tmpdir(), 'polyfeed-main-'));
    const branch = mkdtempSync(join(tmpdir(), 'polyfeed-branch-'));
    expect(runCli(['build', '--root', root, '--out', main]).status).toBe(0);
    mkdirSync(join(root, 'articles/second'));
    writeFileSync(join(root, 'articles/second/en.md'), second);
    expect(runCli(['build', '--root', root, '--out', branch]).status).toBe(0);
    const { status, report } = diffJson(['--against', main, '--to', branch]);
    expect(status).toBe(1);
    expect(report).toMatchObject({ ok: true, identical: false, old: main, new: branch });
    for (const path of en) expect(fileOf(report, path)?.items?.added.map((item) => item.title)).toEqual(['Second story']);
    expect(diffJson(['--against', main, '--to', main]).report.identical).toBe(true);
    expect(runCli(['diff', '--against', branch, '--to', main]).stdout).toContain('    removed  Second story  <https://example.org/en/second/>\n');
  });

  test('usage problems: --to without --against, a folder that does not exist (exit 2)', () => {
    const root = builtSite();
    const noAgainst = runCli(['diff', '--to', join(root, 'public')]);
    expect(noAgainst.status).toBe(2);
    expect(noAgainst.stderr).toContain('--to needs --against');
    const missing = runCli(['diff', '--root', root, '--against', join(root, 'nowhere')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('is not a folder');
    expect(runCli(['diff', '--root', root, '--format', 'github']).status).toBe(2);
  });
});

// Labels in both languages are the fixture's; a changed label is a feed field (the title) of that language only.
test('a feed title changed in the labels: the feed field title, in every format of that language', () => {
  const root = builtSite();
  writeFileSync(join(root, 'locales/en/feed.json'), labels({ feed: { title: 'Example Daily' } }));
  const { status, report } = diffJson(['--root', root]);
  expect(status).toBe(1);
  for (const path of en) expect(report.files.find((file: JsonFile) => file.path === path)?.feed).toContainEqual({ field: 'title', old: 'Example', new: 'Example Daily' });
  expect(report.unchanged).toEqual(['ar/rss.xml', 'ar/atom.xml', 'ar/feed.json']);
});
