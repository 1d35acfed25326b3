// What reads polyfeed's report (a terminal, a JSON parser, GitHub Actions) gets it whole, safe, and true: through the real CLI.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { labels, arabicPlurals, siteFiles, writeSite } from '../helpers/site-fixture.js';

/** Characters a terminal or a reader acts on instead of showing: C0 but newline, DEL, C1, bidi controls, line separators. */
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

interface Problem {
  code: string;
  severity: string;
  message: string;
  hint: string | null;
  file: string | null;
  line: number | null;
  column: number | null;
  path: Array<string | number>;
}

function checkJson(root: string, env: Record<string, string> = {}): { status: number | null; problems: Problem[]; stdout: string } {
  const run = runCli(['check', '--root', root, '--format', 'json'], { env });
  return { status: run.status, problems: JSON.parse(run.stdout).problems, stdout: run.stdout };
}

const dated = (title: string, extra = '') => `---\ntitle: ${title}\ndate: 2025-03-14T09:30:00+01:00\n${extra}---\nHello.\n`;

/** A title sequence in a folder name, escape sequences and a NUL in an article, a C1 CSI and bidi overrides. */
const TITLE_FOLDER = 'articles/ti\u001b]0;owned\u0007tle/en.md';
const BIDI_FOLDER = 'articles/evil\u202egnp.\u009b31m/en.md';
function hostileSite(): string {
  return writeSite(
    siteFiles({
      [TITLE_FOLDER]: dated('Folder'),
      [BIDI_FOLDER]: dated('Bidi'),
      'articles/esc/en.md': `---\ntitle: Escapes\nsummary: raw \u001b]0;pwned\u0007 here\ndate: 2025-03-14T09:30:00+01:00\n---\nHi \u202e dlrow \u001b[2J \u009b31m \u0000 end\n`,
    }),
  );
}

describe('control characters from sources are shown escaped, never raw', () => {
  test('human report: messages, file paths and code frames hold no raw control character, and say which one it was', () => {
    const run = runCli(['check', '--root', hostileSite()]);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(UNSAFE);
    expect(run.stderr).toContain('articles/ti\\x1b]0;owned\\x07tle/en.md INVALID_ARTICLE_KEY');
    expect(run.stderr).toContain('articles/evil\\u202egnp.\\x9b31m/en.md INVALID_ARTICLE_KEY');
    expect(run.stderr).toContain('summary: raw \\x1b]0;pwned\\x07 here');
    expect(run.stderr).toContain('Hi \\u202e dlrow \\x1b[2J \\x9b31m \\x00 end');
    // A field's problem is at its value: "summary: " takes columns 1–9.
    expect(run.stderr).toContain('articles/esc/en.md:3:10 CONTROL_CHARACTER summary');
  });

  test('human report: the caret stays under the character once the line before it is escaped', () => {
    const run = runCli(['check', '--root', writeSite(siteFiles({ 'articles/esc/en.md': '---\ntitle: "\u202e\u202e x\u0001"\ndate: 2025-03-14T09:30:00+01:00\n---\nHi\n' }))]);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('articles/esc/en.md:2:8 CONTROL_CHARACTER title');
    const frame = lines.findIndex((line) => line.startsWith('  > 2 |'));
    expect(frame).toBeGreaterThan(0);
    // The column is the value's start: the opening quote.
    expect(lines[frame + 1]!.indexOf('^')).toBe(lines[frame]!.indexOf('"'));
  });

  test('JSON report: the exact text, escaped by JSON, with no raw control character on stdout', () => {
    const { status, problems, stdout } = checkJson(hostileSite());
    expect(status).toBe(1);
    expect(stdout).not.toMatch(UNSAFE);
    expect(problems.map((problem) => problem.file)).toEqual(expect.arrayContaining([TITLE_FOLDER, BIDI_FOLDER]));
  });

  test('GitHub annotations: no raw control character, and a newline or "::" in a source cannot start an annotation of its own', () => {
    const root = writeSite(
      siteFiles({
        [TITLE_FOLDER]: dated('Folder'),
        'articles/esc/en.md': dated('Escapes', '"x\\n::error file=evil.md::injected": 1\n'),
        'articles/a,b:c/en.md': dated('Comma'),
      }),
    );
    const run = runCli(['check', '--root', root, '--format', 'github'], { cwd: root, env: { GITHUB_WORKSPACE: '' } });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(UNSAFE);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.every((line) => /^::(error|warning) /.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith('::error file=evil.md'))).toBe(false);
    expect(lines.length).toBe(checkJson(root).problems.length);
    expect(run.stdout).toContain('file=articles/a%2Cb%3Ac/en.md');
  });
});

describe('--format github names files from the working directory, or from GITHUB_WORKSPACE', () => {
  // A missing field is reported at the root of the front matter: line 2, column 1.
  const repoWithSite = () => {
    const repo = mkdtempSync(join(tmpdir(), 'polyfeed-repo-'));
    const site = writeSite(siteFiles({ 'articles/first/en.md': '---\ntitle: First\n---\nno date\n' }));
    const root = join(repo, 'site');
    mkdirSync(root);
    for (const path of Object.keys(siteFiles())) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), readFileSync(join(site, path)));
    }
    return { repo, root };
  };

  test('--root site from the repository: annotations land on site/articles/…', () => {
    const { repo } = repoWithSite();
    const run = runCli(['check', '--root', 'site', '--format', 'github'], { cwd: repo, env: { GITHUB_WORKSPACE: '' } });
    expect(run.stdout).toMatch(/^::error file=site\/articles\/first\/en\.md,line=2,col=1,title=REQUIRED_FIELD date::/m);
  });

  test('GITHUB_WORKSPACE wins over the working directory', () => {
    const { repo, root } = repoWithSite();
    const run = runCli(['check', '--format', 'github'], { cwd: root, env: { GITHUB_WORKSPACE: repo } });
    expect(run.stdout).toMatch(/^::error file=site\/articles\/first\/en\.md,line=2,col=1,title=REQUIRED_FIELD date::/m);
  });

  test('run inside the site folder: paths as before', () => {
    const { root } = repoWithSite();
    const run = runCli(['check', '--format', 'github'], { cwd: root, env: { GITHUB_WORKSPACE: '' } });
    expect(run.stdout).toMatch(/^::error file=articles\/first\/en\.md,line=2,col=1,title=REQUIRED_FIELD date::/m);
  });
});

