// Issue 15, "Coverage": `polyfeed coverage` through the real CLI on a site with a translated, an outdated
// (by the default language and by the language `translationOf` names) and a missing version, and labels
// taken from polyfeed's or missing; in the terminal table, the Markdown table (parsed back) and the JSON report.
import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { labels, readTree, sampleSiteFiles, siteFiles, writeSite } from '../helpers/site-fixture.js';

const NOW = '2025-06-01T00:00:00Z';

const config = `baseUrl: https://example.org/
languages: [en, fr, ar, de]
defaultLanguage: en
authors: [Example Desk]
`;

function version(title: string, dates: string, extra = ''): string {
  return `---\ntitle: ${title}\n${dates}\n${extra}---\nText of ${title}.\n`;
}

const feedTexts = (title: string) => JSON.stringify({ feed: { title, description: `${title} feed`, copyright: `© ${title}` } });

/**
 * alpha: en updated in March; fr translated after that (translated), ar before (outdated), de missing.
 * beta: de says it was translated from fr, which was updated after it (outdated), though en is older.
 * gamma: en is a draft (missing); fr has no published source to fall behind (translated).
 */
function coverageSite(files: Record<string, string | undefined> = {}): string {
  return writeSite(
    siteFiles({
      'polyfeed.config.yaml': config,
      'articles/first/en.md': undefined,
      'locales/fr/feed.json': feedTexts('Exemple'),
      'locales/de/feed.json': feedTexts('Beispiel'),
      'articles/alpha/en.md': version('Alpha', 'date: 2025-01-01T00:00:00Z\nupdated: 2025-03-01T00:00:00Z'),
      'articles/alpha/fr.md': version('Alpha fr', 'date: 2025-03-05T00:00:00Z'),
      'articles/alpha/ar.md': version('Alpha ar', 'date: 2025-02-01T00:00:00Z'),
      'articles/beta/en.md': version('Beta', 'date: 2025-01-01T00:00:00Z'),
      'articles/beta/fr.md': version('Beta fr', 'date: 2025-01-02T00:00:00Z\nupdated: 2025-04-01T00:00:00Z'),
      'articles/beta/de.md': version('Beta de', 'date: 2025-02-01T00:00:00Z', 'translationOf: fr\n'),
      'articles/gamma/en.md': version('Gamma', 'date: 2025-01-01T00:00:00Z', 'draft: true\n'),
      'articles/gamma/fr.md': version('Gamma fr', 'date: 2025-01-02T00:00:00Z'),
      ...files,
    }),
  );
}

function coverage(root: string, ...args: string[]) {
  return runCli(['coverage', '--root', root, '--now', NOW, ...args]);
}

interface JsonCell {
  status: string;
  file: string | null;
  from: string | null;
  updated: string | null;
  sourceUpdated: string | null;
  sourceFile: string | null;
}

interface CoverageReport {
  ok: boolean;
  problems: { code: string; file: string | null; path: (string | number)[]; line: number | null; message: string }[];
  coverage?: {
    languages: string[];
    defaultLanguage: string;
    articles: { key: string; title: string; languages: Record<string, JsonCell> }[];
    labels: { lang: string; packaged: string[]; fallback: { key: string; from: string }[]; missing: string[] }[];
  };
}

function jsonCoverage(root: string, ...args: string[]): { status: number | null; report: CoverageReport } {
  const run = coverage(root, '--format', 'json', ...args);
  return { status: run.status, report: JSON.parse(run.stdout) as CoverageReport };
}

const EXPECTED_STATUS = {
  alpha: { en: 'translated', fr: 'translated', ar: 'outdated', de: 'missing' },
  beta: { en: 'translated', fr: 'translated', ar: 'missing', de: 'outdated' },
  gamma: { en: 'missing', fr: 'translated', ar: 'missing', de: 'missing' },
};

