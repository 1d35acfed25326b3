// Issue 14: a Hugo, Jekyll, Eleventy or Astro site builds where it lies, with the config README.md gives
// for it, to the same feeds as the same articles hand-converted to articles/<key>/<lang>.md.
import { readFileSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { generatorSite, readmeConfigOf } from '../helpers/generator-site.js';
import { repoRoot } from '../helpers/site-fixture.js';

const NOW = '2024-06-01T00:00:00Z';
const fixtures = join(repoRoot, 'tests/fixtures/generators');

/** The README's config for `generator`: there must be one. */
function readmeConfig(generator: string): string {
  const config = readmeConfigOf(generator);
  expect(config).toBeDefined();
  return config!;
}

function build(root: string) {
  const run = runCli(['build', '--root', root, '--now', NOW]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run;
}

const xml = new XMLParser({ ignoreAttributes: false });

/** Every feed of a language, parsed back: JSON Feed items, RSS items and Atom entries, URLs of the twin's keys made the generator's. */
function parsedFeeds(root: string, lang: string, urlOf: (text: string) => string = (text) => text) {
  const read = (file: string) => urlOf(readFileSync(join(root, 'public', lang, file), 'utf8'));
  const json = JSON.parse(read('feed.json')) as { items: unknown[] };
  const rss = xml.parse(read('rss.xml')).rss.channel;
  const atom = xml.parse(read('atom.xml')).feed;
  const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  return { json: json.items, rss: list(rss.item), atom: list(atom.entry) };
}

const config = (layoutLines: string) => `baseUrl: https://example.org/\nlanguages: [en, fr]\ndefaultLanguage: en\n${layoutLines}`;

interface Case {
  readonly generator: 'Hugo' | 'Jekyll' | 'Eleventy' | 'Astro' | 'Docusaurus';
  readonly fixture: string;
  /** The same articles, hand-converted to polyfeed's layout (the keys with "/" written with "-"). */
  readonly twin: Record<string, string | Uint8Array>;
  /** The twin's URLs → the generator's (keys with "/"). */
  readonly urls?: readonly [string, string][];
  /** Files to edit for the incremental check. */
  readonly edit: string;
}

const cases: Case[] = [
  {
    generator: 'Hugo',
    fixture: 'hugo',
    edit: 'content/posts/second-post.md',
    urls: [['/posts-first-post/', '/posts/first-post/'], ['/posts-second-post/', '/posts/second-post/']],
    twin: {
      'polyfeed.config.yaml': config('authors: [River News]\n'),
      'articles/posts-first-post/en.md':
        '---\ntitle: The river rises\ndate: 2024-01-02T10:00:00-07:00\nupdated: 2024-01-03T08:00:00-07:00\nsummary: Water levels climbed through the night.\nauthors: [Jane Doe]\ntags: [river, flood, weather]\ndraft: false\n---\nThe river rose **two metres** overnight.\n',
      'articles/posts-first-post/fr.md':
        '---\ntitle: La rivière monte\ndate: 2024-01-02T10:00:00-07:00\nsummary: Le niveau est monté toute la nuit.\nauthors: [Jane Doe]\ntags: [rivière]\n---\nLa rivière est montée de **deux mètres** pendant la nuit.\n',
      'articles/posts-second-post/en.md':
        '---\ntitle: Bridges reopen\ndate: 2024-01-05T00:00:00+01:00\nsummary: Both bridges are open again.\nauthors: [Max Mustermann, Jane Doe]\nslug: bridges-open\n---\nTraffic flows again across both bridges.\n',
      'articles/posts-second-post/fr.md':
        '---\ntitle: Les ponts rouvrent\ndate: 2024-01-05T00:00:00+01:00\nsummary: Les deux ponts sont de nouveau ouverts.\nauthors: [Max Mustermann]\n---\nLa circulation reprend sur les deux ponts.\n',
      'articles/posts-draft-post/en.md': '---\ntitle: Not yet\ndate: 2024-01-06T09:00:00+01:00\ndraft: true\n---\nWork in progress.\n',
    },
  },
  {
    generator: 'Jekyll',
    fixture: 'jekyll',
    edit: '_posts/2016-02-03-river-report.md',
    twin: {
      'polyfeed.config.yaml': config('authors: [River News]\n'),
      'articles/welcome-to-jekyll/en.md':
        "---\ntitle: Welcome to Jekyll!\ndate: 2015-11-17T16:16:01-06:00\nsummary: You'll find this post in your `_posts` directory.\ntags: [jekyll, update]\nslug: welcome-to-jekyll\n---\nYou'll find this post in your `_posts` directory. Go ahead and edit it and re-build the site to see your changes.\n",
      'articles/welcome-to-jekyll/fr.md':
        '---\ntitle: Bienvenue dans Jekyll !\ndate: 2015-11-17T16:16:01-06:00\nsummary: Vous trouverez cet article dans le dossier `_posts`.\ntags: [jekyll]\nslug: welcome-to-jekyll\n---\nVous trouverez cet article dans le dossier `_posts`. Modifiez-le et reconstruisez le site pour voir vos changements.\n',
      'articles/river-report/en.md': '---\ntitle: River report\ndate: 2016-02-03T00:00:00-06:00\nauthors: [Jane Doe]\ntags: [river, flood]\nslug: river-report\n---\nThe river is back within its banks.\n',
      'articles/hidden/en.md': '---\ntitle: Not published\ndate: 2016-02-04T00:00:00-06:00\ndraft: true\nslug: hidden\n---\nKept back.\n',
    },
  },
  {
    generator: 'Eleventy',
    fixture: 'eleventy',
    edit: 'content/blog/fifthpost/fifthpost.md',
    urls: [['/blog-firstpost/', '/blog/firstpost/'], ['/blog-fifthpost/', '/blog/fifthpost/']],
    twin: {
      'polyfeed.config.yaml': config('authors: [Example Blog]\n'),
      'articles/blog-firstpost/en.md':
        '---\ntitle: This is my first post.\nsummary: This is a post on My Blog about agile frameworks.\ndate: 2018-05-01T00:00:00+00:00\ntags: [another tag]\n---\nLeverage agile frameworks to provide a robust synopsis for high level overviews.\n',
      'articles/blog-fifthpost/en.md':
        '---\ntitle: This is my fifth post.\nsummary: This is a post on My Blog about touchpoints and circling wagons.\ndate: 2023-01-23T00:00:00+00:00\ntags: [second tag]\n---\nPodcasting operational change management inside of workflows to establish a framework.\n',
      'articles/blog-firstpost/fr.md':
        '---\ntitle: Mon premier article.\nsummary: Un article de mon blog sur les méthodes agiles.\ndate: 2018-05-01T00:00:00+00:00\ntags: [une étiquette]\n---\nTirer parti des méthodes agiles pour donner un aperçu solide.\n',
    },
  },
  {
    generator: 'Astro',
    fixture: 'astro',
    edit: 'src/content/blog/second-post.md',
    twin: {
      'polyfeed.config.yaml': config('authors: [Astro Blog]\n'),
      'articles/first-post/en.md':
        "---\ntitle: First post\nsummary: Lorem ipsum dolor sit amet\ndate: 2022-07-08T00:00:00+02:00\nimage: { src: 'https://images.example.org/blog-placeholder-3.jpg', alt: First post }\n---\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n",
      'articles/second-post/en.md':
        '---\ntitle: Second post\nsummary: Lorem ipsum dolor sit amet\ndate: 2022-07-15T00:00:00+02:00\nupdated: 2022-07-20T00:00:00+02:00\n---\nVitae ultricies leo integer malesuada nunc vel risus commodo.\n',
      'articles/first-post/fr.md':
        "---\ntitle: Premier article\nsummary: Lorem ipsum en français\ndate: 2022-07-09T00:00:00+02:00\nimage: { src: 'https://images.example.org/blog-placeholder-3.jpg', alt: Premier article }\n---\nLorem ipsum dolor sit amet, en français.\n",
    },
  },
  {
    generator: 'Docusaurus',
    fixture: 'docusaurus',
    edit: 'blog/2019-05-29-long-blog-post.md',
    twin: {
      'polyfeed.config.yaml': config('authors: [Docusaurus Blog]\n'),
      'static/img/social-card.jpg': readFileSync(join(fixtures, 'docusaurus/static/img/social-card.jpg')),
      'articles/first-blog-post/en.md':
        '---\ntitle: First notes from the river\ndate: 2019-05-28T00:00:00+00:00\nauthors: [jdoe, rsmith]\ntags: [rivers, weather]\nslug: first-blog-post\n---\n\nThe first gauge readings of the season are in.\n\n<!-- truncate -->\n\nBoth gauges stayed below the warning mark all week.\n',
      'articles/long-blog-post/en.md':
        '---\ntitle: A long walk along the bank\ndate: 2019-05-29T00:00:00+00:00\nsummary: Twelve kilometres of riverbank in one afternoon.\nauthors: [jdoe]\ntags: [rivers]\nslug: long-blog-post\n---\n\nWe walked the whole east bank from the weir to the old ferry.\n\n<!-- truncate -->\n\n## The weir\n\nThe water was low enough to see the stones.\n\n## The ferry\n\nThe landing stage has been repaired.\n',
      'articles/welcome/en.md':
        '---\ntitle: Welcome to River Notes\ndate: 2021-08-26T09:30:00+00:00\nauthors: [{ name: Ravi Smith, url: https://example.org/ravi }]\ntags: [rivers, News]\nimage: { src: /img/social-card.jpg, alt: Welcome to River Notes }\nslug: welcome\n---\n\nRiver Notes now has a blog, in English and in French.\n',
      'articles/welcome/fr.md':
        '---\ntitle: Bienvenue sur River Notes\ndate: 2021-08-26T09:30:00+00:00\nauthors: [{ name: Ravi Smith, url: https://example.org/ravi }]\ntags: [rivières]\nimage: { src: /img/social-card.jpg, alt: Bienvenue sur River Notes }\nslug: welcome\n---\n\nRiver Notes a maintenant un blog, en anglais et en français.\n',
      'articles/unlisted-post/en.md': '---\ntitle: Unlisted notes\ndate: 2021-09-02T00:00:00+00:00\nauthors: [jdoe]\ndraft: true\nslug: unlisted-post\n---\n\nReachable by its address, left out of lists and feeds.\n',
      'articles/draft-post/en.md': '---\ntitle: Draft notes\ndate: 2021-09-03T00:00:00+00:00\nauthors: [jdoe]\ndraft: true\nslug: draft-post\n---\n\nNot published yet.\n',
    },
  },
];

describe.each(cases)('$generator site, read where it lies', ({ generator, fixture, twin, urls = [], edit }) => {
  test('the README config builds it to the feeds of the same articles hand-converted, every format parsed back', () => {
    const site = generatorSite(fixture, { 'polyfeed.config.yaml': readmeConfig(generator) });
    // The hand-converted site names its feeds as the README's config does.
    const feedTexts = readmeConfig(generator).split('\n').filter((line) => /^(title|description|copyright):/.test(line)).join('\n');
    const converted = generatorSite(undefined, { ...twin, 'polyfeed.config.yaml': `${twin['polyfeed.config.yaml']}${feedTexts}\n` });
    build(site);
    build(converted);
    const toGenerator = (text: string) => urls.reduce((result, [from, to]) => result.replaceAll(from, to), text);
    for (const lang of ['en', 'fr']) {
      const fromSite = parsedFeeds(site, lang);
      expect(fromSite.json.length).toBeGreaterThan(0);
      expect(fromSite).toEqual(parsedFeeds(converted, lang, toGenerator));
    }
  });

  test('a second build with nothing changed is a no-op, and an edited file is read again', () => {
    const site = generatorSite(fixture, { 'polyfeed.config.yaml': readmeConfig(generator) });
    build(site);
    expect(build(site).stdout).toMatch(/^Nothing changed since the last build/);
    const path = join(site, edit);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: (.*)$/m, 'title: Edited headline'));
    const later = new Date(Date.now() + 5000);
    utimesSync(path, later, later);
    expect(build(site).stdout).toMatch(/1 of \d+ article files read/);
    expect(JSON.stringify(parsedFeeds(site, 'en').json)).toContain('Edited headline');
  });
});
