import { describe, expect, test } from 'vitest';
import { nextOutputsOf, outputPathsOf, staleOutputsOf } from '../../../src/cache/next-outputs.js';

const record = (fingerprint: string, mtimeMs = 1) => ({ stamp: [10, mtimeMs, 3] as const, fingerprint });
const previous = {
  'en/rss.xml': record('e'),
  'en/feed.json': record('e'),
  'ar/rss.xml': record('a'),
  'ar/feed.json': record('a'),
  'fr/rss.xml': record('f'),
};

describe('staleOutputsOf', () => {
  test('the recorded paths no configured language and format makes, in path order', () => {
    expect(staleOutputsOf(previous, ['en/rss.xml', 'ar/rss.xml'])).toEqual(['ar/feed.json', 'en/feed.json', 'fr/rss.xml']);
  });

  test('none without a record of the last build', () => {
    expect(staleOutputsOf(undefined, [])).toEqual([]);
  });
});

describe('nextOutputsOf', () => {
  test("keeps a left-out language's records untouched; it is current while its fingerprint is the recorded one", () => {
    const made = { 'en/rss.xml': record('e2', 5), 'en/feed.json': record('e2', 5) };
    const next = nextOutputsOf({ previous, made, skipped: [{ lang: 'ar', paths: ['ar/rss.xml', 'ar/feed.json'], compressedPaths: [], fingerprint: 'a' }] });
    expect(next.outputs).toEqual({ ...made, 'ar/rss.xml': previous['ar/rss.xml'], 'ar/feed.json': previous['ar/feed.json'] });
    expect(next.pendingLanguages).toEqual([]);
  });

  test('a left-out language made from other inputs, or never recorded, is pending', () => {
    const changed = nextOutputsOf({ previous, made: {}, skipped: [{ lang: 'ar', paths: ['ar/rss.xml', 'ar/feed.json'], compressedPaths: [], fingerprint: 'a2' }] });
    expect(changed.outputs['ar/rss.xml']).toEqual(previous['ar/rss.xml']);
    expect(changed.pendingLanguages).toEqual(['ar']);
    // A format added since: one of its paths has no record.
    expect(nextOutputsOf({ previous, made: {}, skipped: [{ lang: 'fr', paths: ['fr/rss.xml', 'fr/atom.xml'], compressedPaths: [], fingerprint: 'f' }] }).pendingLanguages).toEqual(['fr']);
    expect(nextOutputsOf({ previous: undefined, made: {}, skipped: [{ lang: 'fr', paths: ['fr/rss.xml'], compressedPaths: [], fingerprint: 'f' }] }).pendingLanguages).toEqual(['fr']);
  });

  test('drops the records of files no configured language makes', () => {
    expect(Object.keys(nextOutputsOf({ previous, made: {}, skipped: [] }).outputs)).toEqual([]);
  });
});

describe('outputPathsOf', () => {
  test('the recorded paths of some languages, or of all', () => {
    expect(outputPathsOf(previous, ['ar'])).toEqual(['ar/rss.xml', 'ar/feed.json']);
    expect(outputPathsOf(previous, undefined)).toHaveLength(5);
  });
});
