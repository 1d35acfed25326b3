// Issue 14: the package as npm publishes it (npm pack) installs into an empty project without the
// network and without a build step, and its CLI starts a site and builds it from polyfeed's
// packaged templates and labels. Dependencies come from the npm cache that `npm ci` filled.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseAtomFeed, parseJsonFeed } from 'feedsmith';
import { readTree, repoRoot } from '../helpers/site-fixture.js';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment without npm's own variables: when the tests run under `npm test`, they would steer the npm run here. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

function run(command: string, args: string[], cwd: string): Run {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...cleanEnvironment(), NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Lock {
  readonly packages: Record<string, { readonly dev?: boolean; readonly devOptional?: boolean }>;
}

/**
 * The lock file of a project that depends on the packed tarball: polyfeed's runtime dependencies
 * exactly as this repository's lock file pins them. With it, `npm ci --offline` takes every
 * package from the cache by its integrity, as `npm ci` left it; without it, npm would ask the
 * registry for package documents (which `npm ci` does not cache) to resolve versions.
 */
function lockFor(tarball: string): object {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as Lock;
  const runtime = Object.entries(lock.packages).filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional);
  const polyfeed = { version: manifest.version, resolved: `file:${tarball}`, license: manifest.license, dependencies: manifest.dependencies, bin: manifest.bin, engines: manifest.engines };
  return {
    name: 'polyfeed-user',
    lockfileVersion: 3,
    requires: true,
    packages: { '': { dependencies: { polyfeed: `file:${tarball}` } }, 'node_modules/polyfeed': polyfeed, ...Object.fromEntries(runtime) },
  };
}

describe('the npm package', { timeout: 180_000 }, () => {
  let folder: string;
  let packedFiles: string[];
  let install: Run;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'polyfeed-packaging-'));
    // --ignore-scripts: `prepare` would compile dist/ again under the other tests' feet; the global setup compiled it.
    const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], repoRoot);
    expect(pack.status, pack.stderr).toBe(0);
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    packedFiles = packed!.files.map((file) => file.path);
    const project = join(folder, 'project');
    mkdirSync(project);
    const tarball = `../${packed!.filename}`;
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'polyfeed-user', private: true, dependencies: { polyfeed: `file:${tarball}` } }, null, 2)}\n`);
    writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify(lockFor(tarball), null, 2)}\n`);
    install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], project);
  }, 180_000);

  test('holds the launcher, the compiled code and the packaged templates and labels, and no sources or tests', () => {
    for (const path of ['bin/polyfeed.js', 'dist/bundle/cli.js', 'dist/index.js', 'defaults/templates/item.hbs', 'defaults/templates/partials/byline.hbs']) expect(packedFiles).toContain(path);
    for (const lang of ['en', 'ar', 'de', 'es', 'fr', 'ja', 'pt-BR', 'zh-Hans']) expect(packedFiles).toContain(`defaults/locales/${lang}/feed.json`);
    expect(packedFiles.filter((path) => /^(src|tests|bench|articles|locales|templates)\//.test(path))).toEqual([]);
  });

  test('installs without the network, with no warning and no install script', () => {
    expect(install.status, install.stderr).toBe(0);
    expect(`${install.stdout}\n${install.stderr}`).not.toMatch(/warn|ERR!|install script|prepare/i);
  });

  test('its CLI starts a site with init and builds it: the feeds parse back, in each language, from the packaged labels', () => {
    const project = join(folder, 'project');
    const cli = (args: string[]) => run(process.execPath, [join(project, 'node_modules/polyfeed/bin/polyfeed.js'), ...args], project);
    const init = cli(['init', 'site', '--languages', 'en,es', '--now', '2026-03-14T09:30:00+01:00']);
    expect(init.status, init.stderr).toBe(0);
    const build = cli(['build', '--root', 'site']);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toBe('');
    expect(cli(['check', '--root', 'site', '--strict']).status).toBe(0);
    const feeds = readTree(join(project, 'site/public'));
    const spanish = parseJsonFeed(JSON.parse(feeds['es/feed.json']!.toString()));
    expect(spanish.language).toBe('es');
    expect(spanish.items?.[0]?.title).toBe('Bienvenida');
    expect(spanish.items?.[0]?.content_html).toContain('Seguir leyendo');
    expect(parseAtomFeed(feeds['en/atom.xml']!.toString()).entries?.[0]?.title).toMatchObject({ value: 'Welcome' });
  });

  test('the installed library finds its packaged templates too', () => {
    const project = join(folder, 'project');
    expect(run(process.execPath, [join(project, 'node_modules/polyfeed/bin/polyfeed.js'), 'init', 'library-site', '--languages', 'en,zh-Hans'], project).status).toBe(0);
    const script = "import { build, readSources } from 'polyfeed'; const r = build(readSources('library-site')); console.log(JSON.stringify({ errors: r.errors.length, files: r.files.length }));";
    const library = run(process.execPath, ['--input-type=module', '-e', script], project);
    expect(library.status, library.stderr).toBe(0);
    // Two languages' three feeds, and the pages for people (init sets subscribePage), from the packaged templates.
    expect(JSON.parse(library.stdout)).toEqual({ errors: 0, files: 9 });
  });
});
