// npm run bench [-- --sizes 1000,10000,50000] [--runs 3] [--json FILE] [--every-item] [--archives | --archives-only] [--translations | --translations-only] [--precompress] [--skip-serve | --serve-only] [--serve-requests 20000]
// Builds synthetic sites through the real CLI in child processes and prints one row per scenario,
// then the preview server's figures (`polyfeed serve` on a copy of the smallest site).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSite } from './generate-site.mjs';
import { serveScenarios } from './serve-bench.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheRoot = join(repoRoot, '.bench-cache');
const GENERATOR_VERSION = '1';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    json: { type: 'string' },
    'every-item': { type: 'boolean', default: false },
    archives: { type: 'boolean', default: false },
    'archives-only': { type: 'boolean', default: false },
    translations: { type: 'boolean', default: false },
    'translations-only': { type: 'boolean', default: false },
    'skip-serve': { type: 'boolean', default: false },
    'serve-only': { type: 'boolean', default: false },
    'serve-requests': { type: 'string', default: '20000' },
    precompress: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
/** Every build is as of this time: the generated articles (five hours apart from 2015) are then all published, whatever the clock says. */
const NOW = ['--now', '2050-01-01T00:00:00Z'];
const runs = Math.max(1, Number(values.runs));

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function ensureSite(articles) {
  const folder = join(cacheRoot, `site-${articles}`);
  const marker = join(folder, '.generated');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== GENERATOR_VERSION) {
    process.stderr.write(`generating a site of ${articles} articles…\n`);
    generateSite({ folder, articles, repoRoot });
    writeFileSync(marker, GENERATOR_VERSION);
  }
  return folder;
}

function floor(mode, root) {
  const result = spawnSync(process.execPath, [join(repoRoot, 'bench/floors.mjs'), mode, root], { encoding: 'utf8' });
  return JSON.parse(result.stdout);
}

/** One CLI run in a child; wall time measured here, peak RSS reported by the child itself. */
function runCli(args) {
  const rusageFile = join(tmpdir(), `polyfeed-bench-${process.pid}.json`);
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', join(repoRoot, 'bench/rusage-reporter.cjs'), join(repoRoot, 'bin/polyfeed.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_RUSAGE_FILE: rusageFile, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`polyfeed ${args.join(' ')} exited ${result.status}:\n${result.stderr.slice(0, 2000)}`);
  const { maxRssKb } = JSON.parse(readFileSync(rusageFile, 'utf8'));
  rmSync(rusageFile, { force: true });
  const written = Number(/(\d+) written/.exec(result.stdout)?.[1] ?? 0);
  return { ms, maxRssMb: maxRssKb / 1024, written };
}

/** Runs a scenario `runs` times: `prepare` before each run (not timed), `restore` after. */
function scenario(name, { prepare = () => {}, restore = () => {}, args }) {
  const samples = [];
  for (let run = 0; run < runs; run++) {
    prepare(run);
    try {
      samples.push(runCli(args()));
    } finally {
      restore(run);
    }
  }
  return {
    scenario: name,
    medianMs: median(samples.map((sample) => sample.ms)),
    peakRssMb: Math.max(...samples.map((sample) => sample.maxRssMb)),
    written: median(samples.map((sample) => sample.written)),
  };
}

function appendToFile(path, text) {
  const original = readFileSync(path, 'utf8');
  return { change: (run) => writeFileSync(path, text(original, run)), restore: () => writeFileSync(path, original) };
}

/**
 * A copy of the site with `extraConfig` added to its config, built into its own `public/`: what a
 * scenario on a variant of the site runs on. `newArticle(run)` adds a new newest English article
 * (so it enters the current feeds), `editNewest` appends to the newest one; `remove` deletes the copy.
 */
function siteVariant(root, name, extraConfig) {
  const copy = mkdtempSync(join(tmpdir(), `polyfeed-bench-${name}-`));
  cpSync(root, copy, { recursive: true, filter: (source) => !source.includes('.polyfeed-cache') && !source.endsWith('published-ids.tsv') });
  const config = join(copy, 'polyfeed.config.yaml');
  writeFileSync(config, `${readFileSync(config, 'utf8')}${extraConfig}`);
  const out = join(copy, 'public');
  const newest = readdirSync(join(copy, 'articles')).sort().at(-1);
  return {
    copy,
    config,
    build: () => ['build', '--root', copy, '--out', out, ...NOW],
    clearOut: () => rmSync(out, { recursive: true, force: true }),
    newArticle: (run) => {
      const text = readFileSync(join(copy, 'articles', newest, 'en.md'), 'utf8').replace(/^date: .*$/m, `date: 2049-01-${String(run + 1).padStart(2, '0')}T00:00:00+00:00`);
      mkdirSync(join(copy, 'articles', `zz-new-${run}`));
      writeFileSync(join(copy, 'articles', `zz-new-${run}`, 'en.md'), text);
    },
    editNewest: appendToFile(join(copy, 'articles', newest, 'en.md'), (text, run) => `${text}\nEdited ${run}.\n`),
    remove: () => rmSync(copy, { recursive: true, force: true }),
  };
}

