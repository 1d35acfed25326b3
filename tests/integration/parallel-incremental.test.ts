// Worker threads and the build index change how much work a build does, never the bytes it writes.
import { createHash } from 'node:crypto';
import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateArticles } from '../helpers/generate-articles.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, siteFiles, writeSite } from '../helpers/site-fixture.js';

/** 220 articles in two languages: 440 files, enough for the worker threads to take part. */
function largeSite(extra: Record<string, string | undefined> = {}): string {
  return writeSite(siteFiles({ 'articles/first/en.md': undefined, ...generateArticles(220, 'v1'), ...extra }));
}

describe('the number of threads', () => {
  test.each([
    ['feeds of the newest 50 items', ''],
    ['feeds of every item (rendered in workers)', 'maxItems: 0\n'],
  ])('never changes the bytes written: %s', (_name, configExtra) => {
    const root = largeSite({ 'polyfeed.config.yaml': `${siteFiles()['polyfeed.config.yaml']}${configExtra}` });
    const outputs = ['1', '2', '3'].map((jobs) => {
      const out = join(root, `out-${jobs}`);
      const run = runCli(['build', '--root', root, '--out', out, '--no-cache', '--jobs', jobs]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('440 of 440 article files read');
      return readTree(out);
    });
    expect(Object.keys(outputs[0]!)).toHaveLength(6);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });

  test('never changes the bytes of a feed of every item whose entries reach a worker in several slices', () => {
    // 1,050 items in one language: a worker is sent them 1,000 at a time.
    const root = writeSite(
      siteFiles({ 'articles/first/en.md': undefined, ...generateArticles(1050, 'v1', ['en']), 'polyfeed.config.yaml': `${siteFiles()['polyfeed.config.yaml']}maxItems: 0\n` }),
    );
    const outputs = ['1', '2'].map((jobs) => {
      const out = join(root, `out-${jobs}`);
      const run = runCli(['build', '--root', root, '--out', out, '--no-cache', '--jobs', jobs]);
      expect(run.status, run.stderr).toBe(0);
      return readTree(out);
    });
    expect(outputs[1]).toEqual(outputs[0]);
    const feed = JSON.parse(outputs[1]!['en/feed.json']!.toString('utf8')) as { items: { id: string }[] };
    expect(feed.items).toHaveLength(1050);
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(1050);
  }, 180_000);

  test('never changes the problems reported', () => {
    const broken = { 'articles/story-7/en.md': '---\ntitle: Broken\ndate: yesterday\n---\nText.\n', 'articles/story-150/ar.md': '---\ntitle: [unclosed\n---\nنص\n' };
    const root = largeSite(broken);
    const reports = ['1', '2'].map((jobs) => runCli(['check', '--root', root, '--jobs', jobs, '--format', 'json']));
    for (const report of reports) expect(report.status).toBe(1);
    expect(reports[1]!.stdout).toEqual(reports[0]!.stdout);
    const problems = (JSON.parse(reports[0]!.stdout) as { problems: { code: string; file: string }[] }).problems;
    expect(problems.map(({ code, file }) => `${file} ${code}`)).toEqual(['articles/story-150/ar.md YAML_SYNTAX', 'articles/story-7/en.md INVALID_DATE']);
  });

  test('--jobs takes a whole number of threads, 1 or more', () => {
    const root = writeSite(siteFiles());
    for (const jobs of ['0', '1.5', 'many']) {
      const run = runCli(['build', '--root', root, '--jobs', jobs]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('Expected a whole number of threads');
    }
  });
});

describe('a rebuild', () => {
  test('reads only the article files that changed', () => {
    const root = largeSite();
    expect(runCli(['build', '--root', root]).stdout).toContain('440 of 440 article files read');
    writeFileSync(join(root, 'articles/story-3/en.md'), '---\ntitle: Story 3 edited\ndate: 2024-01-04T03:00:00Z\n---\nNew text.\n');
    const again = runCli(['build', '--root', root]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('1 of 440 article files read');
  });

  test('renders again only the languages whose feeds changed; the others keep their bytes and modification times', () => {
    const root = largeSite();
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const mtimes = (lang: string) => ['rss.xml', 'atom.xml', 'feed.json'].map((name) => statSync(join(root, 'public', lang, name)).mtimeMs);
    const englishBefore = mtimes('en');
    const arabicBefore = mtimes('ar');
    writeFileSync(join(root, 'locales/ar/feed.json'), siteFiles()['locales/ar/feed.json']!.replace('Example feed', 'Another description'));
    const again = runCli(['build', '--root', root]);
    expect(again.stdout).toContain('3 written, 3 unchanged; 0 of 440 article files read');
    expect(mtimes('en')).toEqual(englishBefore);
    expect(mtimes('ar')).not.toEqual(arabicBefore);
    const cold = runCli(['build', '--root', root, '--no-cache', '--out', join(root, 'cold')]);
    expect(cold.status).toBe(0);
    expect(readTree(join(root, 'public'))).toEqual(readTree(join(root, 'cold')));
  });

  test('an edit to a translation changes the other language\'s feed too (its translation links)', () => {
    const root = largeSite();
    expect(runCli(['build', '--root', root]).status).toBe(0);
    // story-219 is the newest article: it is in both languages' feeds.
    const arabic = join(root, 'articles/story-219/ar.md');
    writeFileSync(arabic, readTree(root)['articles/story-219/ar.md']!.toString('utf8').replace('Story 219 v1', 'Story 219 renamed'));
    const before = readTree(join(root, 'public'))['en/feed.json']!.toString('utf8');
    const again = runCli(['build', '--root', root]);
    expect(again.stdout).toContain('1 of 440 article files read');
    const after = readTree(join(root, 'public'))['en/feed.json']!.toString('utf8');
    expect(before).not.toContain('Story 219 renamed');
    expect(after).toContain('Story 219 renamed');
  });

  test('reuses the items of the last build it kept, and ignores a damaged cache', () => {
    const root = largeSite();
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const tree = readTree(root);
    expect(Object.keys(tree).filter((path) => path.startsWith('.polyfeed-cache/items/')).sort()).toEqual(['.polyfeed-cache/items/ar.json', '.polyfeed-cache/items/en.json']);
    writeFileSync(join(root, 'articles/story-219/en.md'), tree['articles/story-219/en.md']!.toString('utf8').replace('Story 219 v1', 'Story 219 v2'));
    writeFileSync(join(root, '.polyfeed-cache/items/ar.json'), '{"not": "what it was"');
    writeFileSync(join(root, '.polyfeed-cache/index.jsonl'), '[1, 2');
    const again = runCli(['build', '--root', root]);
    expect(again.status, again.stderr).toBe(0);
    const cold = runCli(['build', '--root', root, '--no-cache', '--out', join(root, 'cold')]);
    expect(cold.status).toBe(0);
    expect(readTree(join(root, 'public'))).toEqual(readTree(join(root, 'cold')));
    expect(readTree(join(root, 'public'))['en/atom.xml']!.toString('utf8')).toContain('Story 219 v2');
  });

  test('trusts sizes and modification times, and --no-cache does not (build and check)', () => {
    const root = largeSite();
    const path = join(root, 'articles/story-5/en.md');
    const mtime = new Date('2025-01-01T00:00:00Z');
    utimesSync(path, mtime, mtime);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const text = readTree(root)['articles/story-5/en.md']!.toString('utf8');
    // The same number of bytes, a broken date, and the old modification time put back.
    writeFileSync(path, text.replace('date: 2024-', 'date: 2O24-'));
    utimesSync(path, mtime, mtime);
    expect(runCli(['check', '--root', root]).status).toBe(0);
    const check = runCli(['check', '--root', root, '--no-cache']);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('articles/story-5/en.md:3:7 INVALID_DATE date');
    expect(runCli(['build', '--root', root, '--no-cache']).status).toBe(1);
  });
});

describe('feeds of every item rendered in workers', () => {
  test('hold long articles too (batches end by size, not only by count), the same bytes as on one thread', () => {
    const paragraph = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. *Sed* do eiusmod tempor. '.repeat(12)}\n\n`;
    const body = paragraph.repeat(Math.ceil((900 * 1024) / paragraph.length)).slice(0, 900 * 1024 - 200);
    const files: Record<string, string> = { 'polyfeed.config.yaml': `${siteFiles()['polyfeed.config.yaml']}maxItems: 0\n` };
    for (let index = 0; index < 40; index++) {
      files[`articles/long-${index}/en.md`] = `---\ntitle: Long ${index}\ndate: 2024-01-${String((index % 28) + 1).padStart(2, '0')}T${String(index % 24).padStart(2, '0')}:00:00Z\n---\n${body}`;
    }
    const root = writeSite(siteFiles(files));
    const inWorkers = runCli(['build', '--root', root, '--jobs', '2', '--out', join(root, 'workers')]);
    expect(inWorkers.status, inWorkers.stderr).toBe(0);
    const alone = runCli(['build', '--root', root, '--jobs', '1', '--no-cache', '--out', join(root, 'alone')]);
    expect(alone.status, alone.stderr).toBe(0);
    // Compared by digest: the feeds are tens of MB each.
    const digests = (folder: string) => Object.fromEntries(Object.entries(readTree(folder)).map(([path, bytes]) => [path, createHash('sha256').update(bytes).digest('hex')]));
    const written = digests(join(root, 'workers'));
    expect(Object.keys(written).sort()).toEqual(['ar/atom.xml', 'ar/feed.json', 'ar/rss.xml', 'en/atom.xml', 'en/feed.json', 'en/rss.xml']);
    expect(written).toEqual(digests(join(root, 'alone')));
  }, 120_000);
});
