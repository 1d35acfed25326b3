// Issue 14: the edges of reading another generator's folder where it lies: an output folder inside or
// holding the content folder is refused, two files of one article version are a DUPLICATE_ID naming both,
// and an article without a default-language version follows missingDefaultLanguage, its hint naming the file to add.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { generatorSite, readmeConfigOf } from '../helpers/generator-site.js';

const NOW = '2024-06-01T00:00:00Z';

interface Problem {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly hint: string;
  readonly file: string | null;
  readonly line: number | null;
}

/** A command run with a JSON report, parsed back. */
function run(command: 'build' | 'check', root: string, ...args: string[]) {
  const result = runCli([command, '--root', root, '--now', NOW, '--format', 'json', ...args]);
  return { status: result.status, report: JSON.parse(result.stdout) as { ok: boolean; problems: Problem[] } };
}

/** A generator fixture with its README config, plus `config` lines appended and `files` written over it. */
function site(generator: 'Hugo' | 'Jekyll' | 'Astro', files: Record<string, string> = {}, config = ''): string {
  return generatorSite(generator.toLowerCase(), { 'polyfeed.config.yaml': `${readmeConfigOf(generator)!}${config}`, ...files });
}

const post = (title: string) => `---\ntitle: ${title}\ndate: 2024-02-01T10:00:00+01:00\n---\n${title}, the text.\n`;

describe('the content folder is a folder polyfeed reads: no output folder inside it or holding it', () => {
  test('--out inside the Hugo content folder is refused before anything is written (exit 2)', () => {
    const root = site('Hugo');
    const { status, report } = run('build', root, '--out', join(root, 'content/feeds'));
    expect(status).toBe(2);
    expect(report.problems.map((problem) => problem.code)).toEqual(['OUTPUT_FOLDER_UNSAFE']);
    expect(existsSync(join(root, 'content/feeds'))).toBe(false);
  });

  test('an outDir holding the Astro content folder is refused at its line in the config, by check too', () => {
    const root = site('Astro', {}, 'outDir: src\n');
    const configLines = readFileSync(join(root, 'polyfeed.config.yaml'), 'utf8').split('\n');
    for (const command of ['build', 'check'] as const) {
      const { status, report } = run(command, root);
      expect(status).toBe(2);
      expect(report.problems.map(({ code, file, line }) => ({ code, file, line }))).toEqual([
        { code: 'OUTPUT_FOLDER_UNSAFE', file: 'polyfeed.config.yaml', line: configLines.indexOf('outDir: src') + 1 },
      ]);
    }
    expect(existsSync(join(root, 'src/rss.xml'))).toBe(false);
  });

  test('Jekyll reads _posts/ and _drafts/ of the site folder: an outDir inside _posts/ is refused, public/ beside them is not', () => {
    expect(run('build', site('Jekyll', {}, 'outDir: _posts/feeds\n')).report.problems.map((problem) => problem.code)).toEqual(['OUTPUT_FOLDER_UNSAFE']);
    const root = site('Jekyll', {}, 'outDir: public\n');
    expect(run('build', root).status).toBe(0);
    expect(existsSync(join(root, 'public/en/feed.json'))).toBe(true);
  });
});

describe('two files of one key and language', () => {
  test('post.md and post/index.md are a DUPLICATE_ID at the later file, naming the earlier, and nothing is built', () => {
    const root = site('Hugo', { 'content/posts/flood.md': post('Flood'), 'content/posts/flood/index.md': post('Flood again') });
    const { status, report } = run('build', root);
    expect(status).toBe(1);
    const duplicates = report.problems.filter((problem) => problem.code === 'DUPLICATE_ID');
    expect(duplicates.map((problem) => problem.file)).toEqual(['content/posts/flood/index.md']);
    expect(duplicates[0]!.message).toContain('content/posts/flood.md');
    expect(duplicates[0]!.hint).toContain('"posts/flood"');
    expect(existsSync(join(root, 'public'))).toBe(false);
  });

  test('the same in two languages is no duplicate: the versions are translations', () => {
    const root = site('Hugo', { 'content/posts/flood.md': post('Flood'), 'content/posts/flood/index.fr.md': post('Inondation') });
    expect(run('check', root).report.problems).toEqual([]);
  });
});

describe('missingDefaultLanguage in another generator\'s layout', () => {
  const frenchOnly = { 'content/posts/only-french.fr.md': post('Seulement en français') };

  function feedTitles(root: string, lang: string): string[] {
    const feed = JSON.parse(readFileSync(join(root, 'public', lang, 'feed.json'), 'utf8')) as { items: { title: string }[] };
    return feed.items.map((item) => item.title);
  }

  test('warning (the default): reported at the file, the hint naming the default-language file to add; the version is published', () => {
    const root = site('Hugo', frenchOnly);
    const { status, report } = run('build', root);
    expect(status).toBe(0);
    expect(report.problems.map(({ code, severity, file }) => ({ code, severity, file }))).toEqual([
      { code: 'MISSING_DEFAULT_LANGUAGE', severity: 'warning', file: 'content/posts/only-french.fr.md' },
    ]);
    expect(report.problems[0]!.hint).toMatch(/^Add content\/posts\/only-french\.md,/);
    expect(feedTitles(root, 'fr')).toContain('Seulement en français');
    expect(feedTitles(root, 'en')).not.toContain('Seulement en français');
  });

  test('error fails the run; allow says nothing', () => {
    const failing = run('check', site('Hugo', frenchOnly, 'missingDefaultLanguage: error\n'));
    expect(failing.status).toBe(1);
    expect(failing.report.problems.map(({ code, severity }) => ({ code, severity }))).toEqual([{ code: 'MISSING_DEFAULT_LANGUAGE', severity: 'error' }]);
    const allowed = run('check', site('Hugo', frenchOnly, 'missingDefaultLanguage: allow\n'));
    expect(allowed.status).toBe(0);
    expect(allowed.report.problems).toEqual([]);
  });

  test('a translation under a language folder (Astro\'s fr/) names the file outside it', () => {
    const root = site('Astro', { 'src/content/blog/fr/only-french.md': post('Seulement en français') });
    const { report } = run('check', root);
    expect(report.problems.map(({ code, file }) => ({ code, file }))).toEqual([{ code: 'MISSING_DEFAULT_LANGUAGE', file: 'src/content/blog/fr/only-french.md' }]);
    expect(report.problems[0]!.hint).toMatch(/^Add src\/content\/blog\/only-french\.md,/);
  });
});
