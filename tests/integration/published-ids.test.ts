// Item ids never change by accident (issue 13): the committed manifest published-ids.tsv, checked by the real CLI on real site folders.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PUBLISHED_IDS_HEADER_LINES } from '../../src/model/published-ids.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, repoRoot, sampleSiteFiles, siteFiles, writeSite } from '../helpers/site-fixture.js';

const MANIFEST = 'published-ids.tsv';
const FIRST = PUBLISHED_IDS_HEADER_LINES + 1;

const article = (title: string, date: string, extra = '') => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\nText of ${title}.\n`;

/** A two-language site: "flood" in en and ar (the English one with an explicit id), "drought" in en. */
function site(files: Record<string, string | undefined> = {}): string {
  return writeSite(
    siteFiles({
      'articles/first/en.md': undefined,
      'articles/flood/en.md': article('Flood', '2025-03-14T09:30:00+01:00', 'id: tag:example.org,2025:flood\n'),
      'articles/flood/ar.md': article('فيضان', '2025-03-14T10:00:00+01:00'),
      'articles/drought/en.md': article('Drought', '2025-04-02T12:00:00Z'),
      ...files,
    }),
  );
}

/** The manifest's rows, each as its four fields. */
function rowsOf(root: string): string[][] {
  return readFileSync(join(root, MANIFEST), 'utf8').split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => line.split('\t'));
}

/** Every file of the site but the cache, with its bytes and mtime: what "nothing was written" is checked against. */
function stateOf(root: string): Record<string, string> {
  const tree = readTree(root);
  return Object.fromEntries(Object.entries(tree).filter(([path]) => !path.startsWith('.polyfeed-cache/')).map(([path, bytes]) => [path, `${bytes.toString('base64')} ${statSync(join(root, path)).mtimeMs}`]));
}

function build(root: string, ...args: string[]) {
  return runCli(['build', '--root', root, ...args]);
}

/** Problems of a JSON report as [code, file, line]. */
function problemsOf(stdout: string): [string, string, number | null][] {
  return (JSON.parse(stdout) as { problems: { code: string; file: string; line: number | null }[] }).problems.map((problem) => [problem.code, problem.file, problem.line]);
}

describe('the first build', () => {
  test('writes published-ids.tsv: one line per published version, sorted by language then key, with its first publication date in UTC and its id', () => {
    const root = site({ 'articles/draft/en.md': article('Draft', '2025-05-01T00:00:00Z', 'draft: true\n') });
    const run = build(root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('published-ids.tsv was created with the ids of 3 published article versions: commit it with the articles.');
    const text = readFileSync(join(root, MANIFEST), 'utf8');
    expect(text.split('\n').slice(0, PUBLISHED_IDS_HEADER_LINES).every((line) => line.startsWith('# '))).toBe(true);
    expect(rowsOf(root)).toEqual([
      ['ar', 'flood', '2025-03-14T09:00:00Z', 'https://example.org/ar/flood/'],
      ['en', 'drought', '2025-04-02T12:00:00Z', 'https://example.org/en/drought/'],
      ['en', 'flood', '2025-03-14T08:30:00Z', 'tag:example.org,2025:flood'],
    ]);
    // The same ids as the feeds carry.
    const feed = JSON.parse(readFileSync(join(root, 'public/en/feed.json'), 'utf8')) as { items: { id: string }[] };
    expect(feed.items.map((item) => item.id).sort()).toEqual(rowsOf(root).filter((row) => row[0] === 'en').map((row) => row[3]).sort());
  });

  test('lists every published version, not only the newest maxItems of the feeds', () => {
    const root = site({ 'polyfeed.config.yaml': `${siteFiles()['polyfeed.config.yaml']}maxItems: 1\n` });
    expect(build(root).status).toBe(0);
    expect(rowsOf(root).map((row) => `${row[0]}/${row[1]}`)).toEqual(['ar/flood', 'en/drought', 'en/flood']);
  });
});

describe('a build with nothing changed', () => {
  test('is a no-op and leaves the manifest byte-identical, with the same mtime', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    const before = stateOf(root);
    const again = build(root);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Nothing changed since the last build');
    // Not a no-op (another article changed), the manifest is compared, not rewritten.
    writeFileSync(join(root, 'articles/drought/en.md'), article('Drought, edited', '2025-04-02T12:00:00Z'));
    const edited = build(root);
    expect(edited.status, edited.stderr).toBe(0);
    expect(edited.stdout).not.toContain(MANIFEST);
    expect(stateOf(root)[MANIFEST]).toEqual(before[MANIFEST]);
  });
});

describe('a changed id', () => {
  test('fails with ID_CHANGED at the article\'s id, naming the old and the new id and how to accept it; nothing is written', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    writeFileSync(join(root, 'articles/flood/en.md'), article('Flood', '2025-03-14T09:30:00+01:00', 'id: tag:example.org,2025:flood-2\n'));
    const before = stateOf(root);
    const run = build(root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('articles/flood/en.md:4:5 ID_CHANGED id');
    expect(run.stderr).toContain('This article version was published with the item id "tag:example.org,2025:flood"; its id would now be "tag:example.org,2025:flood-2"');
    expect(run.stderr).toContain('hint: To keep the old id, add "id: tag:example.org,2025:flood" to the front matter. To publish the new id on purpose, run "polyfeed build --accept-id-changes"');
    expect(run.stderr).toContain('Nothing was written');
    expect(stateOf(root)).toEqual(before);
  });

  test('--accept-id-changes publishes it and rewrites the manifest line; the next build is a no-op', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    writeFileSync(join(root, 'articles/flood/en.md'), article('Flood', '2025-03-14T09:30:00+01:00', 'id: tag:example.org,2025:flood-2\n'));
    const run = build(root, '--accept-id-changes');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('published-ids.tsv was updated: 1 changed id accepted (commit it).');
    expect(rowsOf(root)[2]).toEqual(['en', 'flood', '2025-03-14T08:30:00Z', 'tag:example.org,2025:flood-2']);
    expect(readFileSync(join(root, 'public/en/feed.json'), 'utf8')).toContain('tag:example.org,2025:flood-2');
    expect(build(root).stdout).toContain('Nothing changed since the last build');
  });

  test('a moved site (baseUrl changed) changes every default id', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    writeFileSync(join(root, 'polyfeed.config.yaml'), siteFiles()['polyfeed.config.yaml']!.replace('https://example.org/', 'https://example.com/'));
    const run = runCli(['build', '--root', root, '--format', 'json']);
    expect(run.status).toBe(1);
    // Without an id field, the problem points at the front matter.
    expect(problemsOf(run.stdout)).toEqual([
      ['ID_CHANGED', 'articles/drought/en.md', 2],
      ['ID_CHANGED', 'articles/flood/ar.md', 2],
    ]);
  });
});

describe('a dropped id', () => {
  test('a renamed folder: ID_DROPPED at the manifest line of the old key', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    renameSync(join(root, 'articles/drought'), join(root, 'articles/drought-2025'));
    const before = stateOf(root);
    const run = build(root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${MANIFEST}:${FIRST + 1} ID_DROPPED`);
    expect(run.stderr).toContain('The item id "https://example.org/en/drought/" of articles/drought/en.md was published, and no published article version has it now');
    expect(run.stderr).toContain('hint: If articles/drought-2025/en.md (new in this build) is this article in a renamed folder, add "id: https://example.org/en/drought/" to its front matter.');
    expect(stateOf(root)).toEqual(before);
  });

  test('a renamed folder with the old id pinned passes: the line moves to the new key and keeps its first publication date', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    renameSync(join(root, 'articles/drought'), join(root, 'articles/drought-2025'));
    writeFileSync(join(root, 'articles/drought-2025/en.md'), article('Drought', '2025-04-03T12:00:00Z', 'id: https://example.org/en/drought/\n'));
    const run = build(root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('published-ids.tsv was updated: 1 id moved to a renamed article folder (commit it).');
    expect(rowsOf(root)[1]).toEqual(['en', 'drought-2025', '2025-04-02T12:00:00Z', 'https://example.org/en/drought/']);
  });

  test('a deleted article fails unless accepted', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    rmSync(join(root, 'articles/flood/ar.md'));
    const run = build(root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${MANIFEST}:${FIRST} ID_DROPPED`);
    expect(run.stderr).toContain('hint: If the folder was renamed, add "id: https://example.org/ar/flood/" to the front matter of ar.md in the renamed folder.');
    const accepted = build(root, '--accept-id-changes');
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain('published-ids.tsv was updated: 1 dropped id accepted (commit it).');
    expect(rowsOf(root).map((row) => `${row[0]}/${row[1]}`)).toEqual(['en/drought', 'en/flood']);
  });

  test('an article made a draft is dropped', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    writeFileSync(join(root, 'articles/drought/en.md'), article('Drought', '2025-04-02T12:00:00Z', 'draft: true\n'));
    const run = runCli(['build', '--root', root, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(problemsOf(run.stdout)).toEqual([['ID_DROPPED', MANIFEST, FIRST + 1]]);
  });

  test('--no-cache still checks: the manifest is a source, not the cache', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    rmSync(join(root, 'articles/drought'), { recursive: true });
    const run = build(root, '--no-cache');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ID_DROPPED');
  });
});

describe('check and --dry-run', () => {
  test('check --format json reports the problems and writes nothing', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    rmSync(join(root, 'articles/drought'), { recursive: true });
    writeFileSync(join(root, 'articles/flood/en.md'), article('Flood', '2025-03-14T09:30:00+01:00'));
    const before = stateOf(root);
    const run = runCli(['check', '--root', root, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(problemsOf(run.stdout)).toEqual([
      ['ID_CHANGED', 'articles/flood/en.md', 2],
      ['ID_DROPPED', MANIFEST, FIRST + 1],
    ]);
    expect(stateOf(root)).toEqual(before);
  });

  test('--dry-run says whether the manifest would change, and writes nothing', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    mkdirSync(join(root, 'articles/storm'));
    writeFileSync(join(root, 'articles/storm/en.md'), article('Storm', '2025-05-01T00:00:00Z'));
    const before = stateOf(root);
    const run = build(root, '--dry-run');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('published-ids.tsv would be updated: 1 id added.');
    expect(stateOf(root)).toEqual(before);
    rmSync(join(root, 'articles/storm'), { recursive: true });
    expect(build(root, '--dry-run').stdout).toContain('published-ids.tsv would be left alone.');
  });
});

describe('a malformed manifest', () => {
  test('each bad line is reported at its line, with the others', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    const lines = readFileSync(join(root, MANIFEST), 'utf8').split('\n');
    lines[FIRST] = lines[FIRST]!.replace('2025-04-02T12:00:00Z', '02/04/2025');
    lines.splice(FIRST + 1, 0, 'en\tonly-two-fields');
    writeFileSync(join(root, MANIFEST), lines.join('\n'));
    const run = runCli(['build', '--root', root, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(problemsOf(run.stdout)).toEqual([
      ['PUBLISHED_IDS_INVALID', MANIFEST, FIRST + 1],
      ['PUBLISHED_IDS_INVALID', MANIFEST, FIRST + 2],
    ]);
  });

  test('a manifest edited by hand (a comment added) is not a no-op, and is rewritten in its form', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    const written = readFileSync(join(root, MANIFEST), 'utf8');
    writeFileSync(join(root, MANIFEST), `${written}# a note\n`);
    const run = build(root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('published-ids.tsv was updated: rewritten in the form polyfeed writes (commit it).');
    expect(readFileSync(join(root, MANIFEST), 'utf8')).toBe(written);
  });
});

