// report/: a site's diff as text for a person, as Markdown for a pull-request comment, and as the stable JSON report. Issue #13.
import { describe, expect, test } from 'vitest';
import type { FieldChange, FileDiff, SiteDiff } from '../../../src/diff/feed-diff.js';
import { formatDiffText } from '../../../src/report/format-diff-text.js';
import { escapeMarkdown, formatDiffMarkdown, formatNoDiffMarkdown, MAX_ROWS } from '../../../src/report/format-diff-markdown.js';
import { formatDiffJson } from '../../../src/report/format-diff-json.js';
import { countDiff } from '../../../src/report/summarize-diff.js';
import { testProblem } from '../../helpers/test-problem.js';

const item = { id: 'https://example.org/en/first/', title: 'First | *bold* [x](y) <b>', link: 'https://example.org/en/first/' };

const dateMoved = { field: 'updated', old: '2025-03-14T08:30:00.000Z', new: '2025-03-15T08:30:00.000Z' };

/** The same change in each format of en: one item retitled, one added; the feed date moved (JSON Feed has none: pass no feed changes). */
function changedFile(path: string, format: FileDiff['format'], feed: FieldChange[] = [dateMoved]): FileDiff {
  return {
    path,
    language: 'en',
    format,
    status: 'changed',
    changes: {
      feed,
      added: [{ id: 'https://example.org/en/second/', title: 'Second', link: 'https://example.org/en/second/' }],
      removed: [],
      changed: [{ ...item, fields: ['title', 'summary'], oldTitle: 'First' }],
    },
  };
}

const diff: SiteDiff = {
  files: [
    changedFile('en/rss.xml', 'rss'),
    changedFile('en/atom.xml', 'atom'),
    { path: 'fr/rss.xml', language: 'fr', format: 'rss', status: 'added', itemCount: 3 },
  ],
  unchanged: ['ar/rss.xml', 'ar/atom.xml'],
};

describe('counts', () => {
  test('items once per language, whatever the number of formats', () => {
    expect(countDiff(diff)).toEqual({ files: { added: 1, removed: 0, changed: 2, unchanged: 2 }, items: { added: 1, removed: 0, changed: 1 } });
  });
});

describe('human text', () => {
  test('formats changed alike told once; items, fields, feed values; the summary last', () => {
    const lines = formatDiffText(diff, '/site/public', null).trimEnd().split('\n');
    expect(lines).toEqual([
      'en/rss.xml, en/atom.xml: changed',
      '    added    Second  <https://example.org/en/second/>',
      '    changed  First | *bold* [x](y) <b> (was: First): title, summary',
      '    feed     updated: 2025-03-14T08:30:00.000Z → 2025-03-15T08:30:00.000Z',
      'fr/rss.xml: added (3 items)',
      'Compared the feeds a build would write with /site/public: 3 of 5 feeds differ (1 added, 0 removed, 2 changed); items: 1 added, 0 removed, 1 changed.',
    ]);
  });

  test('JSON Feed has no feed date: its items still grouped with the other formats, the date change told with its files', () => {
    const withoutDate = changedFile('en/feed.json', 'json', []);
    const text = formatDiffText({ files: [changedFile('en/rss.xml', 'rss'), changedFile('en/atom.xml', 'atom'), withoutDate], unchanged: [] }, 'o', null);
    expect(text).toContain('en/rss.xml, en/atom.xml, en/feed.json: changed\n');
    expect(text).toContain('    feed     updated: 2025-03-14T08:30:00.000Z → 2025-03-15T08:30:00.000Z  (en/rss.xml, en/atom.xml)\n');
    const markdown = formatDiffMarkdown({ files: [changedFile('en/rss.xml', 'rss'), withoutDate], unchanged: [] });
    expect(markdown).toContain('#### en: rss.xml, feed.json\n');
    expect(markdown).toContain('Feed fields changed: updated (rss.xml).\n');
  });

  test('identical: one line says so', () => {
    expect(formatDiffText({ files: [], unchanged: ['en/rss.xml'] }, 'old', 'new')).toBe('Identical: compared new with old; 1 feed, none differs.\n');
  });

  test('a title with terminal controls is shown escaped', () => {
    const text = formatDiffText({ files: [changedFile('en/rss.xml', 'rss')].map((file) => ({ ...file, changes: { feed: [], added: [{ id: 'x', title: 'a\u001b[2Jb', link: undefined }], removed: [], changed: [] } })) as FileDiff[], unchanged: [] }, 'o', null);
    expect(text).toContain('a\\x1b[2Jb');
    expect(text).not.toContain('\u001b');
  });
});