describe('polyfeed coverage', () => {
  test('JSON: every article × language with its status, source and dates; labels per language', () => {
    const { status, report } = jsonCoverage(coverageSite());
    expect(status).toBe(0);
    expect(report.ok).toBe(true);
    const table = report.coverage!;
    expect(table.languages).toEqual(['en', 'fr', 'ar', 'de']);
    const statuses = Object.fromEntries(table.articles.map((row) => [row.key, Object.fromEntries(Object.entries(row.languages).map(([lang, cell]) => [lang, cell.status]))]));
    expect(statuses).toEqual(EXPECTED_STATUS);
    const alpha = table.articles.find((row) => row.key === 'alpha')!;
    expect(alpha.title).toBe('Alpha');
    expect(alpha.languages.ar).toEqual({ status: 'outdated', file: 'articles/alpha/ar.md', from: 'en', updated: '2025-02-01T00:00:00.000Z', sourceUpdated: '2025-03-01T00:00:00.000Z', sourceFile: 'articles/alpha/en.md' });
    const beta = table.articles.find((row) => row.key === 'beta')!;
    expect(beta.languages.de).toMatchObject({ status: 'outdated', from: 'fr', sourceUpdated: '2025-04-01T00:00:00.000Z', sourceFile: 'articles/beta/fr.md' });
    expect(beta.languages.ar).toEqual({ status: 'missing', file: null, from: null, updated: null, sourceUpdated: null, sourceFile: null });
    // A draft is no version readers see: the French title stands for the article.
    expect(table.articles.find((row) => row.key === 'gamma')!.title).toBe('Gamma fr');
    const labelsOf = Object.fromEntries(table.labels.map((entry) => [entry.lang, entry]));
    // fr and de word only their feed texts: every item label is polyfeed's.
    expect(labelsOf.fr!.packaged).toContain('item.readMore');
    expect(labelsOf.fr!.packaged).not.toContain('feed.title');
    expect(labelsOf.de!.packaged).toContain('item.readingTime');
    expect(labelsOf.en).toEqual({ lang: 'en', packaged: [], fallback: [], missing: [] });
    expect(Object.values(labelsOf).every((entry) => entry.missing.length === 0)).toBe(true);
  });

  test('the terminal table has a row per article and a column per language, and counts per language', () => {
    const run = coverage(coverageSite());
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]!.split(/\s+/)).toEqual(['article', 'en', 'fr', 'ar', 'de']);
    const rows = Object.fromEntries(lines.slice(2, 5).map((line) => line.split(/\s+/)).map(([key, ...cells]) => [key, cells]));
    expect(rows).toEqual({
      alpha: ['translated', 'translated', 'OUTDATED', 'missing'],
      beta: ['translated', 'translated', 'missing', 'OUTDATED'],
      gamma: ['missing', 'translated', 'missing', 'missing'],
    });
    expect(run.stdout).toContain('ar: 0 translated, 1 outdated, 0 fallback, 2 missing (of 3)');
    expect(run.stdout).toMatch(/fr: \d+ from polyfeed's labels: .*item\.readMore/);
  });

  test('--languages shows the chosen languages only, in the config\'s order; one the config does not have is a usage problem', () => {
    const { report } = jsonCoverage(coverageSite(), '--languages', 'ar,fr');
    expect(report.coverage!.languages).toEqual(['fr', 'ar']);
    expect(Object.keys(report.coverage!.articles[0]!.languages)).toEqual(['fr', 'ar']);
    expect(report.coverage!.labels.map((entry) => entry.lang)).toEqual(['fr', 'ar']);
    expect(coverage(coverageSite(), '--languages', 'es').status).toBe(2);
  });

  test('a long article key is shortened in the middle, so a row stays on one line', () => {
    const key = '2025-05-a-very-long-article-key-that-goes-on-and-on-to-its-end';
    const run = coverage(coverageSite({ [`articles/${key}/en.md`]: version('Long', 'date: 2025-01-01T00:00:00Z') }));
    const row = run.stdout.split('\n').find((line) => line.startsWith('2025-05'))!;
    expect(row.split(/\s+/)[0]).toMatch(/^2025-05-a-very.*….*to-its-end$/);
    expect(row.split(/\s+/)[0]!.length).toBeLessThanOrEqual(32);
  });

  test('Markdown: a table whose rows are the articles and whose cells name each status', () => {
    const run = coverage(coverageSite(), '--format', 'markdown');
    expect(run.status).toBe(0);
    const tokens = new MarkdownIt().parse(run.stdout, {});
    // Rows of the first table, as the text of their cells.
    const rows: string[][] = [];
    let current: string[] | undefined;
    let tables = 0;
    for (const token of tokens) {
      if (token.type === 'table_open') tables++;
      if (tables !== 1) continue;
      if (token.type === 'tr_open') current = [];
      if (token.type === 'inline' && current) current.push(token.content);
      if (token.type === 'tr_close') rows.push(current!), (current = undefined);
    }
    expect(tables).toBe(2);
    expect(rows[0]).toEqual(['Article', 'en', 'fr', 'ar', 'de']);
    expect(rows.slice(1).map((cells) => cells[0])).toEqual(['Alpha (`alpha`)', 'Beta (`beta`)', 'Gamma fr (`gamma`)']);
    expect(rows[1]!.slice(1)).toEqual(['translated', 'translated', '**outdated** (en is newer)', 'missing']);
    expect(rows[2]![4]).toBe('**outdated** (fr is newer)');
  });

  test('--strict fails the run on an outdated translation, saying which (TRANSLATION_OUTDATED), and passes when none is', () => {
    const strict = coverage(coverageSite(), '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('articles/alpha/ar.md warning TRANSLATION_OUTDATED');
    expect(strict.stderr).toContain('its source articles/alpha/en.md was updated after it, at 2025-03-01T00:00:00Z');
    const { report } = jsonCoverage(coverageSite(), '--strict');
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => [problem.code, problem.file])).toEqual([
      ['TRANSLATION_OUTDATED', 'articles/alpha/ar.md'],
      ['TRANSLATION_OUTDATED', 'articles/beta/de.md'],
    ]);
    const upToDate = coverageSite({
      'articles/alpha/ar.md': version('Alpha ar', 'date: 2025-03-02T00:00:00Z'),
      'articles/beta/de.md': version('Beta de', 'date: 2025-04-02T00:00:00Z', 'translationOf: fr\n'),
    });
    expect(coverage(upToDate, '--strict').status).toBe(0);
    // Without --strict the warnings are said and the run passes.
    const plain = coverage(coverageSite());
    expect(plain.status).toBe(0);
    expect(plain.stderr).toContain('TRANSLATION_OUTDATED');
  });

  test('a source never updated leaves no translation behind, even one dated before it', () => {
    const root = coverageSite({ 'articles/beta/fr.md': version('Beta fr', 'date: 2025-01-02T00:00:00Z'), 'articles/beta/de.md': version('Beta de', 'date: 2024-12-31T00:00:00Z') });
    const beta = jsonCoverage(root).report.coverage!.articles.find((row) => row.key === 'beta')!;
    expect(beta.languages.de).toMatchObject({ status: 'translated', from: 'en', sourceFile: 'articles/beta/en.md' });
    expect(beta.languages.fr!.status).toBe('translated');
  });

  test('a label no one gives is listed as missing, the problem reported, and the exit code is check\'s', () => {
    const root = coverageSite({ 'locales/de/feed.json': JSON.stringify({ ...JSON.parse(feedTexts('Beispiel')), item: { extra: 'x' } }), 'locales/en/feed.json': labels({ item: { extra: 'Extra' } }) });
    const { status, report } = jsonCoverage(root);
    expect(status).toBe(1);
    expect(report.problems.map((problem) => problem.code)).toContain('LOCALE_MISSING_KEY');
    const labelsOf = Object.fromEntries(report.coverage!.labels.map((entry) => [entry.lang, entry]));
    expect(labelsOf.fr!.missing).toEqual(['item.extra']);
    expect(labelsOf.de!.missing).toEqual([]);
    expect(report.coverage!.articles).toHaveLength(3);
  });

  test('check --coverage prints the same table after checking, adds it to the JSON report, and fails with --strict on an outdated translation', () => {
    const root = coverageSite();
    const human = runCli(['check', '--root', root, '--now', NOW, '--coverage']);
    expect(human.status).toBe(0);
    expect(human.stdout.split('\n')[0]!.split(/\s+/)).toEqual(['article', 'en', 'fr', 'ar', 'de']);
    const json = JSON.parse(runCli(['check', '--root', root, '--now', NOW, '--coverage', '--format', 'json']).stdout) as CoverageReport;
    expect(json.coverage).toEqual(jsonCoverage(root).report.coverage);
    expect(runCli(['check', '--root', root, '--now', NOW, '--coverage', '--strict']).status).toBe(1);
    // Without --coverage, check neither prints nor fails on it.
    const plain = runCli(['check', '--root', root, '--now', NOW, '--strict', '--format', 'json']);
    expect(plain.status).toBe(0);
    expect((JSON.parse(plain.stdout) as CoverageReport).coverage).toBeUndefined();
  });

  test('translationOf must name another of the config\'s languages: reported at its line', () => {
    const root = coverageSite({
      'articles/alpha/fr.md': version('Alpha fr', 'date: 2025-03-05T00:00:00Z', 'translationOf: es\n'),
      'articles/beta/en.md': version('Beta', 'date: 2025-01-01T00:00:00Z', 'translationOf: en\n'),
    });
    const { status, report } = jsonCoverage(root);
    expect(status).toBe(1);
    const invalid = report.problems.filter((problem) => problem.code === 'INVALID_VALUE');
    expect(invalid.map((problem) => [problem.file, problem.path, problem.line])).toEqual([
      ['articles/alpha/fr.md', ['translationOf'], 4],
      ['articles/beta/en.md', ['translationOf'], 4],
    ]);
    // Its own language is said as such, not as a value missing from a list.
    expect(invalid[1]!.message).toBe('"translationOf" is "en", this version\'s own language: a version is not its own source.');
    expect(invalid[0]!.message).toMatch(/not one of the allowed values/);
    expect(runCli(['check', '--root', root, '--now', NOW]).status).toBe(1);
  });
});