/**
 * RFC 5005 archives (archivePageSize: 100) on a copy of the site: a cold build, which renders
 * every item once (the current feeds and every archive page), then one new article a run (the
 * newest, so it enters the current feed and pushes one item into the newest page).
 */
function archiveScenarios(root) {
  const site = siteVariant(root, 'archives', 'archivePageSize: 100\n');
  try {
    return [
      { ...scenario('cold build, archives', { prepare: site.clearOut, args: () => [...site.build(), '--no-cache'] }), floor: 'read' },
      { ...scenario('new article, archives', { prepare: site.newArticle, args: site.build }), floor: 'stat' },
    ];
  } finally {
    site.remove();
  }
}

/**
 * Translations on a copy of the site: every other language falls back to English (`fallbacks`),
 * and a combined feed in every format (`mul/`). A cold build, a new English article (which every
 * language's feeds and the combined feed take), and the coverage report (every file read again).
 */
function translationScenarios(root) {
  const site = siteVariant(root, 'translations', 'fallbacks: { ar: en, fr: en, ja: en, de: en }\ncombinedFeed: [rss, atom, json]\n');
  try {
    return [
      { ...scenario('cold build, fallbacks', { prepare: site.clearOut, args: () => [...site.build(), '--no-cache'] }), floor: 'read' },
      { ...scenario('new article, fallbacks', { prepare: site.newArticle, args: site.build }), floor: 'stat' },
      { ...scenario('coverage, no cache', { args: () => ['coverage', '--root', site.copy, '--no-cache', ...NOW] }), floor: 'read' },
    ];
  } finally {
    site.remove();
  }
}

/**
 * `precompress: [gzip, brotli]` on a copy of the site: a cold build (every feed file compressed
 * twice), then one article changed a run (its language's feeds and their copies made again); with
 * --every-item, a cold build of feeds of every item too (the largest files a site compresses).
 */
function precompressScenarios(root) {
  const site = siteVariant(root, 'precompress', 'precompress: [gzip, brotli]\n');
  const everyItem = appendToFile(site.config, (text) => text.replace(/maxItems: \d+/, 'maxItems: 0'));
  const coldEveryItem = (run) => {
    everyItem.change(run);
    site.clearOut();
  };
  try {
    return [
      { ...scenario('cold build, precompress', { prepare: site.clearOut, args: () => [...site.build(), '--no-cache'] }), floor: 'read' },
      { ...scenario('one article, precompress', { prepare: site.editNewest.change, restore: site.editNewest.restore, args: site.build }), floor: 'stat' },
      ...(values['every-item'] ? [{ ...scenario('cold, every item, precomp.', { prepare: coldEveryItem, restore: everyItem.restore, args: () => [...site.build(), '--no-cache'] }), floor: 'read' }] : []),
    ];
  } finally {
    site.remove();
  }
}