describe('Markdown', () => {
  test('a heading, the summary, a table per group with escaped titles and links', () => {
    const markdown = formatDiffMarkdown(diff);
    const lines = markdown.trimEnd().split('\n');
    expect(lines[0]).toBe('### Feed changes');
    expect(lines).toContain('**3 of 5 feeds differ** (1 added, 0 removed, 2 changed); items: 1 added, 0 removed, 1 changed.');
    expect(lines).toContain('#### en: rss.xml, atom.xml');
    expect(lines).toContain('#### fr: rss.xml added (3 items)');
    const table = lines.filter((line) => line.startsWith('|'));
    expect(table[0]).toBe('| change | item | fields |');
    expect(table[1]).toBe('| --- | --- | --- |');
    expect(table).toContain('| added | [Second](https://example.org/en/second/) | |');
    expect(table).toContain('| changed | [First \\| \\*bold\\* \\[x\\](y) \\<b\\>](https://example.org/en/first/) (was: First) | title, summary |');
    // Every row has the header's three cells: no title broke out of its cell.
    for (const row of table) expect(row.replace(/\\\|/g, '').split('|').length).toBe(5);
    expect(lines).toContain('Feed fields changed: updated.');
  });

  test('escaping: what could be markup, HTML, an entity or a cell border; line breaks become spaces', () => {
    expect(escapeMarkdown('A & B <script> `x` _y_ ~z~ # 1 ![i]\n|')).toBe('A \\& B \\<script\\> \\`x\\` \\_y\\_ \\~z\\~ \\# 1 \\!\\[i\\] \\|');
  });

  test(`at most ${MAX_ROWS} rows per table, then how many more`, () => {
    const many = Array.from({ length: MAX_ROWS + 7 }, (_, index) => ({ id: `id-${index}`, title: `Story ${index}`, link: undefined }));
    const markdown = formatDiffMarkdown({ files: [{ path: 'en/rss.xml', language: 'en', format: 'rss', status: 'changed', changes: { feed: [], added: many, removed: [], changed: [] } }], unchanged: [] });
    const rows = markdown.split('\n').filter((line) => line.startsWith('| added'));
    expect(rows).toHaveLength(MAX_ROWS);
    expect(markdown).toContain('| … | 7 more items | |');
  });

  test('identical, and no diff made', () => {
    expect(formatDiffMarkdown({ files: [], unchanged: ['en/rss.xml', 'en/atom.xml'] })).toBe('### Feed changes\n\nNo feed changes: the 2 feeds are identical.\n');
    expect(formatNoDiffMarkdown([testProblem('INVALID_DATE')])).toContain('No diff was made: the sources have 1 error.');
  });
});

describe('JSON', () => {
  test('version 1: ok, identical, folders, counts, files with items and fields, unchanged, problems', () => {
    const report = JSON.parse(formatDiffJson({ diff, problems: [], oldDir: '/site/public', newDir: null }));
    expect(report).toMatchObject({ version: 1, ok: true, identical: false, old: '/site/public', new: null, unchanged: ['ar/rss.xml', 'ar/atom.xml'], problems: [] });
    expect(report.summary).toEqual(countDiff(diff));
    expect(report.files.map((file: { path: string; status: string }) => [file.path, file.status])).toEqual([
      ['en/rss.xml', 'changed'],
      ['en/atom.xml', 'changed'],
      ['fr/rss.xml', 'added'],
    ]);
    expect(report.files[0].items.changed).toEqual([{ ...item, fields: ['title', 'summary'], oldTitle: 'First' }]);
    expect(report.files[0].feed).toEqual([{ field: 'updated', old: '2025-03-14T08:30:00.000Z', new: '2025-03-15T08:30:00.000Z' }]);
    expect(report.files[2]).toEqual({ path: 'fr/rss.xml', language: 'fr', format: 'rss', status: 'added', itemCount: 3 });
  });

  test('no diff made: ok false, identical and summary null, the problems listed', () => {
    const report = JSON.parse(formatDiffJson({ diff: undefined, problems: [testProblem('INVALID_DATE')], oldDir: '/site/public', newDir: null }));
    expect(report).toMatchObject({ version: 1, ok: false, identical: null, summary: null, files: [], unchanged: [] });
    expect(report.problems.map((problem: { code: string }) => problem.code)).toEqual(['INVALID_DATE']);
  });
});
