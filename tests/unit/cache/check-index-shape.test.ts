import { describe, expect, test } from 'vitest';
import { checkIndexColumns, checkIndexHead, type StoredColumnName } from '../../../src/cache/check-index-shape.js';
import { ITEM_FORMATS, itemEntryDigest, parseStoredItems, toStoredItems } from '../../../src/cache/item-entries.js';
import { FeedFormatSchema } from '../../../src/model/config-schema.js';
import { hasValidSeal } from '../../../src/cache/index-seal.js';
import { sealIndexLines } from '../../helpers/seal-index-lines.js';

const columns = (): Record<StoredColumnName, unknown[]> => ({
  path: ['articles/a/en.md', 'articles/b/en.md'],
  size: [10, 20],
  mtimeMs: [1.5, -1],
  ino: [7, 8],
  digest: ['x', 'y'],
  title: ['A', 'B'],
  dateMs: [0, 1_750_000_000_000],
  updatedMs: [null, 1_750_000_000_001],
  id: [null, 'urn:b'],
  draft: [0, 1],
  slug: ['a-slug', null],
  translationOf: [null, 'fr'],
});

const head = (): Record<string, unknown> => ({
  cacheVersion: 'v1',
  outDir: '/site/public',
  outOption: null,
  settingFiles: { 'polyfeed.config.yaml': [30, 1, 2] },
  validationContextDigest: 'k',
  folderTimes: { articles: [1, 2], 'articles/a': [1, 3] },
  outputs: { 'en/rss.xml': { stamp: [1, 2, 3], fingerprint: 'f' } },
  languages: ['en', 'ar'],
  pendingLanguages: [],
  warnings: [{ code: 'IMAGE_NOT_FOUND', severity: 'warning', message: 'm', file: 'articles/a/en.md', line: 3, path: ['image'] }],
  articleProblems: { 1: [] },
  publication: { nowMs: 2, drafts: false, future: false, scheduled: 1, updatesScheduled: 0, nextDueMs: 5, nextDueFile: 'articles/a/en.md', lastDueMs: 1 },
});

describe('checkIndexColumns', () => {
  test('accepts the columns polyfeed writes', () => {
    expect(checkIndexColumns(columns())).toBeUndefined();
  });

  test.each<[string, (c: Record<StoredColumnName, unknown[]>) => void, (string | number)[]]>([
    ['a size as a string', (c) => (c.size[1] = '20'), ['size', 1]],
    ['a date beyond what a Date holds', (c) => (c.dateMs[0] = 9e15), ['dateMs', 0]],
    ['a draft flag of 2', (c) => (c.draft[0] = 2), ['draft', 0]],
    ['a missing title', (c) => (c.title[1] = null), ['title', 1]],
    ['a short column', (c) => c.ino.pop(), ['ino']],
    ['paths out of order', (c) => c.path.reverse(), ['path', 1]],
    ['a repeated path', (c) => (c.path[1] = c.path[0]), ['path', 1]],
    ['a path that climbs out', (c) => (c.path[0] = 'articles/../en.md'), ['path', 0]],
    ['a path with a NUL', (c) => (c.path[0] = 'articles/a\0/en.md'), ['path', 0]],
  ])('names %s', (_name, damage, path) => {
    const c = columns();
    damage(c);
    expect(checkIndexColumns(c)?.path).toEqual(path);
  });
});

