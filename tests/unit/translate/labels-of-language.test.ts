import { describe, expect, test } from 'vitest';
import { labelsOfLanguage } from '../../../src/translate/labels-of-language.js';

describe('labelsOfLanguage', () => {
  const packaged = { item: { readMore: 'Read more', byline: 'By {{authors}}', readingTime_one: '{{count}} minute', readingTime_other: '{{count}} minutes' } };

  test('the site\'s labels are laid over the packaged ones key by key', () => {
    const site = { feed: { title: 'Harbour News' }, item: { readMore: 'Continue' } };
    expect(labelsOfLanguage(packaged, site)).toEqual({
      feed: { title: 'Harbour News' },
      item: { readMore: 'Continue', byline: 'By {{authors}}', readingTime_one: '{{count}} minute', readingTime_other: '{{count}} minutes' },
    });
  });

  test('a plural label is replaced form by form', () => {
    expect(labelsOfLanguage(packaged, { item: { readingTime_other: '{{count}} min' } })).toMatchObject({ item: { readingTime_one: '{{count}} minute', readingTime_other: '{{count}} min' } });
  });

  test('either side alone is the labels; neither is none', () => {
    expect(labelsOfLanguage(packaged, undefined)).toBe(packaged);
    expect(labelsOfLanguage(undefined, { item: { readMore: 'x' } })).toEqual({ item: { readMore: 'x' } });
    expect(labelsOfLanguage(undefined, undefined)).toBeUndefined();
  });

  test('the packaged labels are not changed', () => {
    const before = JSON.stringify(packaged);
    labelsOfLanguage(packaged, { item: { readMore: 'Continue' } });
    expect(JSON.stringify(packaged)).toBe(before);
  });
});
