// Issue 14: `polyfeed init` writes a site that builds at once and checks clean, with polyfeed's
// packaged templates and labels; `polyfeed new` adds an article version dated now.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parse } from 'yaml';
import { createProgram } from '../../src/cli.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree } from '../helpers/site-fixture.js';

const NOW = '2026-03-14T09:30:00+01:00';
const emptyFolder = () => mkdtempSync(join(tmpdir(), 'polyfeed-init-'));

function initSite(args: string[] = []): string {
  const site = join(emptyFolder(), 'harbour-news');
  const run = runCli(['init', site, '--now', NOW, ...args]);
  expect(run.status, run.stderr).toBe(0);
  return site;
}

describe('polyfeed init', () => {
  test('writes a site whose build needs no other step, in every language asked for, and whose check is clean', () => {
    const site = initSite(['--languages', 'en,de,ar,zh-Hans']);
    expect(existsSync(join(site, 'templates'))).toBe(false);
    const build = runCli(['build', '--root', site]);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toBe('');
    const check = runCli(['check', '--root', site, '--strict']);
    expect(check.status, check.stderr).toBe(0);
    const feeds = readTree(join(site, 'public'));
    // init sets subscribePage: the pages for people come with the feeds.
    expect(Object.keys(feeds).sort()).toEqual([...['ar', 'de', 'en'].flatMap((lang) => [`${lang}/atom.xml`, `${lang}/feed.json`, `${lang}/rss.xml`]), 'feed.css', 'feeds-head.html', 'index.html', 'zh-Hans/atom.xml', 'zh-Hans/feed.json', 'zh-Hans/rss.xml']);
    expect(feeds['index.html']!.toString()).toContain('<section id="zh-Hans" lang="zh-Hans" dir="ltr">');
    const german = parseJsonFeed(JSON.parse(feeds['de/feed.json']!.toString()));
    expect(german.title).toBe('harbour-news');
    expect(german.items?.[0]?.title).toBe('Willkommen');
    expect(german.items?.[0]?.content_html).toContain('Weiterlesen');
    expect(Date.parse(german.items![0]!.date_published!)).toBe(Date.parse(NOW));
    const arabic = parseAtomFeed(feeds['ar/atom.xml']!.toString());
    expect(arabic.entries?.[0]?.title).toMatchObject({ value: 'أهلًا وسهلًا' });
    expect(parseRssFeed(feeds['zh-Hans/rss.xml']!.toString()).items?.[0]?.title).toBe('欢迎');
  });

  test('defaults to English, and --eject copies the templates and every label into the site, which still builds the same feeds', () => {
    const plain = initSite();
    const ejected = initSite(['--eject']);
    expect(Object.keys(readTree(join(ejected, 'templates'))).sort()).toEqual(['index.hbs', 'item.hbs', 'partials/byline.hbs', 'partials/fallback-note.hbs', 'partials/feed-links.hbs', 'partials/figure.hbs', 'partials/translations.hbs', 'partials/video.hbs']);
    expect(JSON.parse(readFileSync(join(ejected, 'locales/en/feed.json'), 'utf8')).item.readMore).toBe('Read more');
    for (const site of [plain, ejected]) expect(runCli(['build', '--root', site]).status).toBe(0);
    expect(readTree(join(ejected, 'public'))).toEqual(readTree(join(plain, 'public')));
  });

  test('refuses to write over files, names them, and writes nothing; --force writes over them', () => {
    const site = emptyFolder();
    mkdirSync(join(site, 'locales/en'), { recursive: true });
    writeFileSync(join(site, 'polyfeed.config.yaml'), 'mine\n');
    writeFileSync(join(site, 'locales/en/feed.json'), '{}\n');
    const refused = runCli(['init', site]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('  polyfeed.config.yaml\n');
    expect(refused.stderr).toContain('  locales/en/feed.json\n');
    expect(Object.keys(readTree(site)).sort()).toEqual(['locales/en/feed.json', 'polyfeed.config.yaml']);
    expect(runCli(['init', site, '--force']).status).toBe(0);
    expect(runCli(['build', '--root', site]).status).toBe(0);
  });

  test('refuses a language polyfeed ships no labels for, and a tag not spelt canonically', () => {
    const ko = runCli(['init', join(emptyFolder(), 'site'), '--languages', 'en,ko']);
    expect(ko.status).toBe(2);
    expect(ko.stderr).toContain('"ko"');
    const ptbr = runCli(['init', join(emptyFolder(), 'site'), '--languages', 'pt-br']);
    expect(ptbr.status).toBe(2);
    expect(ptbr.stderr).toContain('"pt-BR"');
  });

  test('its GitHub Actions workflow runs only commands and options the CLI has', () => {
    const site = initSite();
    const workflow = parse(readFileSync(join(site, '.github/workflows/polyfeed.yml'), 'utf8')) as { jobs: Record<string, { steps: { run?: string }[] }> };
    const lines = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.run ?? '').split('\n').map((line) => line.trim())));
    const commands = lines.filter((line) => line.startsWith('npx polyfeed ')).map((line) => line.split(/\s+/).slice(2));
    expect(commands.map((words) => words[0])).toEqual(['check', 'build']);
    const program = createProgram(() => {});
    for (const [name, ...options] of commands) {
      const command = program.commands.find((candidate) => candidate.name() === name)!;
      for (const word of options.filter((option) => option.startsWith('--'))) expect(command.options.some((option) => option.long === word), word).toBe(true);
    }
  });
});