describe('checkIndexHead', () => {
  test('accepts the head polyfeed writes', () => {
    expect(checkIndexHead(head(), 2)).toBeUndefined();
  });

  test.each<[string, (h: Record<string, unknown>) => void, (string | number)[]]>([
    ['an error among the warnings (the cache never fails a run)', (h) => ((h.warnings as { severity: string }[])[0]!.severity = 'error'), ['warnings']],
    ['an unknown code', (h) => ((h.warnings as { code: string }[])[0]!.code = 'NO_SUCH_CODE'), ['warnings']],
    ['problems of a row that does not exist', (h) => (h.articleProblems = { 2: [] }), ['articleProblems', '2']],
    ['a folder outside articles/', (h) => ((h.folderTimes as Record<string, unknown>)['articles/..'] = [1, 2]), ['folderTimes', 'articles/..']],
    ['an output that climbs out of the output folder', (h) => ((h.outputs as Record<string, unknown>)['../x'] = { stamp: [1, 2, 3], fingerprint: 'f' }), ['outputs', '../x']],
    ['a stamp of two numbers', (h) => (h.settingFiles = { 'polyfeed.config.yaml': [1, 2] }), ['settingFiles', 'polyfeed.config.yaml']],
    ['an out option of the wrong type', (h) => (h.outOption = 3), ['outOption']],
    ['no publication', (h) => delete h.publication, ['publication']],
    ['a next publish time that is not a time', (h) => ((h.publication as Record<string, unknown>).nextDueMs = 'soon'), ['publication', 'nextDueMs']],
    ['a next file outside articles/', (h) => ((h.publication as Record<string, unknown>).nextDueFile = '../x.md'), ['publication', 'nextDueFile']],
    ['languages that are not a list', (h) => (h.languages = 'en'), ['languages']],
    ['a pending language that is not a string', (h) => (h.pendingLanguages = [1]), ['pendingLanguages']],
  ])('names %s', (_name, damage, path) => {
    const h = head();
    damage(h);
    expect(checkIndexHead(h, 2)?.path).toEqual(path);
  });
});

describe('the index seal', () => {
  test('matches the lines it was made for, and nothing else', () => {
    const text = sealIndexLines(['{"format":8}', '[1,2]']);
    const bytes = new TextEncoder().encode(text);
    const sealStart = text.lastIndexOf('\n', text.length - 2) + 1;
    const seal = text.slice(sealStart, -1);
    expect(hasValidSeal(bytes, sealStart, seal)).toBe(true);
    expect(hasValidSeal(new TextEncoder().encode(text.replace('[1,2]', '[1,3]')), sealStart, seal)).toBe(false);
  });
});

describe('cached item texts', () => {
  const texts = { rss: '<item/>', atom: '<entry/>', json: '{}' };
  const stored = () => JSON.parse(JSON.stringify(toStoredItems(new Map([['k1', texts], ['k2', { ...texts, rss: '<item>2</item>' }]])))) as { items: Record<string, { texts: Record<string, unknown>; digest: string }> };

  test('come back as they were written', () => {
    const parsed = parseStoredItems(stored(), ['rss', 'atom', 'json']);
    expect(parsed.damaged).toBeUndefined();
    expect(parsed.items.get('k1')).toEqual(texts);
  });

  test('an edited text, or one moved to another key, is left out and counted', () => {
    const edited = stored();
    edited.items.k1!.texts.rss = '<item><script/></item>';
    const swapped = stored();
    [swapped.items.k1, swapped.items.k2] = [swapped.items.k2!, swapped.items.k1!];
    for (const value of [edited, swapped]) {
      const parsed = parseStoredItems(value, ['rss', 'atom', 'json']);
      expect(parsed.damaged?.count).toBeGreaterThan(0);
      expect(parsed.items.has('k1')).toBe(false);
    }
  });

  test('a text of the wrong type, or a format the feeds need that is missing, is left out even with a matching digest', () => {
    const value = stored();
    value.items.k1!.texts.json = null;
    value.items.k1!.digest = itemEntryDigest('k1', value.items.k1!.texts as never);
    expect(parseStoredItems(value, ['rss', 'atom', 'json']).items.has('k1')).toBe(false);
    const withoutJson = stored();
    delete withoutJson.items.k1!.texts.json;
    withoutJson.items.k1!.digest = itemEntryDigest('k1', withoutJson.items.k1!.texts as never);
    expect(parseStoredItems(withoutJson, ['rss', 'atom', 'json']).items.has('k1')).toBe(false);
    expect(parseStoredItems(withoutJson, ['rss', 'atom']).items.has('k1')).toBe(true);
  });

  test('the formats item texts are kept in are every feed format of the config', () => {
    expect([...ITEM_FORMATS].sort()).toEqual([...FeedFormatSchema.options].sort());
  });

  test('a file of another format is not damage', () => {
    expect(parseStoredItems({ format: 1 }, ['rss'])).toMatchObject({ otherFormat: true });
    // What polyfeed wrote before items files had a format (key → texts): an upgrade is not damage.
    expect(parseStoredItems({ abc: { rss: '<item/>' } }, ['rss'])).toMatchObject({ otherFormat: true });
    expect(parseStoredItems({ abc: { rss: '<item/>' } }, ['rss']).damaged).toBeUndefined();
  });
});
