// Issue 11, item 3: .polyfeed-cache/ is restored from CI caches that other branches can write, and
// can be stale or damaged. Whatever is in it, a build publishes what a --no-cache build publishes,
// exits 0 and says that the cache was not used (a warning); it never crashes, and never fails after publishing.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { generateArticles } from '../helpers/generate-articles.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { sealIndexLines } from '../helpers/seal-index-lines.js';
import { readTree, siteFiles, writeSite } from '../helpers/site-fixture.js';

const CACHE = '.polyfeed-cache';
/** The lines of index.jsonl after its head, in order (see src/cache/index-store.ts). */
const COLUMNS = ['path', 'size', 'mtimeMs', 'ino', 'digest', 'title', 'dateMs', 'updatedMs', 'id', 'draft'] as const;

function site(): string {
  return writeSite(siteFiles({ 'articles/first/en.md': undefined, ...generateArticles(12, 'v1') }));
}

/** The site built once (its cache written), then one article edited: the next build renders the feeds again, taking the other items from the cache. */
function builtAndEdited(): string {
  const root = site();
  const first = runCli(['build', '--root', root]);
  expect(first.status, first.stderr).toBe(0);
  const path = join(root, 'articles/story-3/en.md');
  writeFileSync(path, readFileSync(path, 'utf8').replace('Story 3 v1', 'Story 3 v2'));
  return root;
}

/** Cold outputs by the sources they were built from: most tests here build the same sources (a site, one article edited). */
const coldOutputs = new Map<string, Record<string, Buffer>>();

/** What a build of the same sources without any cache publishes (the site's files but its cache and output decide it). */
function coldOutput(root: string): Record<string, Buffer> {
  const sources = readTree(root);
  const key = createHash('sha256')
    .update(JSON.stringify(Object.keys(sources).filter((path) => !path.startsWith(`${CACHE}/`) && !path.startsWith('public/') && path !== 'published-ids.tsv').sort().map((path) => [path, sources[path]!.toString('base64')])))
    .digest('hex');
  const known = coldOutputs.get(key);
  if (known) return known;
  const out = mkdtempSync(join(tmpdir(), 'polyfeed-cold-'));
  const cold = runCli(['build', '--root', root, '--no-cache', '--out', out]);
  expect(cold.status, cold.stderr).toBe(0);
  const output = readTree(out);
  coldOutputs.set(key, output);
  return output;
}

function problemCodes(run: CliRun): string[] {
  const report = JSON.parse(run.stdout) as { problems: { code: string; severity: string }[] };
  return report.problems.map((problem) => `${problem.severity} ${problem.code}`);
}

// ---- damage to the item texts --------------------------------------------------------------

type Items = Record<string, unknown>;

function editItems(root: string, lang: string, edit: (items: Items) => unknown): void {
  const path = join(root, CACHE, 'items', `${lang}.json`);
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, 'utf8')) as Items)));
}

/** Applies `edit` to every text of every item (in whatever shape the store keeps them). */
function editTexts(items: Items, edit: (text: string, format: string) => unknown): Items {
  const visit = (value: unknown, format: string): unknown => {
    if (typeof value === 'string') return format === '' ? value : edit(value, format);
    if (Array.isArray(value)) return value.map((element) => visit(element, format));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, visit(inner, ['rss', 'atom', 'json'].includes(key) ? key : format)]));
    return value;
  };
  return visit(items, '') as Items;
}