describe('the sample site of this repository', () => {
  test('its committed published-ids.tsv is what a build of it would write: nothing to change', () => {
    const root = writeSite({ ...sampleSiteFiles(), [MANIFEST]: readFileSync(join(repoRoot, MANIFEST)) });
    const run = build(root, '--dry-run');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('published-ids.tsv would be left alone.');
  });
});

describe('a build killed while writing the manifest', () => {
  test('leaves a temporary file that the next build writing the manifest removes (only old ones of polyfeed\'s own name)', () => {
    const root = site();
    expect(build(root).status).toBe(0);
    const leftover = join(root, '.0123456789ab.polyfeed-tmp');
    const fresh = join(root, '.ba9876543210.polyfeed-tmp');
    const yours = join(root, '.notes.polyfeed-tmp');
    for (const path of [leftover, fresh, yours]) writeFileSync(path, 'partial');
    // An hour old: a killed build's; the fresh one may be another build's, being written now.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const path of [leftover, yours]) utimesSync(path, hourAgo, hourAgo);
    mkdirSync(join(root, 'articles/storm'));
    writeFileSync(join(root, 'articles/storm/en.md'), article('Storm', '2025-05-01T12:00:00Z'));
    const run = build(root);
    expect(run.stdout).toContain('published-ids.tsv was updated');
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(yours)).toBe(true);
  });
});
