// The published-ids manifest (issue 13): its text read and written, and the published versions checked against it.
import { describe, expect, test } from 'vitest';
import { PUBLISHED_IDS_HEADER, PUBLISHED_IDS_HEADER_LINES, formatFirstPublished, type PublishedIdColumns } from '../../../src/model/published-ids.js';
import { ConfigSchema } from '../../../src/model/config-schema.js';
import { summarizeArticle, type ArticleSummary } from '../../../src/model/article-summary.js';
import { formatPublishedIds } from '../../../src/translate/format-published-ids.js';
import { parsePublishedIds } from '../../../src/translate/parse-published-ids.js';
import { resolveTranslations } from '../../../src/translate/resolve-translations.js';
import { validatePublishedIds } from '../../../src/translate/validate-published-ids.js';
import { validateArticle } from '../../../src/validate/validate-article.js';
import { tableOfSummaries } from '../../helpers/table-of-summaries.js';
import { publishedAt } from '../../../src/model/publication-window.js';

const FILE = 'published-ids.tsv';
/** The line number of the first row of a manifest written by polyfeed. */
const FIRST = PUBLISHED_IDS_HEADER_LINES + 1;

/** A published version: key, id and date, as idsOf gives them. */
type Version = [key: string, id: string, date?: string];

function columnsOf(rows: readonly [lang: string, key: string, date: string, id: string][]): PublishedIdColumns {
  return { langs: rows.map((row) => row[0]), keys: rows.map((row) => row[1]), dates: rows.map((row) => row[2]), ids: rows.map((row) => row[3]) };
}