describe('messages that do not mislead', () => {
  test('a folder name in NFD form is reported as such, with its NFC form in the hint; the NFC form is accepted', () => {
    const nfd = 'cafe\u0301';
    const root = writeSite(siteFiles({ [`articles/${nfd}/en.md`]: dated('NFD'), 'articles/caf\u00e9-2/en.md': dated('NFC') }));
    const { problems } = checkJson(root);
    expect(problems.map((problem) => [problem.code, problem.file])).toEqual([['INVALID_ARTICLE_KEY', `articles/${nfd}/en.md`]]);
    expect(problems[0]!.hint).toContain('"caf\u00e9"');
  });

  test('a folder name with the combining marks its script is written with (Devanagari), in NFC form, is accepted', () => {
    const root = writeSite(siteFiles({ 'articles/हिंदी-समाचार/en.md': dated('Hindi key') }));
    expect(checkJson(root).problems).toEqual([]);
  });

  test('NFD and NFC folders side by side: the hint does not propose renaming one onto the other', () => {
    const root = writeSite(siteFiles({ 'articles/cafe\u0301/en.md': dated('NFD'), 'articles/caf\u00e9/en.md': dated('NFC') }));
    const [problem] = checkJson(root).problems;
    expect(problem).toMatchObject({ code: 'INVALID_ARTICLE_KEY' });
    expect(problem!.hint).toContain('articles/caf\u00e9/');
    expect(problem!.hint).not.toMatch(/^Rename/);
  });

  test('EN.md beside en.md: the hint names both files instead of a rename that would overwrite en.md', () => {
    const root = writeSite(siteFiles({ 'articles/first/EN.md': dated('Upper'), 'articles/solo/EN.md': dated('Alone') }));
    const problems = checkJson(root).problems.filter((problem) => problem.code === 'INVALID_LANGUAGE_TAG');
    const twice = problems.find((problem) => problem.file === 'articles/first/EN.md')!;
    expect(twice.hint).toContain('articles/first/en.md');
    expect(twice.hint).not.toMatch(/^Rename/);
    // Alone, the rename is the right advice.
    expect(problems.find((problem) => problem.file === 'articles/solo/EN.md')!.hint).toContain('en.md');
  });

  test('a vertical tab in an author name is CONTROL_CHARACTER on that author, not a wrong shape', () => {
    const root = writeSite(siteFiles({ 'articles/first/en.md': dated('First', 'authors: ["Jane\\vDoe", ""]\n') }));
    const problems = checkJson(root).problems;
    expect(problems.map((problem) => [problem.code, problem.path, problem.line])).toEqual([
      ['CONTROL_CHARACTER', ['authors', 0], 4],
      ['EMPTY_VALUE', ['authors', 1], 4],
    ]);
  });

  test.each([
    ['little-endian', 'utf16le'],
    ['big-endian', 'utf16be'],
  ])('a UTF-16 (%s) file without a byte order mark is NOT_UTF8 with a hint about UTF-16, not a missing front matter', (_order, encoding) => {
    const text = dated('Sixteen');
    const le = Buffer.from(text, 'utf16le');
    const bytes = encoding === 'utf16le' ? le : Buffer.from(le.map((_, index) => le[index ^ 1]!));
    const root = writeSite({ ...siteFiles(), 'articles/first/en.md': bytes });
    const problems = checkJson(root).problems;
    expect(problems.map((problem) => [problem.code, problem.file, problem.line])).toEqual([['NOT_UTF8', 'articles/first/en.md', 1]]);
    expect(problems[0]!.hint).toContain('UTF-16');
  });

  test('a label missing in every language: no hint claims the default language has it', () => {
    const withoutCopyright = (plurals?: Record<string, string>) => {
      const json = JSON.parse(plurals ? labels({}, plurals) : labels());
      delete json.feed.copyright;
      return JSON.stringify(json);
    };
    const root = writeSite(siteFiles({ 'locales/en/feed.json': withoutCopyright(), 'locales/ar/feed.json': withoutCopyright(arabicPlurals) }));
    const problems = checkJson(root).problems;
    expect(problems.map((problem) => [problem.code, problem.file, problem.path])).toEqual([
      ['LOCALE_MISSING_KEY', 'locales/ar/feed.json', ['feed', 'copyright']],
      ['LOCALE_MISSING_KEY', 'locales/en/feed.json', ['feed', 'copyright']],
    ]);
    for (const problem of problems) expect(problem.hint).not.toMatch(/\ben has it\b/);
    // Missing in ar alone, the default language does have it, and the hint may say so.
    const onlyArabic = checkJson(writeSite(siteFiles({ 'locales/ar/feed.json': withoutCopyright(arabicPlurals) }))).problems;
    expect(onlyArabic[0]!.hint).toMatch(/\ben has it\b/);
  });
});