describe('polyfeed new', () => {
  test('writes articles/<key>/<lang>.md dated --now in UTC, which the next build publishes', () => {
    const site = initSite(['--languages', 'en,fr']);
    const run = runCli(['new', 'river-flood', '--lang', 'fr', '--title', 'Crue de la rivière', '--root', site, '--now', '2026-03-15T10:00:00+01:00']);
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(join(site, 'articles/river-flood/fr.md'), 'utf8');
    expect(text).toContain('date: 2026-03-15T09:00:00Z\n');
    expect(runCli(['build', '--root', site, '--now', '2026-03-15T10:00:00+01:00']).status).toBe(0);
    const feed = JSON.parse(readTree(join(site, 'public'))['fr/feed.json']!.toString()) as { items: { title: string; date_published: string }[] };
    expect(feed.items.map((item) => item.title)).toEqual(['Crue de la rivière', 'Bienvenue']);
    expect(Date.parse(feed.items[0]!.date_published)).toBe(Date.parse('2026-03-15T09:00:00Z'));
  });

  test('dates the article in the time zone the config names, with its offset', () => {
    const site = initSite();
    const config = readFileSync(join(site, 'polyfeed.config.yaml'), 'utf8');
    writeFileSync(join(site, 'polyfeed.config.yaml'), `${config}timezone: Asia/Kolkata\n`);
    const run = runCli(['new', 'monsoon', '--lang', 'en', '--root', site, '--now', '2026-03-15T10:00:00Z']);
    expect(run.status).toBe(0);
    expect(readFileSync(join(site, 'articles/monsoon/en.md'), 'utf8')).toContain('date: 2026-03-15T15:30:00+05:30\n');
  });

  test('never writes over an article, and refuses a key unfit for a URL or a language the config does not list', () => {
    const site = initSite();
    const before = readTree(site);
    const exists = runCli(['new', 'welcome', '--lang', 'en', '--root', site]);
    expect(exists.status).toBe(2);
    expect(exists.stderr).toContain('articles/welcome/en.md exists already');
    const badKey = runCli(['new', 'river flood', '--lang', 'en', '--root', site]);
    expect(badKey.status).toBe(2);
    expect(badKey.stderr).toContain('INVALID_ARTICLE_KEY');
    const otherLanguage = runCli(['new', 'river', '--lang', 'de', '--root', site]);
    expect(otherLanguage.status).toBe(2);
    expect(otherLanguage.stderr).toContain('hint: pick one of them, or add "de"');
    expect(readTree(site)).toEqual(before);
  });
});