describe('the sample site shows every kind of cell', () => {
  test('pt-BR falls back to English, articles are translated into only some languages, and one translation is outdated', () => {
    const root = writeSite(sampleSiteFiles());
    const run = runCli(['coverage', '--root', root, '--now', NOW, '--format', 'json']);
    expect(run.status).toBe(0);
    const { coverage } = JSON.parse(run.stdout) as { coverage: { articles: { key: string; languages: Record<string, { status: string; from: string | null }> }[] } };
    const statuses = (lang: string) => coverage.articles.map((article) => article.languages[lang]!.status);
    expect(new Set(statuses('pt-BR'))).toEqual(new Set(['translated', 'fallback']));
    expect(statuses('fr')).toContain('missing');
    const geminids = coverage.articles.find((article) => article.key === '2024-12-geminids-meteor-shower-explained')!;
    // The English version was updated on 14 December, after the Japanese translation was written.
    expect(geminids.languages.ja).toMatchObject({ status: 'outdated', from: 'en' });
    expect(runCli(['coverage', '--root', root, '--now', NOW, '--strict']).status).toBe(1);
  });
});

describe('labels that fall back', () => {
  test('a label a language without packaged labels lacks is listed as falling back to the language its labelFallbacks chain takes it from, in every format', () => {
    // ko: polyfeed ships no Korean labels; its file words every label but "item.readMore", which labelFallbacks takes from English.
    const korean = JSON.parse(labels()) as { item: Record<string, string> };
    delete korean.item.readMore;
    const root = writeSite(
      siteFiles({
        'polyfeed.config.yaml': config.replace('[en, fr, ar, de]', '[en, ko]') + 'labelFallbacks: { ko: [en] }\n',
        'locales/ko/feed.json': JSON.stringify(korean),
        'articles/first/ko.md': version('First ko', 'date: 2025-01-02T00:00:00Z'),
      }),
    );
    const json = JSON.parse(coverage(root, '--format', 'json').stdout) as CoverageReport;
    const ko = json.coverage!.labels.find((entry) => entry.lang === 'ko')!;
    expect(ko.fallback).toEqual([{ key: 'item.readMore', from: 'en' }]);
    expect(ko.missing).toEqual([]);
    expect(coverage(root).stdout).toContain('ko: 1 falling back: item.readMore→en');
    expect(coverage(root, '--format', 'markdown').stdout).toMatch(/\| ko \| .* \| `item\.readMore → en` \| .* \|/);
    // Without the chain the label is missing, and the build says so.
    const without = writeSite({ ...readTree(root), 'polyfeed.config.yaml': config.replace('[en, fr, ar, de]', '[en, ko]') });
    expect((JSON.parse(coverage(without, '--format', 'json').stdout) as CoverageReport).coverage!.labels.find((entry) => entry.lang === 'ko')!.missing).toEqual(['item.readMore']);
  });
});