/** What a site publishes, by language, each language's versions by key. */
function publishing(byLanguage: Record<string, Version[]>) {
  return {
    idsOf(lang: string) {
      const versions = [...(byLanguage[lang] ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      return { keys: versions.map((version) => version[0]), ids: versions.map((version) => version[1]), dateMs: versions.map((version) => Date.parse(version[2] ?? '2025-03-14T08:30:00Z')) };
    },
  };
}

const manifestText = (...lines: string[]) => PUBLISHED_IDS_HEADER + lines.map((line) => `${line}\n`).join('');
const url = (lang: string, key: string) => `https://example.org/${lang}/${key}/`;

function check(text: string | undefined, byLanguage: Record<string, Version[]>, accept = false, languages = ['en', 'ar']) {
  const manifest = text === undefined ? undefined : parsePublishedIds(text, FILE);
  return validatePublishedIds({ manifest, file: FILE, published: publishing(byLanguage), languages, accept });
}

const codesOf = (errors: readonly { code: string; line?: number | undefined; file?: string | undefined }[]) => errors.map((error) => [error.code, error.file, error.line]);

describe('formatFirstPublished', () => {
  test('UTC, without milliseconds unless there are some', () => {
    expect(formatFirstPublished(Date.parse('2025-03-14T09:30:00+01:00'))).toBe('2025-03-14T08:30:00Z');
    expect(formatFirstPublished(Date.parse('2025-03-14T09:30:00.250+01:00'))).toBe('2025-03-14T08:30:00.250Z');
  });
});

describe('parsePublishedIds and formatPublishedIds', () => {
  const rows = columnsOf([
    ['ar', 'flood', '2025-03-14T08:30:00Z', url('ar', 'flood')],
    ['en', 'flood', '2025-03-14T08:30:00Z', 'tag:example.org,2025:flood'],
    ['en', 'flood-update', '2025-03-16T07:00:00.500Z', url('en', 'flood-update')],
  ]);

  test('what is written reads back as it was, and is canonical', () => {
    const text = formatPublishedIds(rows);
    expect(text.startsWith('# published-ids.tsv')).toBe(true);
    expect(text.split('\n').slice(FIRST - 1, -1)).toEqual(['ar\tflood\t2025-03-14T08:30:00Z\thttps://example.org/ar/flood/', 'en\tflood\t2025-03-14T08:30:00Z\ttag:example.org,2025:flood', 'en\tflood-update\t2025-03-16T07:00:00.500Z\thttps://example.org/en/flood-update/']);
    const parsed = parsePublishedIds(text, FILE);
    expect(parsed).toEqual({ columns: rows, lines: [FIRST, FIRST + 1, FIRST + 2], errors: [], canonical: true });
  });

  test('comments, blank lines, another header, a missing last newline: read, but not canonical (the next build rewrites it)', () => {
    for (const text of [manifestText('# a note', 'en\tflood\t2025-03-14T08:30:00Z\tx:1'), manifestText('', 'en\tflood\t2025-03-14T08:30:00Z\tx:1'), 'en\tflood\t2025-03-14T08:30:00Z\tx:1\n', manifestText('en\tflood\t2025-03-14T08:30:00Z\tx:1').slice(0, -1)]) {
      const parsed = parsePublishedIds(text, FILE);
      expect(parsed.errors).toEqual([]);
      expect(parsed.columns.ids).toEqual(['x:1']);
      expect(parsed.canonical).toBe(false);
    }
  });

  test('lines out of order are sorted by language, then key (code-unit order)', () => {
    const parsed = parsePublishedIds(manifestText('en\tb\t2025-03-14T08:30:00Z\tx:b', 'ar\tz\t2025-03-14T08:30:00Z\tx:z', 'en\ta-b\t2025-03-14T08:30:00Z\tx:ab', 'en\ta\t2025-03-14T08:30:00Z\tx:a'), FILE);
    expect(parsed.columns.keys).toEqual(['z', 'a', 'a-b', 'b']);
    expect(parsed.lines).toEqual([FIRST + 1, FIRST + 3, FIRST + 2, FIRST]);
    expect(parsed.canonical).toBe(false);
  });

  test('every line that does not read is a problem at its line; the others are read', () => {
    const parsed = parsePublishedIds(
      manifestText(
        'en\tgood\t2025-03-14T08:30:00Z\tx:good',
        'en\tthree fields\t2025-03-14T08:30:00Z',
        'en\t\t2025-03-14T08:30:00Z\tx:empty',
        'en\tbad-date\t14/03/2025\tx:date',
        'en\tfive\t2025-03-14T08:30:00Z\tx:5\textra',
        'en\tgood\t2025-03-15T08:30:00Z\tx:again',
      ),
      FILE,
    );
    expect(parsed.errors.map((error) => [error.code, error.file, error.line, error.message])).toEqual([
      ['PUBLISHED_IDS_INVALID', FILE, FIRST + 1, expect.stringContaining('3 tab-separated fields')],
      ['PUBLISHED_IDS_INVALID', FILE, FIRST + 2, "The line's article key is empty."],
      ['PUBLISHED_IDS_INVALID', FILE, FIRST + 3, expect.stringContaining('"14/03/2025" is not a first publication date')],
      ['PUBLISHED_IDS_INVALID', FILE, FIRST + 4, expect.stringContaining('5 tab-separated fields')],
      ['PUBLISHED_IDS_INVALID', FILE, FIRST + 5, `The language "en" and article key "good" are listed already, on line ${FIRST}.`],
    ]);
    expect(parsed.columns.ids).toEqual(['x:good']);
  });

  test('a field with a tab or a line break is never written (it would split the line): a bug, thrown', () => {
    expect(() => formatPublishedIds(columnsOf([['en', 'a', '2025-03-14T08:30:00Z', 'x:1\ny']]))).toThrow();
  });
});

describe('validatePublishedIds', () => {
  const flood = manifestText('ar\tflood\t2025-03-14T08:30:00Z\thttps://example.org/ar/flood/', 'en\tflood\t2025-03-14T08:30:00Z\thttps://example.org/en/flood/');

  test('no manifest: every published version is listed with its date, nothing is checked', () => {
    const { value, errors } = check(undefined, { en: [['b', url('en', 'b'), '2025-03-15T09:30:00+01:00'], ['a', url('en', 'a')]], ar: [['a', url('ar', 'a')]] });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ changed: true, created: true, added: 3 });
    expect(value.next).toEqual(columnsOf([['ar', 'a', '2025-03-14T08:30:00Z', url('ar', 'a')], ['en', 'a', '2025-03-14T08:30:00Z', url('en', 'a')], ['en', 'b', '2025-03-15T08:30:00Z', url('en', 'b')]]));
  });

  test('the same ids: nothing changes, the manifest is left alone', () => {
    const { value, errors } = check(flood, { en: [['flood', url('en', 'flood')]], ar: [['flood', url('ar', 'flood')]] });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ changed: false, added: 0, moved: 0 });
    expect(formatPublishedIds(value.next)).toBe(flood);
  });

  test('the first publication date is kept when the article\'s date changes', () => {
    const { value } = check(flood, { en: [['flood', url('en', 'flood'), '2026-01-01T00:00:00Z']], ar: [['flood', url('ar', 'flood')]] });
    expect(value.changed).toBe(false);
    expect(value.next.dates).toEqual(['2025-03-14T08:30:00Z', '2025-03-14T08:30:00Z']);
  });

  test('a new version is added with its date', () => {
    const { value, errors } = check(flood, { en: [['flood', url('en', 'flood')], ['drought', url('en', 'drought'), '2025-04-01T00:00:00Z']], ar: [['flood', url('ar', 'flood')]] });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ changed: true, added: 1 });
    expect(value.next.keys).toEqual(['flood', 'drought', 'flood']);
    expect(value.next.dates[1]).toBe('2025-04-01T00:00:00Z');
  });

  test('a changed id: ID_CHANGED at the article\'s id, naming the old and the new id', () => {
    const { errors } = check(flood, { en: [['flood', 'tag:example.org,2025:flood']], ar: [['flood', url('ar', 'flood')]] });
    expect(errors.map((error) => [error.code, error.file, error.path])).toEqual([['ID_CHANGED', 'articles/flood/en.md', ['id']]]);
    expect(errors[0]!.message).toContain('"https://example.org/en/flood/"');
    expect(errors[0]!.message).toContain('"tag:example.org,2025:flood"');
    expect(errors[0]!.hint).toContain('id: https://example.org/en/flood/');
    expect(errors[0]!.hint).toContain('--accept-id-changes');
  });

  test('a dropped id (deleted, renamed, a draft): ID_DROPPED at the manifest\'s line', () => {
    const { errors } = check(flood, { en: [['flood', url('en', 'flood')]], ar: [['flood-renamed', url('ar', 'flood-renamed')]] });
    expect(codesOf(errors)).toEqual([['ID_DROPPED', FILE, FIRST]]);
    expect(errors[0]!.message).toContain('articles/flood/ar.md');
    // One id dropped, one version new in the language: most likely a renamed folder, named in the hint.
    expect(errors[0]!.hint).toContain('If articles/flood-renamed/ar.md (new in this build) is this article in a renamed folder, add "id: https://example.org/ar/flood/"');
    const deleted = check(flood, { en: [['flood', url('en', 'flood')]] }).errors;
    expect(deleted[0]!.hint).toContain('If the folder was renamed, add "id: https://example.org/ar/flood/" to the front matter of ar.md in the renamed folder.');
  });

  test('a renamed folder with the old id pinned: the line moves to the new key, with its first publication date', () => {
    const { value, errors } = check(flood, { en: [['flood', url('en', 'flood')]], ar: [['flood-renamed', url('ar', 'flood'), '2025-05-01T00:00:00Z']] });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ changed: true, moved: 1, added: 0 });
    expect(value.next).toEqual(columnsOf([['ar', 'flood-renamed', '2025-03-14T08:30:00Z', url('ar', 'flood')], ['en', 'flood', '2025-03-14T08:30:00Z', url('en', 'flood')]]));
  });

  test('two articles that swap ids: no id is dropped, each line follows its id', () => {
    const text = manifestText('en\ta\t2025-01-01T00:00:00Z\tx:a', 'en\tb\t2025-02-01T00:00:00Z\tx:b');
    const { value, errors } = check(text, { en: [['a', 'x:b'], ['b', 'x:a']] });
    expect(errors).toEqual([]);
    expect(value.next).toEqual(columnsOf([['en', 'a', '2025-02-01T00:00:00Z', 'x:b'], ['en', 'b', '2025-01-01T00:00:00Z', 'x:a']]));
  });

  test('with --accept-id-changes: changed and dropped ids are accepted and counted, the manifest lists what is published', () => {
    const { value, errors } = check(flood, { en: [['flood', 'tag:example.org,2025:flood', '2025-06-01T00:00:00Z']] }, true);
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ changed: true, added: 0, acceptedChanges: 1, acceptedDrops: 1 });
    expect(value.next).toEqual(columnsOf([['en', 'flood', '2025-06-01T00:00:00Z', 'tag:example.org,2025:flood']]));
  });

  test('a language the config no longer has: one ID_DROPPED for its lines, unless accepted', () => {
    const { errors } = check(flood, { en: [['flood', url('en', 'flood')]] }, false, ['en']);
    expect(codesOf(errors)).toEqual([['ID_DROPPED', FILE, FIRST]]);
    expect(errors[0]!.message).toContain('"ar"');
    expect(check(flood, { en: [['flood', url('en', 'flood')]] }, true, ['en']).value).toMatchObject({ changed: true, acceptedDrops: 1 });
  });

  test('an id listed twice in a language is a problem of the manifest, not a dropped id', () => {
    const text = manifestText('en\ta\t2025-01-01T00:00:00Z\tx:a', 'en\tb\t2025-02-01T00:00:00Z\tx:a');
    const { errors } = check(text, { en: [['a', 'x:a'], ['b', 'x:b']] });
    expect(errors.map((error) => [error.code, error.line, error.message])).toEqual([['PUBLISHED_IDS_INVALID', FIRST + 1, `The item id "x:a" is listed twice in the language "en": on line ${FIRST} too.`]]);
  });

  test('past 20 problems of a kind, the rest are counted in one (a moved baseUrl changes every id)', () => {
    const keys = Array.from({ length: 25 }, (_, index) => `k${String(index).padStart(2, '0')}`);
    const text = manifestText(...keys.map((key) => `en\t${key}\t2025-01-01T00:00:00Z\t${url('en', key)}`));
    const { errors } = check(text, { en: keys.map((key) => [key, `https://example.com/en/${key}/`] as Version) });
    expect(errors.filter((error) => error.file !== FILE)).toHaveLength(20);
    expect(errors.at(-1)!.message).toBe('5 more published item ids would change (25 in all; the first 20 are listed).');
  });
});

