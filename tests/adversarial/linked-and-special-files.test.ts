// Issue 11, item 8: links and entries that are no regular files under articles/ are followed or
// reported, never skipped without a word (and a named pipe is never opened: that would hang).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { siteFiles, writeSite } from '../helpers/site-fixture.js';

const article = (title: string) => `---\ntitle: ${title}\ndate: 2025-03-14T09:30:00+01:00\n---\nText of ${title}.\n`;

interface JsonReport {
  problems: { code: string; file: string | null; message: string }[];
}

function problemsOf(root: string, command: 'check' | 'build' = 'check'): { status: number | null; problems: [string, string | null][]; messages: string[] } {
  const run = runCli([command, '--root', root, '--format', 'json']);
  const report = JSON.parse(run.stdout) as JsonReport;
  return { status: run.status, problems: report.problems.map((problem) => [problem.code, problem.file]), messages: report.problems.map((problem) => problem.message) };
}

function titlesIn(root: string, lang = 'en'): string[] {
  const feed = JSON.parse(readFileSync(join(root, 'public', lang, 'feed.json'), 'utf8')) as { items: { title: string }[] };
  return feed.items.map((item) => item.title).sort();
}

/** A site whose second article is a linked file and whose third is a linked folder, both kept in `store` inside the site. */
function siteWithLinkedArticles(store: string): string {
  const root = writeSite(siteFiles({ [`${store}/second.md`]: article('Second'), [`${store}/third/en.md`]: article('Third') }));
  mkdirSync(join(root, 'articles/second'));
  symlinkSync(`../../${store}/second.md`, join(root, 'articles/second/en.md'));
  symlinkSync(`../${store}/third`, join(root, 'articles/third'));
  return root;
}

describe('links inside the site folder are followed (issue 11, item 8)', () => {
  test('a linked article file and a linked article folder are published, and edits to their targets are seen', () => {
    const root = siteWithLinkedArticles('drafts-store');
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(titlesIn(root)).toEqual(['First', 'Second', 'Third']);

    // The cache's no-op check stats through the link: an edit of a target is a change.
    writeFileSync(join(root, 'drafts-store/second.md'), article('Second, edited at more length'));
    writeFileSync(join(root, 'drafts-store/third/en.md'), article('Third, edited'));
    const rebuild = runCli(['build', '--root', root]);
    expect(rebuild.status).toBe(0);
    expect(rebuild.stdout).not.toContain('Nothing changed');
    expect(titlesIn(root)).toEqual(['First', 'Second, edited at more length', 'Third, edited']);
  });

  test('a link whose target goes away is reported, even when its folder did not change since the last build', () => {
    const root = siteWithLinkedArticles('store');
    expect(runCli(['build', '--root', root]).status).toBe(0);
    renameSync(join(root, 'store/second.md'), join(root, 'store/moved.md'));
    renameSync(join(root, 'store/third'), join(root, 'store/moved-third'));
    const { status, problems } = problemsOf(root, 'build');
    expect(status).toBe(1);
    expect(problems).toEqual([
      ['NOT_A_REGULAR_FILE', 'articles/second/en.md'],
      ['NOT_A_REGULAR_FILE', 'articles/third'],
    ]);
  });
});

describe('links that resolve outside the site folder are refused (issue 11, item 8)', () => {
  test('a file link and a folder link out of the site: LINK_OUTSIDE_SITE naming each link and its target, nothing written', () => {
    const outside = mkdtempSync(join(tmpdir(), 'polyfeed-outside-'));
    writeFileSync(join(outside, 'en.md'), article('Outside'));
    const root = writeSite(siteFiles());
    mkdirSync(join(root, 'articles/linked-file'));
    symlinkSync(join(outside, 'en.md'), join(root, 'articles/linked-file/en.md'));
    symlinkSync(outside, join(root, 'articles/linked-folder'));
    const { status, problems, messages } = problemsOf(root, 'build');
    expect(status).toBe(1);
    // No "empty folder" as well: the folder's file is the one reported.
    expect(problems).toEqual([
      ['LINK_OUTSIDE_SITE', 'articles/linked-file/en.md'],
      ['LINK_OUTSIDE_SITE', 'articles/linked-folder'],
    ]);
    expect(messages[0]).toContain(join(outside, 'en.md'));
    expect(messages[1]).toContain(outside);
    expect(runCli(['check', '--root', root]).status).toBe(1);
  });

  test('an articles/ folder that is itself a link out of the site is refused', () => {
    const outside = mkdtempSync(join(tmpdir(), 'polyfeed-outside-'));
    mkdirSync(join(outside, 'first'));
    writeFileSync(join(outside, 'first/en.md'), article('Outside'));
    const root = writeSite(siteFiles({ 'articles/first/en.md': undefined }));
    symlinkSync(outside, join(root, 'articles'));
    expect(problemsOf(root, 'build').problems).toEqual([['LINK_OUTSIDE_SITE', 'articles/']]);
  });
});

describe('entries named like article files that are no regular files (issue 11, item 8)', () => {
  test('a FIFO, a socket, a folder named en.md and a dangling link: NOT_A_REGULAR_FILE each, and nothing hangs', { timeout: 60_000 }, async () => {
    const root = writeSite(siteFiles({ 'articles/fifo/ar.md': article('Pipe, Arabic'), 'articles/folder/ar.md': article('Folder, Arabic') }));
    execFileSync('mkfifo', [join(root, 'articles/fifo/en.md')]);
    mkdirSync(join(root, 'articles/folder/en.md'));
    mkdirSync(join(root, 'articles/dangling'));
    symlinkSync('nowhere.md', join(root, 'articles/dangling/en.md'));
    mkdirSync(join(root, 'articles/socket'));
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(root, 'articles/socket/en.md'), resolve));
    try {
      for (const command of ['check', 'build'] as const) {
        const { status, problems } = problemsOf(root, command);
        expect(status).toBe(1);
        expect(problems).toEqual([
          ['NOT_A_REGULAR_FILE', 'articles/dangling/en.md'],
          ['NOT_A_REGULAR_FILE', 'articles/fifo/en.md'],
          ['NOT_A_REGULAR_FILE', 'articles/folder/en.md'],
          ['NOT_A_REGULAR_FILE', 'articles/socket/en.md'],
        ]);
      }
    } finally {
      server.close();
    }
  });

  test('a link loop between folders is reported, not followed forever', () => {
    const root = writeSite(siteFiles());
    symlinkSync('.', join(root, 'articles/first/again'));
    symlinkSync('../articles', join(root, 'articles/loop'));
    const { status, problems } = problemsOf(root);
    expect(status).toBe(1);
    expect(problems).toEqual([
      ['NOT_A_REGULAR_FILE', 'articles/first/again'],
      ['NOT_A_REGULAR_FILE', 'articles/loop'],
    ]);
  });
});
