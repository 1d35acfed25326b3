import { describe, expect, test } from 'vitest';
import { findTemplate, templateFilesOf, templateNameOf } from '../../../src/render/find-template.js';

const file = (path: string) => ({ path });
const packaged = [file('<polyfeed>/templates/item.hbs'), file('<polyfeed>/templates/partials/byline.hbs'), file('<polyfeed>/templates/partials/figure.hbs')];

describe('findTemplate', () => {
  test('names a template by its path below templates/, without .hbs, wherever it comes from', () => {
    expect(templateNameOf('templates/partials/byline.hbs')).toBe('partials/byline');
    expect(templateNameOf('<polyfeed>/templates/item.hbs')).toBe('item');
  });

  test('the site\'s file of a name comes first, then the packaged one, else nothing', () => {
    const site = [file('templates/partials/byline.hbs')];
    expect(findTemplate('partials/byline', site, packaged)).toEqual(file('templates/partials/byline.hbs'));
    expect(findTemplate('item', site, packaged)).toEqual(file('<polyfeed>/templates/item.hbs'));
    expect(findTemplate('partials/author-box', site, packaged)).toBeUndefined();
  });

  test('every name once: the site\'s own templates, new ones included, and the packaged ones it does not replace', () => {
    const site = [file('templates/partials/byline.hbs'), file('templates/partials/author-box.hbs')];
    expect(templateFilesOf(site, packaged).map((found) => found.path)).toEqual([
      '<polyfeed>/templates/item.hbs',
      'templates/partials/author-box.hbs',
      'templates/partials/byline.hbs',
      '<polyfeed>/templates/partials/figure.hbs',
    ]);
  });
});
