// Issue 13: `--languages` builds (or checks) some of the config's languages only, with the bytes
// a build of every language gives them, and the index keeps the other languages' records so that
// the no-op check and later builds stay right whatever order the subsets come in.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { build as buildInMemory } from '../../src/index.js';
import { labels, minimalConfig, readTree, siteFiles, sourcesOf, writeSite } from '../helpers/site-fixture.js';

const frenchPlurals = { one: '{{count}} minute', many: '{{count}} minutes', other: '{{count}} minutes' };
const EN_FEEDS = ['en/atom.xml', 'en/feed.json', 'en/rss.xml'];
const AR_FEEDS = ['ar/atom.xml', 'ar/feed.json', 'ar/rss.xml'];
const arabic = (body: string) => `---\ntitle: الأول\ndate: 2025-03-14T09:30:00+01:00\n---\n${body}\n`;
/** The Arabic version's body edited: its title, and so the English version's link to it, stay. */
const editArabic = (root: string) => writeFileSync(join(root, 'articles/first/ar.md'), arabic('مرحبا مرة أخرى.'));
/** An article in both languages: each version links to the other. */
const bilingualSite = () => writeSite(siteFiles({ 'articles/first/ar.md': arabic('مرحبا.') }));

function build(root: string, ...args: string[]) {
  const run = runCli(['build', '--root', root, ...args]);
  expect(run.status, run.stderr).toBe(0);
  return run;
}

const mtimesOf = (out: string, paths: readonly string[]) => paths.map((path) => statSync(join(out, path)).mtimeMs);

