// Issue 16: the preview server's source watcher on a real folder: a burst of saves is one call, a
// source made after the start is seen, and the output folder, its lock, the cache, polyfeed's own
// temporary files and files that are no source are never reported.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { watchSources, type SourceWatcher } from '../../src/run/watch-sources.js';
import { siteFiles, writeSite } from '../helpers/site-fixture.js';
import { until } from '../helpers/serve-cli.js';

const SOURCES = ['polyfeed.config.yaml', 'published-ids.tsv', 'locales', 'templates', 'articles', 'static', 'feed-helpers.mjs'];

describe('watchSources', () => {
  let watcher: SourceWatcher | undefined;
  afterEach(async () => {
    await watcher?.close();
    watcher = undefined;
  });

  function start(root: string) {
    const calls: (readonly string[])[] = [];
    const excluded = [join(root, 'public'), join(root, '.public.polyfeed-lock'), join(root, '.polyfeed-cache')];
    watcher = watchSources({ root, sources: SOURCES, excluded, debounceMs: 100, onChange: (paths) => calls.push(paths) });
    return { calls, ready: watcher.ready };
  }

  test('a burst of saves makes one call with every path; a source made after the start is seen', async () => {
    const root = writeSite(siteFiles());
    const { calls, ready } = start(root);
    await ready;
    writeFileSync(join(root, 'articles/first/en.md'), '---\ntitle: First, again\ndate: 2025-03-14T09:30:00+01:00\n---\nHello.\n');
    writeFileSync(join(root, 'locales/en/feed.json'), '{}');
    writeFileSync(join(root, 'locales/ar/feed.json'), '{}');
    await until(() => (calls.length > 0 ? true : undefined), { what: () => 'a call' });
    expect(calls).toHaveLength(1);
    expect([...calls[0]!].sort()).toEqual(['articles/first/en.md', 'locales/ar/feed.json', 'locales/en/feed.json']);

    mkdirSync(join(root, 'articles/second'));
    writeFileSync(join(root, 'articles/second/en.md'), '---\ntitle: Second\ndate: 2025-03-15T09:30:00+01:00\n---\nMore.\n');
    mkdirSync(join(root, 'static/media'), { recursive: true });
    writeFileSync(join(root, 'static/media/a.png'), 'png');
    writeFileSync(join(root, 'feed-helpers.mjs'), 'export const shout = (text) => text;\n');
    await until(() => (['feed-helpers.mjs', 'static/media/a.png', 'articles/second/en.md'].every((path) => calls.flat().includes(path)) ? true : undefined), { what: () => `the new sources in ${JSON.stringify(calls)}` });
  });

  test('the output folder, its lock, the cache, temporary files and files that are no source are never reported', async () => {
    const root = writeSite(siteFiles());
    const { calls, ready } = start(root);
    await ready;
    for (const folder of ['public/en', '.public.polyfeed-lock', '.polyfeed-cache', 'node_modules/x', '.git']) mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, 'public/en/rss.xml'), '<rss/>');
    writeFileSync(join(root, 'public/en/.0123456789ab.polyfeed-tmp'), '');
    writeFileSync(join(root, '.public.polyfeed-lock/journal'), '');
    writeFileSync(join(root, '.polyfeed-cache/index.jsonl'), '');
    writeFileSync(join(root, 'node_modules/x/index.js'), '');
    writeFileSync(join(root, '.git/HEAD'), '');
    writeFileSync(join(root, 'notes.txt'), 'not a source');
    writeFileSync(join(root, '.0123456789ab.polyfeed-tmp'), 'published-ids.tsv being written');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Then one source: the only path ever reported.
    writeFileSync(join(root, 'polyfeed.config.yaml'), `${siteFiles()['polyfeed.config.yaml']}maxItems: 5\n`);
    await until(() => (calls.length > 0 ? true : undefined), { what: () => 'a call' });
    expect(calls.flat()).toEqual(['polyfeed.config.yaml']);
  });
});
