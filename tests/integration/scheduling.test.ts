// Scheduled articles (issue 13): an article dated after "now" stays out of every feed and every
// translation link until its time comes; "now" is the clock, --now or SOURCE_DATE_EPOCH; the next
// publish time is told; --drafts and --future make preview builds; the no-op check knows the time.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, test } from 'vitest';
import { build } from '../../src/run/build-site.js';
import { bodyText } from '../../src/model/output-file.js';
import { atomText } from '../helpers/atom-text.js';
import { runCli } from '../helpers/run-cli.js';
import { siteFiles, sourcesOf, writeSite } from '../helpers/site-fixture.js';

const article = (title: string, date: string, extra = '') => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\nText of ${title}.\n`;

/** A site with a published story in en and ar, a story scheduled for 2030 in en and ar, and a draft. */
function scheduledSite(): string {
  return writeSite(
    siteFiles({
      'articles/first/en.md': article('First', '2025-03-14T09:30:00Z'),
      'articles/first/ar.md': article('الأول', '2025-03-14T09:30:00Z'),
      'articles/launch/en.md': article('Launch', '2030-01-02T09:00:00Z'),
      'articles/launch/ar.md': article('الإطلاق', '2030-01-02T10:00:00Z'),
      'articles/wip/en.md': article('Work in progress', '2025-03-15T09:30:00Z', 'draft: true\n'),
    }),
  );
}

const read = (root: string, path: string) => readFileSync(join(root, 'public', path), 'utf8');

/** Item titles of a language in each format, parsed back. */
function titles(root: string, lang: string): { rss: string[]; atom: string[]; json: string[] } {
  return {
    rss: (parseRssFeed(read(root, `${lang}/rss.xml`)).items ?? []).map((item) => item.title ?? ''),
    atom: (parseAtomFeed(read(root, `${lang}/atom.xml`)).entries ?? []).map((entry) => atomText(entry.title) ?? ''),
    json: (parseJsonFeed(read(root, `${lang}/feed.json`)).items ?? []).map((item) => item.title ?? ''),
  };
}

/** Every date a feed carries (its own and its items'), parsed back from each format. */
function feedDates(root: string, lang: string): number[] {
  const rss = parseRssFeed(read(root, `${lang}/rss.xml`));
  const atom = parseAtomFeed(read(root, `${lang}/atom.xml`));
  const json = parseJsonFeed(read(root, `${lang}/feed.json`));
  return [
    rss.lastBuildDate,
    rss.pubDate,
    ...(rss.items ?? []).map((item) => item.pubDate),
    atom.updated,
    ...(atom.entries ?? []).flatMap((entry) => [entry.updated, entry.published]),
    ...(json.items ?? []).flatMap((item) => [item.date_published, item.date_modified]),
  ]
    .filter((date): date is string => typeof date === 'string')
    .map((date) => Date.parse(date));
}

const same = (expected: string[]) => ({ rss: expected, atom: expected, json: expected });

describe('an article dated after now', () => {
  test('stays out of every feed and every translation link; no feed date is later than now', () => {
    const root = scheduledSite();
    const run = runCli(['build', '--root', root, '--now', '2026-01-01T00:00:00Z']);
    expect(run.status).toBe(0);
    expect(titles(root, 'en')).toEqual(same(['First']));
    expect(titles(root, 'ar')).toEqual(same(['الأول']));
    for (const lang of ['en', 'ar']) {
      expect(read(root, `${lang}/atom.xml`)).not.toContain('/launch/');
      expect(Math.max(...feedDates(root, lang))).toBeLessThanOrEqual(Date.parse('2026-01-01T00:00:00Z'));
    }
    expect(run.stdout).toContain('Scheduled: 2 article versions dated after 2026-01-01T00:00:00Z wait for their date.');
    expect(run.stdout).toContain('Next publish time: 2030-01-02T09:00:00Z (articles/launch/en.md)');
  });

  test('is published by the first build after its time, though no file changed; its translation comes an hour later', () => {
    const root = scheduledSite();
    expect(runCli(['build', '--root', root, '--now', '2026-01-01T00:00:00Z']).status).toBe(0);
    const before = statSync(join(root, 'public/ar/atom.xml')).mtimeMs;
    // Just before: a no-op.
    const early = runCli(['build', '--root', root, '--now', '2030-01-02T08:59:59Z']);
    expect(early.stdout).toContain('Nothing changed since the last build');
    const due = runCli(['build', '--root', root, '--now', '2030-01-02T09:00:00Z']);
    expect(due.status).toBe(0);
    expect(due.stdout).toContain('3 written, 3 unchanged');
    expect(titles(root, 'en')).toEqual(same(['Launch', 'First']));
    expect(titles(root, 'ar')).toEqual(same(['الأول']));
    expect(statSync(join(root, 'public/ar/atom.xml')).mtimeMs).toBe(before);
    // The English item links to no Arabic version yet.
    expect(parseAtomFeed(read(root, 'en/atom.xml')).entries![0]!.links?.some((link) => link.hreflang === 'ar')).toBe(false);
    expect(due.stdout).toContain('Next publish time: 2030-01-02T10:00:00Z (articles/launch/ar.md)');
    const later = runCli(['build', '--root', root, '--now', '2030-01-02T10:00:00Z']);
    expect(later.stdout).toContain('6 written');
    expect(titles(root, 'ar')).toEqual(same(['الإطلاق', 'الأول']));
    expect(parseAtomFeed(read(root, 'en/atom.xml')).entries![0]!.links?.some((link) => link.hreflang === 'ar')).toBe(true);
    expect(later.stdout).not.toContain('Scheduled');
  });

  test('a "now" set back before a published date takes the article out again (not a no-op)', () => {
    const root = scheduledSite();
    expect(runCli(['build', '--root', root, '--now', '2031-01-01T00:00:00Z']).status).toBe(0);
    expect(titles(root, 'en').rss).toEqual(['Launch', 'First']);
    // Taking a published item out again is what the published-ids guard stops, unless accepted.
    const refused = runCli(['build', '--root', root, '--now', '2026-01-01T00:00:00Z']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('ID_DROPPED');
    const back = runCli(['build', '--root', root, '--now', '2026-01-01T00:00:00Z', '--accept-id-changes']);
    expect(back.stdout).toContain('Built');
    expect(titles(root, 'en').rss).toEqual(['First']);
  });
});

describe('where "now" comes from', () => {
  test('SOURCE_DATE_EPOCH (seconds) when set; --now wins over it', () => {
    const root = scheduledSite();
    const epoch = String(Date.parse('2030-06-01T00:00:00Z') / 1000);
    const fromEnv = runCli(['build', '--root', root, '--format', 'json'], { env: { SOURCE_DATE_EPOCH: epoch } });
    expect(fromEnv.status).toBe(0);
    expect(JSON.parse(fromEnv.stdout).schedule).toMatchObject({ now: '2030-06-01T00:00:00Z', scheduled: 0, nextPublishAt: null });
    expect(titles(root, 'en').rss).toEqual(['Launch', 'First']);
    const fromOption = runCli(['build', '--root', root, '--format', 'json', '--now', '2026-01-01T01:00:00+01:00', '--accept-id-changes'], { env: { SOURCE_DATE_EPOCH: epoch } });
    expect(JSON.parse(fromOption.stdout).schedule).toMatchObject({ now: '2026-01-01T00:00:00Z', scheduled: 2, nextPublishAt: '2030-01-02T09:00:00Z', nextPublishFile: 'articles/launch/en.md' });
    expect(titles(root, 'en').rss).toEqual(['First']);
  });

  test('the clock otherwise: the 2030 article is scheduled today', () => {
    const root = scheduledSite();
    const run = runCli(['build', '--root', root, '--format', 'json'], { env: { SOURCE_DATE_EPOCH: '' } });
    const { schedule } = JSON.parse(run.stdout);
    expect(Math.abs(Date.parse(schedule.now) - Date.now())).toBeLessThan(60_000);
    expect(schedule.scheduled).toBe(2);
  });

  test.each([
    [['--now', '2030-01-02'], {}, '--now "2030-01-02" is not an ISO 8601 date-time with an offset'],
    [['--now', '2030-01-02T09:00:00'], {}, 'is not an ISO 8601 date-time with an offset'],
    [[], { SOURCE_DATE_EPOCH: '2030-01-02' }, 'SOURCE_DATE_EPOCH="2030-01-02" is not a number of seconds'],
  ])('a bad value is a usage error (exit 2) that says how to write it: %j %j', (args, env, message) => {
    const root = scheduledSite();
    for (const command of ['build', 'check']) {
      const run = runCli([command, '--root', root, ...args], { env });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });
});

describe('check', () => {
  test('tells what is scheduled and the next publish time, in text and JSON', () => {
    const root = scheduledSite();
    const human = runCli(['check', '--root', root, '--now', '2026-01-01T00:00:00Z']);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('Next publish time: 2030-01-02T09:00:00Z (articles/launch/en.md)');
    const json = JSON.parse(runCli(['check', '--root', root, '--now', '2026-01-01T00:00:00Z', '--format', 'json']).stdout);
    expect(json.schedule).toEqual({
      now: '2026-01-01T00:00:00Z',
      scheduled: 2,
      updatesScheduled: 0,
      nextPublishAt: '2030-01-02T09:00:00Z',
      nextPublishFile: 'articles/launch/en.md',
      preview: { drafts: false, future: false },
    });
  });
});

describe('preview builds', () => {
  test('--drafts and --future put drafts and scheduled articles in, say so, and the next ordinary build takes them out', () => {
    const root = scheduledSite();
    const now = ['--now', '2026-01-01T00:00:00Z'];
    expect(runCli(['build', '--root', root, ...now]).status).toBe(0);
    const drafts = runCli(['build', '--root', root, ...now, '--drafts']);
    expect(drafts.stdout).toContain('Preview build: these feeds include drafts (--drafts). Do not publish them.');
    expect(titles(root, 'en')).toEqual(same(['Work in progress', 'First']));
    const both = runCli(['build', '--root', root, ...now, '--drafts', '--future', '--format', 'json']);
    expect(JSON.parse(both.stdout).schedule.preview).toEqual({ drafts: true, future: true });
    expect(titles(root, 'en')).toEqual(same(['Launch', 'Work in progress', 'First']));
    expect(titles(root, 'ar')).toEqual(same(['الإطلاق', 'الأول']));
    // A preview publishes nothing for good: the published-ids manifest lists neither the draft nor the scheduled story.
    const manifest = readFileSync(join(root, 'published-ids.tsv'), 'utf8');
    expect(manifest).toContain('\tfirst\t');
    expect(manifest).not.toContain('\twip\t');
    expect(manifest).not.toContain('\tlaunch\t');
    const ordinary = runCli(['build', '--root', root, ...now]);
    expect(ordinary.status).toBe(0);
    expect(ordinary.stdout).not.toContain('Nothing changed');
    expect(ordinary.stdout).not.toContain('Preview');
    expect(titles(root, 'en')).toEqual(same(['First']));
  });

  test('never by default: a draft stays out whatever its date', () => {
    const root = scheduledSite();
    expect(runCli(['build', '--root', root, '--now', '2031-01-01T00:00:00Z']).status).toBe(0);
    expect(titles(root, 'en').rss).not.toContain('Work in progress');
  });
});

describe('an `updated` after now', () => {
  test('is a scheduled update: the item is dated as first published until it comes, then carries it', () => {
    const root = writeSite(siteFiles({ 'articles/first/en.md': article('First', '2025-03-14T09:30:00Z', 'updated: 2030-05-01T00:00:00Z\n') }));
    const run = runCli(['build', '--root', root, '--now', '2026-01-01T00:00:00Z']);
    expect(run.stdout).toContain('Scheduled: 1 update dated after 2026-01-01T00:00:00Z waits for its date. Next publish time: 2030-05-01T00:00:00Z');
    expect(Math.max(...feedDates(root, 'en'))).toBe(Date.parse('2025-03-14T09:30:00Z'));
    expect(read(root, 'en/feed.json')).not.toContain('2030');
    runCli(['build', '--root', root, '--now', '2030-05-01T00:00:00Z']);
    expect(Math.max(...feedDates(root, 'en'))).toBe(Date.parse('2030-05-01T00:00:00Z'));
    expect(parseJsonFeed(read(root, 'en/feed.json')).items![0]!.date_modified).toBe('2030-05-01T00:00:00.000Z');
  });
});

describe('the library', () => {
  test('build(sources, { now }) publishes what is due at that time; the clock by default', () => {
    const sources = sourcesOf(
      siteFiles({ 'articles/first/en.md': article('First', '2025-03-14T09:30:00Z'), 'articles/launch/en.md': article('Launch', '2099-01-01T00:00:00Z') }),
    );
    const text = (result: ReturnType<typeof build>) => bodyText(result.files.find((file) => file.path === 'en/feed.json')!.body);
    expect(text(build(sources))).not.toContain('Launch');
    expect(text(build(sources, { now: new Date('2099-01-01T00:00:00Z') }))).toContain('Launch');
    expect(text(build(sources, { future: true }))).toContain('Launch');
  });
});