describe('build --languages', () => {
  test('writes the chosen languages only, byte for byte as a build of every language writes them', () => {
    const root = bilingualSite();
    const run = build(root, '--languages', 'ar');
    expect(run.stdout).toMatch(/Built 3 feeds into .*: 3 written, 0 unchanged;/);
    expect(readdirSync(join(root, 'public'))).toEqual(['ar']);
    build(root, '--out', join(root, 'full'), '--no-cache');
    const full = readTree(join(root, 'full'));
    const part = readTree(join(root, 'public'));
    expect(Object.keys(part).sort()).toEqual(AR_FEEDS);
    // The Arabic item links to its English version: every article was read, though only Arabic was rendered.
    expect(part['ar/rss.xml']!.toString()).toContain('/en/');
    for (const path of AR_FEEDS) expect(part[path]!.equals(full[path]!), path).toBe(true);
  });

  test('tags compare without regard to case, and repeats count once', () => {
    const root = bilingualSite();
    expect(build(root, '--languages', 'EN, en').stdout).toMatch(/Built 3 feeds/);
    expect(readdirSync(join(root, 'public'))).toEqual(['en']);
  });

  test('an unknown tag is a usage error naming the configured languages, before and after a build', () => {
    const root = bilingualSite();
    for (const command of ['build', 'check']) {
      const run = runCli([command, '--root', root, '--languages', 'en,fr']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('"fr" is not a language of polyfeed.config.yaml, whose languages are en, ar.');
    }
    build(root);
    // Nothing changed: the no-op check answers from the index, which knows the config's languages.
    const again = runCli(['build', '--root', root, '--languages', 'fr,de']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('"fr", "de" are not languages of polyfeed.config.yaml, whose languages are en, ar.');
    expect(runCli(['build', '--root', root, '--languages', ',']).status).toBe(2);
  });

  test('after a full build with nothing changed, a subset build is a no-op for its languages', () => {
    const root = bilingualSite();
    build(root);
    const out = join(root, 'public');
    const mtimes = mtimesOf(out, [...EN_FEEDS, ...AR_FEEDS]);
    const run = build(root, '--languages', 'en', '--format', 'json');
    const report = JSON.parse(run.stdout);
    expect(report.output.written).toEqual([]);
    expect([...report.output.unchanged].sort()).toEqual(EN_FEEDS);
    expect(build(root, '--languages', 'en').stdout).toContain('Nothing changed since the last build: 3 feeds in');
    expect(mtimesOf(out, [...EN_FEEDS, ...AR_FEEDS])).toEqual(mtimes);
  });

  test('a full build after a subset build writes the languages the subset left out', () => {
    const root = bilingualSite();
    build(root, '--languages', 'en');
    const full = build(root);
    expect(full.stdout).not.toContain('Nothing changed');
    expect(full.stdout).toMatch(/Built 6 feeds into .*: 3 written, 3 unchanged;/);
    expect(Object.keys(readTree(join(root, 'public'))).sort()).toEqual([...AR_FEEDS, ...EN_FEEDS]);
    expect(build(root).stdout).toContain('Nothing changed');
  });

  test('a language changed while another was built alone is written by the next full build, and only it', () => {
    const root = bilingualSite();
    build(root);
    const out = join(root, 'public');
    const before = readTree(out);
    const arabicMtimes = mtimesOf(out, AR_FEEDS);
    editArabic(root);
    // The English feeds do not change: nothing is written, Arabic included.
    expect(build(root, '--languages', 'en').stdout).toMatch(/0 written, 3 unchanged/);
    expect(readTree(out)).toEqual(before);
    expect(mtimesOf(out, AR_FEEDS)).toEqual(arabicMtimes);
    // The index says its inputs are current: the Arabic feeds, made from older ones, must not be taken as a no-op.
    const full = build(root);
    expect(full.stdout).toMatch(/Built 6 feeds into .*: 3 written, 3 unchanged;/);
    expect(readTree(out)['ar/rss.xml']!.toString()).toContain('مرة أخرى');
    expect(build(root, '--languages', 'ar').stdout).toContain('Nothing changed');
  });

  test('one job per language sharing the cache (a CI matrix): each skips what the other left unchanged', () => {
    const root = bilingualSite();
    build(root, '--languages', 'en');
    build(root, '--languages', 'ar');
    // Together the two jobs built every language from the same inputs: a full build has nothing to do.
    expect(build(root).stdout).toContain('Nothing changed since the last build: 6 feeds');
    // A change to one language: the other language's job is a no-op, the changed one's writes its feeds.
    editArabic(root);
    expect(build(root, '--languages', 'en').stdout).toMatch(/0 written, 3 unchanged/);
    expect(build(root, '--languages', 'ar').stdout).toMatch(/3 written, 0 unchanged/);
    expect(build(root, '--languages', 'en').stdout).toContain('Nothing changed');
    expect(build(root).stdout).toContain('Nothing changed');
  });

  test('languages merely left out are never removed; a language removed from the config is, even from a subset build', () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': minimalConfig.replace('[en, ar]', '[en, ar, fr]'), 'locales/fr/feed.json': labels({}, frenchPlurals) }));
    build(root);
    const out = join(root, 'public');
    build(root, '--languages', 'en');
    expect(readdirSync(out).sort()).toEqual(['ar', 'en', 'fr']);
    writeFileSync(join(root, 'polyfeed.config.yaml'), minimalConfig);
    rmSync(join(root, 'locales/fr'), { recursive: true });
    const run = build(root, '--languages', 'en');
    expect(run.stdout).toContain('3 removed');
    expect(readdirSync(out).sort()).toEqual(['ar', 'en']);
  });

  test('--dry-run with --languages compares the chosen languages only', () => {
    const root = bilingualSite();
    const run = build(root, '--languages', 'en', '--dry-run');
    expect(run.stdout).toMatch(/Dry run: 3 of 3 feeds in .* would be written \(3 new, 0 changed\), 0 left alone; nothing was written\./);
    expect(run.stdout).not.toContain('ar/');
  });
});

describe('the library', () => {
  test('build(sources, { languages }) gives the files of those languages a build of every language gives', () => {
    const sources = sourcesOf(siteFiles({ 'articles/first/ar.md': arabic('مرحبا.') }));
    const full = buildInMemory(sources);
    const part = buildInMemory(sources, { languages: ['ar'] });
    expect(part.errors).toEqual([]);
    expect(part.files).toEqual(full.files.filter((file) => file.path.startsWith('ar/')));
    expect(part.skippedLanguages.map(({ lang, fingerprint }) => [lang, fingerprint])).toEqual(full.feeds.filter((feeds) => feeds.lang === 'en').map(({ lang, fingerprint }) => [lang, fingerprint]));
  });
});

describe('check --languages', () => {
  test('renders the chosen languages only, and still validates every article', () => {
    // A template field only the Arabic labels lack would fail at render time; here an article is broken instead.
    const root = bilingualSite();
    expect(runCli(['check', '--root', root, '--languages', 'ar']).status).toBe(0);
    mkdirSync(join(root, 'articles/broken'));
    writeFileSync(join(root, 'articles/broken/en.md'), '---\ntitle: Broken\ndate: yesterday\n---\nText.\n');
    const run = runCli(['check', '--root', root, '--languages', 'ar']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('articles/broken/en.md:3:7 INVALID_DATE date');
  });
});
