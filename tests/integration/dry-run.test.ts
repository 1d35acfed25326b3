// build --dry-run: says which feeds would be added, changed or left alone, and writes nothing:
// no feed, no lock, no cache. Issue #12.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { folderState, siteFiles, writeSite } from '../helpers/site-fixture.js';

/** The site has items in both languages: an Arabic feed without items would take the site's newest date. */
const bothLanguages = { 'articles/first/ar.md': '---\ntitle: الأول\ndate: 2025-03-14T09:30:00+01:00\n---\nمرحبا.\n' };
const second = '---\ntitle: Second\ndate: 2025-03-15T09:30:00+01:00\n---\nMore text.\n';


describe('build --dry-run', () => {
  test('before any build: every feed would be added, and nothing is written', () => {
    const root = writeSite(siteFiles());
    const before = folderState(root);
    const run = runCli(['build', '--root', root, '--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.filter((line) => line.trim().startsWith('would add')).map((line) => line.trim().split(/\s+/).pop()).sort()).toEqual(
      ['ar/atom.xml', 'ar/feed.json', 'ar/rss.xml', 'en/atom.xml', 'en/feed.json', 'en/rss.xml'],
    );
    expect(lines.at(-1)).toMatch(/^Dry run: 6 of 6 feeds in .* would be written \(6 new, 0 changed\), 0 left alone; nothing was written\.$/);
    expect(folderState(root)).toEqual(before);
  });

  test('after a build: an added article changes the feeds of its language only; JSON lists them', () => {
    const root = writeSite(siteFiles(bothLanguages));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    mkdirSync(join(root, 'articles/second'));
    writeFileSync(join(root, 'articles/second/en.md'), second);
    const before = folderState(root);
    const run = runCli(['build', '--root', root, '--dry-run', '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(report.output.written).toEqual([]);
    expect(report.output.dryRun).toEqual({ added: [], changed: ['en/rss.xml', 'en/atom.xml', 'en/feed.json'], removed: [] });
    expect([...report.output.unchanged].sort()).toEqual(['ar/atom.xml', 'ar/feed.json', 'ar/rss.xml']);
    // The cache and the feeds are as the last build left them: the real build still has the work to do.
    expect(folderState(root)).toEqual(before);
    const real = runCli(['build', '--root', root]);
    expect(real.stdout).toMatch(/Built 6 feeds into .*: 3 written, 3 unchanged/);
  });

  test('when nothing changed: every feed is left alone', () => {
    const root = writeSite(siteFiles());
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const run = runCli(['build', '--root', root, '--dry-run']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Dry run: 0 of 6 feeds in .* would be written \(0 new, 0 changed\), 6 left alone; nothing was written\./);
  });

  test('with invalid sources: the problems, exit code 1, nothing written', () => {
    const root = writeSite(siteFiles({ 'articles/broken/en.md': '---\ntitle: Broken\ndate: yesterday\n---\nText.\n' }));
    const before = folderState(root);
    const run = runCli(['build', '--root', root, '--dry-run']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('articles/broken/en.md:3:7 INVALID_DATE date');
    expect(folderState(root)).toEqual(before);
  });
});
