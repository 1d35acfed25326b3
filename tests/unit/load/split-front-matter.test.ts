import { describe, expect, test } from 'vitest';
import { normalizeNewlines, splitFrontMatter } from '../../../src/load/split-front-matter.js';
import { dedent } from '../../helpers/dedent.js';

const FILE = 'articles/first/en.md';
const split = (text: string) => splitFrontMatter(text, FILE);

describe('normalizeNewlines', () => {
  test('drops a leading byte order mark and turns CRLF and lone CR into LF', () => {
    expect(normalizeNewlines('\uFEFF---\r\ntitle: x\r\n---\r\nbody\rmore\r\n')).toBe('---\ntitle: x\n---\nbody\nmore\n');
  });

  test('leaves LF text and a byte order mark that is not at the start unchanged', () => {
    const text = '---\ntitle: a\uFEFFb\n---\nbody\n';
    expect(normalizeNewlines(text)).toBe(text);
  });
});

describe('splitFrontMatter', () => {
  test('splits YAML from body and reports the line each starts on', () => {
    const result = split(dedent`
      ---
      title: First
      date: 2025-03-14T09:30:00+01:00
      ---
      Hello **world**.
      Second line.
    `);
    expect(result.errors).toEqual([]);
    expect(result.value).toEqual({
      yamlText: 'title: First\ndate: 2025-03-14T09:30:00+01:00\n',
      yamlStartLine: 2,
      body: 'Hello **world**.\nSecond line.\n',
      bodyStartLine: 5,
    });
  });

  test('a Windows file (BOM + CRLF) splits the same as its LF version once normalized', () => {
    const windows = '\uFEFF---\r\ntitle: First\r\n---\r\n\r\nBody\r\n';
    const result = split(normalizeNewlines(windows));
    expect(result.errors).toEqual([]);
    expect(result.value).toEqual({ yamlText: 'title: First\n', yamlStartLine: 2, body: '\nBody\n', bodyStartLine: 4 });
    expect(result.value!.yamlText).not.toContain('\r');
  });

  test('accepts "..." as the closing fence (YAML document end marker)', () => {
    const result = split('---\ntitle: Dots\n...\nBody\n');
    expect(result.errors).toEqual([]);
    expect(result.value).toMatchObject({ yamlText: 'title: Dots\n', body: 'Body\n', bodyStartLine: 4 });
  });

  test('accepts fences followed by trailing spaces or tabs', () => {
    const result = split('--- \ntitle: x\n---\t\nBody\n');
    expect(result.value).toMatchObject({ yamlText: 'title: x\n', body: 'Body\n' });
  });

  test('the first closing fence ends the front matter; a later "---" belongs to the body', () => {
    const result = split('---\ntitle: x\n---\nAbove\n---\nBelow\n');
    expect(result.value).toMatchObject({ yamlText: 'title: x\n', body: 'Above\n---\nBelow\n', bodyStartLine: 4 });
  });

  test('an empty front-matter block gives empty YAML text', () => {
    const result = split('---\n---\nBody\n');
    expect(result.value).toMatchObject({ yamlText: '', yamlStartLine: 2, body: 'Body\n', bodyStartLine: 3 });
  });

  test('a closing fence on the last line without a newline gives an empty body', () => {
    const result = split('---\ntitle: x\n---');
    expect(result.errors).toEqual([]);
    expect(result.value).toMatchObject({ yamlText: 'title: x\n', body: '', bodyStartLine: 4 });
  });

  test('bodyStartLine counts every front-matter line, including blank ones', () => {
    const result = split('---\n\ntitle: x\n\n# comment\n---\nBody\n');
    expect(result.value!.bodyStartLine).toBe(7);
    // The body's first line really is file line bodyStartLine.
    const fileLines = '---\n\ntitle: x\n\n# comment\n---\nBody\n'.split('\n');
    expect(fileLines[result.value!.bodyStartLine - 1]).toBe('Body');
  });

  test('an unclosed block is FRONT_MATTER_UNCLOSED at line 1', () => {
    const result = split('---\ntitle: x\nBody without fence\n');
    expect(result.value).toBeUndefined();
    expect(result.errors).toMatchObject([{ code: 'FRONT_MATTER_UNCLOSED', severity: 'error', file: FILE, line: 1, column: 1, path: [] }]);
  });

  test('a file that is only an opening fence is unclosed', () => {
    expect(split('---').errors).toMatchObject([{ code: 'FRONT_MATTER_UNCLOSED', line: 1 }]);
    expect(split('---\n').errors).toMatchObject([{ code: 'FRONT_MATTER_UNCLOSED', line: 1 }]);
  });

  test('"..." does not open a block', () => {
    expect(split('...\ntitle: x\n---\nBody\n').errors).toMatchObject([{ code: 'FRONT_MATTER_MISSING', file: FILE, line: 1, column: 1 }]);
  });

  test.each([
    ['plain Markdown', '# Title\n\nBody\n'],
    ['an empty file', ''],
    ['four dashes', '----\ntitle: x\n----\nBody\n'],
    ['a blank line before the fence', '\n---\ntitle: x\n---\nBody\n'],
    ['an unnormalized byte order mark', '\uFEFF---\ntitle: x\n---\nBody\n'],
  ])('%s is FRONT_MATTER_MISSING at line 1', (_name, text) => {
    const result = split(text);
    expect(result.value).toBeUndefined();
    expect(result.errors).toMatchObject([{ code: 'FRONT_MATTER_MISSING', file: FILE, line: 1, column: 1 }]);
  });
});