const rows = [];
for (const articles of values['serve-only'] ? [] : sizes) {
  const root = ensureSite(articles);
  const readFloor = median(Array.from({ length: runs }, () => floor('read', root).ms));
  const statFloor = median(Array.from({ length: runs }, () => floor('stat', root).ms));
  const files = floor('stat', root).files;
  const out = mkdtempSync(join(tmpdir(), 'polyfeed-bench-out-'));
  const build = () => ['build', '--root', root, '--out', out, ...NOW];
  const coldBuild = () => [...build(), '--no-cache'];
  // The newest article, so the change reaches the feeds (the oldest would fall outside maxItems).
  const newest = `articles/story-${String(articles - 1).padStart(6, '0')}/en.md`;
  const article = appendToFile(join(root, newest), (text, run) => `${text}\nEdited ${run}.\n`);
  const label = appendToFile(join(root, 'locales/en/feed.json'), (text, run) => text.replace('"Read more"', `"Read more ${run}"`));
  // Visible text: the sanitizer drops an HTML comment, so a comment would change no feed.
  const template = appendToFile(join(root, 'templates/item.hbs'), (text, run) => `${text}<p>edit ${run}</p>\n`);
  // Every article file with a new modification time and the same bytes, as in a fresh clone that restored the cache folder.
  const articleFiles = readdirSync(join(root, 'articles'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.md'));
  const touchAll = (run) => {
    const seconds = 1_600_000_000 + run;
    for (const path of articleFiles) utimesSync(join(root, 'articles', path), seconds, seconds);
  };
  const results = [
    { ...scenario('cold build', { prepare: () => rmSync(out, { recursive: true, force: true }), args: coldBuild }), floor: 'read' },
    { ...scenario('no-op rebuild', { args: build }), floor: 'stat' },
    { ...scenario('one article changed', { prepare: article.change, restore: article.restore, args: build }), floor: 'stat' },
    // What --dry-run costs when one article changed: the build up to writing, its feeds made and hashed, nothing written.
    { ...scenario('dry run, one article', { prepare: article.change, restore: article.restore, args: () => [...build(), '--dry-run'] }), floor: 'stat' },
    { ...scenario('one label changed', { prepare: label.change, restore: label.restore, args: build }), floor: 'read' },
    { ...scenario('one template changed', { prepare: template.change, restore: template.restore, args: build }), floor: 'read' },
    { ...scenario('every file touched', { prepare: touchAll, args: build }), floor: 'read' },
    { ...scenario('check', { args: () => ['check', '--root', root, ...NOW] }), floor: 'read' },
    { ...scenario('check, no cache', { args: () => ['check', '--root', root, '--no-cache', ...NOW] }), floor: 'read' },
  ].filter(() => !values['archives-only'] && !values['translations-only']);
  if (values.archives || values['archives-only']) results.push(...archiveScenarios(root));
  if (values.translations || values['translations-only']) results.push(...translationScenarios(root));
  if (values.precompress) results.push(...precompressScenarios(root));
  if (values['every-item']) {
    // maxItems: 0 — every item of a language in its feeds, streamed; run once per size on request (slow).
    const everyItem = appendToFile(join(root, 'polyfeed.config.yaml'), (text) => text.replace(/maxItems: \d+/, 'maxItems: 0'));
    results.push({ ...scenario('cold build, every item', { prepare: (run) => { everyItem.change(run); rmSync(out, { recursive: true, force: true }); }, restore: everyItem.restore, args: coldBuild }), floor: 'read' });
  }
  rmSync(out, { recursive: true, force: true });
  for (const result of results) {
    const floorMs = result.floor === 'read' ? readFloor : statFloor;
    rows.push({ articles, files, ...result, articlesPerSecond: Math.round((articles / result.medianMs) * 1000), floorMs, timesFloor: result.medianMs / floorMs });
  }
  rows.push({ articles, files, scenario: 'read floor', medianMs: readFloor }, { articles, files, scenario: 'stat floor', medianMs: statFloor });
}

const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, runs };
const pad = (text, width) => String(text).padStart(width);
console.log(`polyfeed benchmark — ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, median of ${runs} runs`);
console.log(`${'articles'.padStart(8)} ${'files'.padStart(6)}  ${'scenario'.padEnd(22)} ${pad('median s', 9)} ${pad('art./s', 8)} ${pad('peak RSS', 9)} ${pad('× floor', 8)} ${pad('written', 8)}`);
for (const row of rows) {
  const isFloor = row.scenario.endsWith('floor');
  console.log(
    `${pad(row.articles, 8)} ${pad(row.files, 6)}  ${row.scenario.padEnd(22)} ${pad((row.medianMs / 1000).toFixed(2), 9)} ${pad(isFloor ? '' : row.articlesPerSecond, 8)} ${pad(isFloor ? '' : `${Math.round(row.peakRssMb)} MB`, 9)} ${pad(isFloor ? '' : `${row.timesFloor.toFixed(1)}× ${row.floor}`, 8)} ${pad(isFloor ? '' : row.written, 8)}`,
  );
}
let serve;
if (!values['skip-serve'] && !values['archives-only'] && !values['translations-only']) {
  const articles = Math.min(...sizes);
  serve = { articles, ...(await serveScenarios({ repoRoot, site: ensureSite(articles), now: NOW[1], total: Number(values['serve-requests']), concurrency: 200, saves: Math.max(3, runs) })) };
  const { conditionalGets: gets, saveToServed: save } = serve;
  console.log(`\npolyfeed serve — a site of ${articles} articles, on loopback`);
  console.log(`  conditional GETs (304), ${gets.concurrency} concurrent clients: ${gets.requests} in ${gets.seconds.toFixed(2)} s, ${Math.round(gets.perSecond)} a second`);
  console.log(`  article saved → new feed served: median ${Math.round(save.medianMs)} ms of ${save.saves} (the rebuild itself: median ${save.medianRebuildMs ?? '?'} ms; the watcher waits 100 ms for more changes)`);
}
if (values.json) {
  const text = JSON.stringify({ machine, rows, serve }, null, 2);
  if (values.json === '-') console.log(text);
  else writeFileSync(values.json, text);
}