const itemDamage: Record<string, (root: string) => void> = {
  'a <script> inserted in every item text': (root) =>
    editItems(root, 'en', (items) =>
      editTexts(items, (text, format) => (format === 'json' ? text.replace('"title":"', '"title":"<script>alert(1)</script>') : text.replace('<title>', '<title><script>alert(1)</script>'))),
    ),
  'an unbalanced tag in every RSS item text': (root) => editItems(root, 'en', (items) => editTexts(items, (text, format) => (format === 'rss' ? text.replace('</title>', '') : text))),
  'null instead of every text': (root) => editItems(root, 'en', (items) => editTexts(items, () => null)),
  'null instead of every item': (root) => editItems(root, 'en', (items) => JSON.parse(JSON.stringify(items).replace(/"[A-Za-z0-9+/]{22}":\{/g, (match) => match.slice(0, -1) + 'null,"x":{'))),
  'the whole file null': (root) => editItems(root, 'en', () => null),
  'the texts of two items swapped': (root) =>
    editItems(root, 'en', (items) => {
      const store = JSON.stringify(items);
      const keys = [...store.matchAll(/"([A-Za-z0-9+/]{22})":/g)].map((match) => match[1]!);
      const [a, b] = [keys[0]!, keys[1]!];
      return JSON.parse(store.replaceAll(`"${a}":`, '"@@":').replaceAll(`"${b}":`, `"${a}":`).replaceAll('"@@":', `"${b}":`));
    }),
  'the file cut off halfway': (root) => {
    const path = join(root, CACHE, 'items/en.json');
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
  },
};

// ---- damage to the build index -------------------------------------------------------------

function indexLines(root: string): string[] {
  return readFileSync(join(root, CACHE, 'index.jsonl'), 'utf8').split('\n');
}

/** Edits one line of the index (0 the head, then the columns); `reseal` recomputes the seal, as someone who means it would. */
function editIndexLine(root: string, line: number | (typeof COLUMNS)[number], edit: (value: unknown) => unknown, reseal = false): void {
  const lines = indexLines(root);
  const at = typeof line === 'number' ? line : 1 + COLUMNS.indexOf(line);
  lines[at] = JSON.stringify(edit(JSON.parse(lines[at]!)));
  const body = lines.slice(0, 1 + COLUMNS.length);
  writeFileSync(join(root, CACHE, 'index.jsonl'), reseal ? sealIndexLines(body) : lines.join('\n'));
}

const mapRows = (map: (value: unknown, row: number) => unknown) => (value: unknown) => (value as unknown[]).map(map);
const editHead = (edit: (head: Record<string, unknown>) => void) => (value: unknown) => {
  const head = value as Record<string, unknown>;
  edit(head);
  return head;
};

/** Edits a user could not tell from real ones: they are caught by the seal alone. */
const summaryEdits: Record<string, [line: number | (typeof COLUMNS)[number], edit: (value: unknown) => unknown]> = {
  'every article marked a draft': ['draft', mapRows(() => 1)],
  'every title replaced': ['title', mapRows((title) => (title === null ? null : 'Forged'))],
  'one id given to every article': ['id', mapRows(() => 'urn:forged')],
  'dates moved a year on': ['dateMs', mapRows((ms) => (ms as number) + 365 * 86_400_000)],
  'an article left out of the listing': ['path', (value) => (value as string[]).filter((path) => path !== 'articles/story-5/en.md')],
  'a warning added to the last build': [0, editHead((head) => void (head.warnings as unknown[]).push({ code: 'IMAGE_NOT_FOUND', severity: 'warning', message: 'forged', path: [] }))],
};

/** Values of the wrong type or shape: caught even when the seal was recomputed. */
const shapeEdits: Record<string, [line: number | (typeof COLUMNS)[number], edit: (value: unknown) => unknown]> = {
  'sizes as strings': ['size', mapRows((size) => String(size))],
  'dates as strings': ['dateMs', mapRows(() => 'yesterday')],
  'paths as numbers': ['path', mapRows((_, row) => row)],
  'draft as a word': ['draft', mapRows(() => 'yes')],
  'titles as objects': ['title', mapRows(() => ({ text: 'x' }))],
  'ids as numbers': ['id', mapRows(() => 7)],
  'digests as null': ['digest', mapRows(() => null)],
  'a column shorter than the others': ['mtimeMs', (value) => (value as unknown[]).slice(1)],
  'a column that is an object': ['ino', () => ({})],
  'paths out of order': ['path', (value) => [...(value as string[])].reverse()],
  'a path that climbs out of the site': ['path', mapRows((path, row) => (row === 0 ? 'articles/../../etc/passwd.md' : path))],
  'outputs as a number': [0, editHead((head) => void (head.outputs = 5))],
  'an output stamp of strings': [0, editHead((head) => void Object.values(head.outputs as Record<string, { stamp: unknown }>).forEach((output) => (output.stamp = ['a', 'b', 'c'])))],
  'warnings as a string': [0, editHead((head) => void (head.warnings = 'none'))],
  'a warning of the wrong shape': [0, editHead((head) => void (head.warnings = [{ code: 5, severity: 'error' }]))],
  'an error stored as an article problem': [0, editHead((head) => void (head.articleProblems = { 0: [{ code: 'DUPLICATE_ID', severity: 'error', message: 'forged', path: [] }] }))],
  'article problems on a row that does not exist': [0, editHead((head) => void (head.articleProblems = { 99999: [] }))],
  'folder times as strings': [0, editHead((head) => void (head.folderTimes = Object.fromEntries(Object.keys(head.folderTimes as object).map((folder) => [folder, 'x']))))],
  'a folder that climbs out of the site': [0, editHead((head) => void ((head.folderTimes as Record<string, unknown>)['articles/..'] = [0, 0]))],
  'setting files as null': [0, editHead((head) => void (head.settingFiles = null))],
  'the out option as a number': [0, editHead((head) => void (head.outOption = 1))],
};

const indexDamage: Record<string, (root: string) => void> = {
  ...Object.fromEntries(Object.entries({ ...summaryEdits, ...shapeEdits }).map(([name, [line, edit]]) => [name, (root: string) => editIndexLine(root, line, edit)])),
  'the file cut off halfway': (root) => {
    const path = join(root, CACHE, 'index.jsonl');
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
  },
  'garbage bytes': (root) => writeFileSync(join(root, CACHE, 'index.jsonl'), Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x0a, 0x5b, 0x5d, 0x0a])),
  'a line missing': (root) => writeFileSync(join(root, CACHE, 'index.jsonl'), indexLines(root).filter((_, line) => line !== 3).join('\n')),
  'an empty file': (root) => writeFileSync(join(root, CACHE, 'index.jsonl'), ''),
};