describe('PublishedEntries.idsOf', () => {
  const config = ConfigSchema.parse({ baseUrl: 'https://example.org/', languages: ['en', 'ar'], defaultLanguage: 'en', authors: ['Desk'], maxItems: 1 });

  function article(key: string, lang: string, extra = ''): ArticleSummary {
    const result = validateArticle({ file: `articles/${key}/${lang}.md`, key, lang, text: `---\ntitle: ${key}\ndate: 2025-03-14T09:30:00+01:00\n${extra}---\nBody\n` });
    expect(result.errors).toEqual([]);
    return summarizeArticle(result.value!);
  }

  test('every published version of a language, by key in code-unit order ("a" before "a-b", unlike path order), drafts left out, maxItems ignored', () => {
    const table = tableOfSummaries([article('a-b', 'en'), article('a', 'en', 'id: tag:example.org,2025:a\n'), article('b', 'en', 'draft: true\n'), article('c', 'en'), article('a', 'ar')]);
    const published = resolveTranslations(table, config, publishedAt(Date.UTC(2100, 0, 1))).value;
    expect(published.idsOf('en')).toEqual({ keys: ['a', 'a-b', 'c'], ids: ['tag:example.org,2025:a', url('en', 'a-b'), url('en', 'c')], dateMs: [0, 0, 0].map(() => Date.parse('2025-03-14T08:30:00Z')) });
    expect(published.idsOf('ar').keys).toEqual(['a']);
    expect(published.idsOf('fr').keys).toEqual([]);
  });
});
