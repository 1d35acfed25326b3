// The no-op rebuild: skipped when nothing changed, never skipped when something did, and a
// cached build always gives the bytes a cold build gives.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { minimalConfig, readTree, siteFiles, writeSite } from '../helpers/site-fixture.js';

const article = (title: string, date = '2025-03-14T09:30:00+01:00') => `---\ntitle: ${title}\ndate: ${date}\n---\nText of ${title}.\n`;

describe('a rebuild with nothing changed', () => {
  test('is skipped: exit 0, nothing written, modification times kept', () => {
    const root = writeSite(siteFiles());
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const mtime = statSync(join(root, 'public/en/atom.xml')).mtimeMs;
    const again = runCli(['build', '--root', root]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Nothing changed since the last build');
    expect(again.stdout).toContain('0 written, 6 unchanged');
    expect(statSync(join(root, 'public/en/atom.xml')).mtimeMs).toBe(mtime);
  });

  test('shows the previous build\'s warnings again, and --strict still fails on them', () => {
    const root = writeSite(siteFiles({ 'articles/solo/ar.md': article('وحيد') }));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const again = runCli(['build', '--root', root]);
    expect(again.stdout).toContain('Nothing changed');
    expect(again.stderr).toContain('MISSING_DEFAULT_LANGUAGE');
    expect(runCli(['build', '--root', root, '--strict']).status).toBe(1);
  });
});

describe('a rebuild after a change is not skipped', () => {
  const changes: Record<string, (root: string) => void> = {
    'an article edited': (root) => writeFileSync(join(root, 'articles/first/en.md'), article('First, edited')),
    'an article touched (same size, new mtime)': (root) => utimesSync(join(root, 'articles/first/en.md'), new Date(), new Date(Date.now() + 5_000)),
    'an article added to an existing folder': (root) => writeFileSync(join(root, 'articles/first/ar.md'), article('الأول')),
    'a new article folder': (root) => {
      const folder = join(root, 'articles/second');
      mkdirSync(folder);
      writeFileSync(join(folder, 'en.md'), article('Second', '2025-04-01T10:00:00Z'));
    },
    // Not the only one: a site without articles is an error (NO_ARTICLES, issue 11).
    'an article deleted': (root) => {
      const folder = join(root, 'articles/second');
      mkdirSync(folder);
      writeFileSync(join(folder, 'en.md'), article('Second', '2025-04-01T10:00:00Z'));
      expect(runCli(['build', '--root', root]).status).toBe(0);
      rmSync(join(root, 'articles/first'), { recursive: true });
    },
    'a label changed': (root) => writeFileSync(join(root, 'locales/en/feed.json'), siteFiles()['locales/en/feed.json']!.replace('Read more', 'Continue')),
    'a template changed': (root) => writeFileSync(join(root, 'templates/item.hbs'), `${siteFiles()['templates/item.hbs']}<!-- changed -->\n`),
    'the config changed': (root) => writeFileSync(join(root, 'polyfeed.config.yaml'), `${siteFiles()['polyfeed.config.yaml']}maxItems: 10\n`),
    'an output deleted': (root) => rmSync(join(root, 'public/en/rss.xml')),
    'an output edited by hand': (root) => writeFileSync(join(root, 'public/en/rss.xml'), 'oops'),
    // The manifest of published ids is checked by every build that is not a no-op (issue 13).
    'the published-ids manifest edited': (root) => writeFileSync(join(root, 'published-ids.tsv'), `${readFileSync(join(root, 'published-ids.tsv'), 'utf8')}# a note\n`),
    'the published-ids manifest deleted': (root) => rmSync(join(root, 'published-ids.tsv')),
  };

  test.each(Object.keys(changes))('%s', (name) => {
    const root = writeSite(siteFiles());
    expect(runCli(['build', '--root', root]).status).toBe(0);
    changes[name]!(root);
    // A deleted article drops its published id: accepted here, where the no-op check is what is tested.
    const again = runCli(['build', '--root', root, '--accept-id-changes']);
    expect(again.stdout).not.toContain('Nothing changed');
    expect(again.stdout).toContain('Built');
  });

  test('--no-cache always rebuilds', () => {
    const root = writeSite(siteFiles());
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(runCli(['build', '--root', root, '--no-cache']).stdout).toContain('Built 6 feeds');
  });

  test('the cache folder is safe to delete', () => {
    const root = writeSite(siteFiles());
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(existsSync(join(root, '.polyfeed-cache/index.jsonl'))).toBe(true);
    rmSync(join(root, '.polyfeed-cache'), { recursive: true });
    expect(runCli(['build', '--root', root]).stdout).toContain('Built 6 feeds');
  });
});

describe('a rebuild sees what only the folders or the labels show', () => {
  test('a new empty article folder fails the rebuild as it fails a cold build', () => {
    const root = writeSite(siteFiles());
    expect(runCli(['build', '--root', root]).status).toBe(0);
    mkdirSync(join(root, 'articles/empty'));
    const again = runCli(['build', '--root', root]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('articles/empty/ ARTICLE_FOLDER_EMPTY');
  });

  test('a label of a language with no items yet reaches its feeds', () => {
    const root = writeSite(siteFiles());
    expect(runCli(['build', '--root', root]).status).toBe(0);
    writeFileSync(join(root, 'locales/ar/feed.json'), siteFiles()['locales/ar/feed.json']!.replace('"title":"Example"', '"title":"مثال"'));
    const again = runCli(['build', '--root', root]);
    expect(again.stdout).toContain('3 written, 3 unchanged');
    expect(readTree(join(root, 'public'))['ar/atom.xml']!.toString('utf8')).toContain('مثال');
  });
});

describe('a rebuild after folders were moved', () => {
  test('two article folders of one mtime swapped by renames: the same bytes as a cold build', () => {
    const root = writeSite(
      siteFiles({
        'articles/first/en.md': undefined,
        'articles/a/en.md': article('Alpha', '2025-03-14T09:30:00Z'),
        'articles/b/en.md': article('Bravo', '2025-03-15T09:30:00Z'),
        'articles/b/ar.md': article('برافو', '2025-03-15T09:30:00Z'),
      }),
    );
    // As unpacked from an archive: whole-second mtimes, equal for both folders and both English files.
    const time = new Date('2025-01-01T00:00:00Z');
    for (const path of ['articles/a', 'articles/b', 'articles/a/en.md', 'articles/b/en.md']) utimesSync(join(root, path), time, time);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    renameSync(join(root, 'articles/a'), join(root, 'articles/t'));
    renameSync(join(root, 'articles/b'), join(root, 'articles/a'));
    renameSync(join(root, 'articles/t'), join(root, 'articles/b'));
    // The Arabic version moved from b to a: its id (its URL) changed, on purpose here.
    expect(runCli(['build', '--root', root, '--accept-id-changes']).status).toBe(0);
    expect(runCli(['build', '--root', root, '--no-cache', '--out', join(root, 'cold')]).status).toBe(0);
    expect(readTree(join(root, 'public'))).toEqual(readTree(join(root, 'cold')));
  });
});

describe('cached article metadata', () => {
  test('is not trusted after a config change that makes an unchanged article invalid', () => {
    const root = writeSite(siteFiles({ 'articles/first/en.md': article(`Long ${'x'.repeat(1500)}`) }));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    writeFileSync(join(root, 'polyfeed.config.yaml'), `${siteFiles()['polyfeed.config.yaml']}maxFileSizeKb: 1\n`);
    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('articles/first/en.md FILE_TOO_LARGE');
  });

  test('is not trusted after a static file it refers to is deleted', () => {
    const withImage = `---\ntitle: Photo\ndate: 2025-03-14T09:30:00+01:00\nimage: { src: /media/a.jpg, alt: A picture }\n---\nText.\n`;
    const root = writeSite(siteFiles({ 'articles/first/en.md': withImage, 'static/media/a.jpg': 'jpeg bytes' }));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    rmSync(join(root, 'static/media/a.jpg'));
    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('IMAGE_NOT_FOUND image.src');
  });

  test('keeps an unchanged article\'s warnings: they are shown again when another article changed', () => {
    const root = writeSite(siteFiles({ 'articles/noisy/en.md': `---\ntitle: Noisy\ndate: 2025-03-10T09:30:00Z\n---\n<script>x()</script>\n` }));
    expect(runCli(['build', '--root', root]).stderr).toContain('UNSAFE_HTML_REMOVED');
    writeFileSync(join(root, 'articles/first/en.md'), article('First, edited'));
    const again = runCli(['build', '--root', root]);
    expect(again.stdout).toContain('Built');
    expect(again.stderr).toContain('articles/noisy/en.md:5 warning UNSAFE_HTML_REMOVED');
  });

  test('is read by check, which writes nothing', () => {
    const root = writeSite(siteFiles());
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const before = readTree(join(root, '.polyfeed-cache'));
    expect(runCli(['check', '--root', root]).status).toBe(0);
    expect(readTree(join(root, '.polyfeed-cache'))).toEqual(before);
  });
});

describe('over random edit sequences', () => {
  test('a cached rebuild gives byte-identical output to a cold build, at every "now"', () => {
    const march = (day: number, hour = 9) => `2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:30:00Z`;
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('write' as const),
        key: fc.constantFrom('a', 'b', 'c'),
        lang: fc.constantFrom('en', 'ar'),
        title: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,12}$/),
        day: fc.integer({ min: 1, max: 28 }),
        // An update some days later, which may still be ahead of "now" (a scheduled update).
        updatedAfter: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom('a', 'b', 'c'), lang: fc.constantFrom('en', 'ar') }),
      fc.record({ kind: fc.constant('label' as const), text: fc.stringMatching(/^[A-Za-z]{1,10}$/) }),
      // New modification time, same bytes: the cache knows the article by its digest.
      fc.record({ kind: fc.constant('touch' as const), key: fc.constantFrom('a', 'b', 'c'), lang: fc.constantFrom('en', 'ar'), seconds: fc.integer({ min: 1_600_000_000, max: 1_700_000_000 }) }),
      // "Now" moves, forwards or back, across the articles' dates: versions fall due (or are scheduled again) with no file changed.
      fc.record({ kind: fc.constant('now' as const), day: fc.integer({ min: 1, max: 31 }), hour: fc.integer({ min: 0, max: 23 }) }),
      // Arabic falls back to English, or stops (issue 15): the Arabic feeds then take, or drop, the English versions of articles without an Arabic one.
      fc.record({ kind: fc.constant('fallbacks' as const), on: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 31 }), (edits, startDay) => {
        // Arabic starts out falling back to English: every write and deletion moves fallback items in or out of its feeds.
        const root = writeSite(siteFiles({ 'articles/first/en.md': undefined, 'articles/a/en.md': article('Alpha', march(1)), 'polyfeed.config.yaml': `${minimalConfig}fallbacks: { ar: en }\n` }));
        let now = march(startDay);
        expect(runCli(['build', '--root', root, '--now', now]).status).toBe(0);
        for (const change of edits) {
          if (change.kind === 'write') {
            mkdirSync(join(root, 'articles', change.key), { recursive: true });
            const updated = change.updatedAfter === undefined ? '' : `updated: ${new Date(Date.parse(march(change.day)) + change.updatedAfter * 86_400_000).toISOString()}\n`;
            writeFileSync(join(root, 'articles', change.key, `${change.lang}.md`), `---\ntitle: ${change.title}\ndate: ${march(change.day)}\n${updated}---\nText of ${change.title}.\n`);
          } else if (change.kind === 'delete') {
            rmSync(join(root, 'articles', change.key, `${change.lang}.md`), { force: true });
          } else if (change.kind === 'touch') {
            const file = join(root, 'articles', change.key, `${change.lang}.md`);
            if (existsSync(file)) utimesSync(file, change.seconds, change.seconds);
          } else if (change.kind === 'now') {
            now = march(change.day, change.hour);
          } else if (change.kind === 'fallbacks') {
            writeFileSync(join(root, 'polyfeed.config.yaml'), `${minimalConfig}${change.on ? 'fallbacks: { ar: en }\n' : ''}`);
          } else {
            writeFileSync(join(root, 'locales/en/feed.json'), siteFiles()['locales/en/feed.json']!.replace('Read more', change.text));
          }
          // Deletions (and "now" set back) drop published ids: accepted, so that every build of the sequence is compared.
          const cached = runCli(['build', '--root', root, '--now', now, '--accept-id-changes']);
          const cold = runCli(['build', '--root', root, '--now', now, '--no-cache', '--out', join(root, 'cold'), '--accept-id-changes']);
          expect(cached.status).toBe(cold.status);
          if (cold.status === 0) expect(readTree(join(root, 'public'))).toEqual(readTree(join(root, 'cold')));
        }
      }),
      { numRuns: 5 },
    );
  }, 120_000);
});