const resealedDamage: Record<string, (root: string) => void> = Object.fromEntries(
  Object.entries(shapeEdits).map(([name, [line, edit]]) => [`${name} (seal recomputed)`, (root: string) => editIndexLine(root, line, edit, true)]),
);

function expectColdBytesAndWarning(root: string, code: string): CliRun {
  const run = runCli(['build', '--root', root, '--format', 'json']);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).not.toContain('internal error');
  expect(problemCodes(run)).toContain(`warning ${code}`);
  expect(readTree(join(root, 'public'))).toEqual(coldOutput(root));
  return run;
}

describe('a damaged item text is thrown away and rendered again from the sources', () => {
  test.each(Object.keys(itemDamage))('%s', (name) => {
    const root = builtAndEdited();
    itemDamage[name]!(root);
    expectColdBytesAndWarning(root, 'CACHE_DAMAGED');
    expect(readTree(join(root, 'public'))['en/rss.xml']!.toString('utf8')).not.toContain('<script>');
    // The cache was written afresh: the next build finds nothing wrong.
    writeFileSync(join(root, 'articles/story-4/en.md'), readFileSync(join(root, 'articles/story-4/en.md'), 'utf8').replace('Story 4 v1', 'Story 4 v2'));
    const next = runCli(['build', '--root', root, '--format', 'json']);
    expect(next.status).toBe(0);
    expect(problemCodes(next)).toEqual([]);
  });
});

describe('a damaged build index is thrown away and the build is a cold one', () => {
  test.each(Object.keys(indexDamage))('%s', (name) => {
    const root = builtAndEdited();
    indexDamage[name]!(root);
    expectColdBytesAndWarning(root, 'CACHE_DAMAGED');
    const next = runCli(['build', '--root', root, '--format', 'json']);
    expect(next.status).toBe(0);
    expect(problemCodes(next)).toEqual([]);
  });

  test.each(Object.keys(resealedDamage))('%s', (name) => {
    const root = builtAndEdited();
    resealedDamage[name]!(root);
    expectColdBytesAndWarning(root, 'CACHE_DAMAGED');
  });

  test('with nothing else changed, the rebuild is not skipped on its word', () => {
    const root = site();
    expect(runCli(['build', '--root', root]).status).toBe(0);
    editIndexLine(root, 'draft', mapRows(() => 1));
    expectColdBytesAndWarning(root, 'CACHE_DAMAGED');
  });

  test('check does not crash on it either, and warns', () => {
    const root = builtAndEdited();
    editIndexLine(root, 'dateMs', mapRows(() => 'yesterday'), true);
    const run = runCli(['check', '--root', root, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    expect(problemCodes(run)).toContain('warning CACHE_DAMAGED');
  });

  test('--strict does not fail on it: the cache is not the user\'s source', () => {
    const root = builtAndEdited();
    editIndexLine(root, 'title', mapRows(() => 'Forged'));
    const run = runCli(['build', '--root', root, '--strict', '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    expect(problemCodes(run)).toContain('warning CACHE_DAMAGED');
  });
});

// ---- a cache folder that cannot be used ----------------------------------------------------

const isRoot = process.getuid?.() === 0;
const immutable: string[] = [];

function chattr(flag: '+i' | '-i', path: string): void {
  execFileSync('chattr', [flag, path]);
  if (flag === '+i') immutable.push(path);
}

afterEach(() => {
  for (const path of immutable.splice(0)) execFileSync('chattr', ['-i', path]);
});

describe('a cache that cannot be read or written makes a build without cache, with a warning', () => {
  test('the cache folder is a file', () => {
    const root = builtAndEdited();
    rmSync(join(root, CACHE), { recursive: true });
    writeFileSync(join(root, CACHE), 'not a folder');
    expectColdBytesAndWarning(root, 'CACHE_UNAVAILABLE');
    const check = runCli(['check', '--root', root]);
    expect(check.status, check.stderr).toBe(0);
  });

  test('the cache folder is a file before the first build', () => {
    const root = site();
    writeFileSync(join(root, CACHE), 'not a folder');
    expectColdBytesAndWarning(root, 'CACHE_UNAVAILABLE');
  });

  test('the items folder is a file', () => {
    const root = builtAndEdited();
    rmSync(join(root, CACHE, 'items'), { recursive: true });
    writeFileSync(join(root, CACHE, 'items'), 'not a folder');
    expectColdBytesAndWarning(root, 'CACHE_UNAVAILABLE');
  });

  test.skipIf(!isRoot)('the cache folder cannot be written (chattr +i; needs root)', () => {
    const root = builtAndEdited();
    chattr('+i', join(root, CACHE));
    expectColdBytesAndWarning(root, 'CACHE_UNAVAILABLE');
  });

  test.skipIf(!isRoot)('the index cannot be replaced (chattr +i on index.jsonl; needs root)', () => {
    const root = builtAndEdited();
    chattr('+i', join(root, CACHE, 'index.jsonl'));
    expectColdBytesAndWarning(root, 'CACHE_UNAVAILABLE');
    // The old index is still there, describing outputs that changed since: the next build does not trust it.
    chattr('-i', join(root, CACHE, 'index.jsonl'));
    immutable.pop();
    writeFileSync(join(root, 'articles/story-4/en.md'), readFileSync(join(root, 'articles/story-4/en.md'), 'utf8').replace('Story 4 v1', 'Story 4 v2'));
    const next = runCli(['build', '--root', root]);
    expect(next.status, next.stderr).toBe(0);
    expect(readTree(join(root, 'public'))).toEqual(coldOutput(root));
  });

  test.skipIf(!isRoot)('the items of a language cannot be replaced (chattr +i on items/en.json; needs root)', () => {
    const root = builtAndEdited();
    chattr('+i', join(root, CACHE, 'items/en.json'));
    expectColdBytesAndWarning(root, 'CACHE_UNAVAILABLE');
  });
});
