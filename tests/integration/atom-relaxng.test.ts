// The sample site's Atom feeds, validated by xmllint against our own RELAX NG grammar for RFC 4287
// (tests/fixtures/schemas/atom.rng), plus mutated copies that prove the grammar can reject a feed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { readSources } from '../../src/load/read-sources.js';
import { repoRoot } from '../helpers/site-fixture.js';

const SCHEMA = 'tests/fixtures/schemas/atom.rng';
const LANGUAGES = ['en', 'ar', 'fr', 'ja', 'pt-BR'];
/** xmllint's exit status for "the document does not validate" (5 would mean the schema itself failed to compile). */
const XMLLINT_INVALID = 3;

interface LintResult {
  readonly status: number | null;
  readonly output: string;
}

/** Runs `xmllint --noout --relaxng atom.rng <file>`; fails loudly (never skips) when xmllint is missing. */
function xmllint(file: string): LintResult {
  const run = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, file], { cwd: repoRoot, encoding: 'utf8' });
  if (run.error) {
    const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? 'xmllint is not installed or not on PATH. This test needs it and does not skip: install libxml2-utils (e.g. `apt-get install libxml2-utils`).'
        : `could not run xmllint: ${run.error.message}`,
    );
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

let result: BuildResult;
let workDir: string;
const atomFeed = (lang: string) => {
  const file = result.files.find((candidate) => candidate.path === `${lang}/atom.xml`);
  if (!file) throw new Error(`the build wrote no ${lang}/atom.xml`);
  return file.contents;
};
const writeTemp = (relativePath: string, contents: string) => {
  const path = join(workDir, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents, 'utf8');
  return path;
};

beforeAll(() => {
  result = build(readSources(repoRoot), { version: 'test' });
  workDir = mkdtempSync(join(tmpdir(), 'polyfeed-atom-rng-'));
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('Atom feeds against the RELAX NG grammar for RFC 4287', () => {
  test('xmllint is available (CI installs libxml2-utils)', () => {
    const run = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
    expect(run.error, 'xmllint is not installed or not on PATH: install libxml2-utils').toBeUndefined();
  });

  test('the sample site builds one atom.xml per language', () => {
    expect(result.errors).toEqual([]);
    const atomPaths = result.files.map((file) => file.path).filter((path) => path.endsWith('/atom.xml'));
    expect(atomPaths.sort()).toEqual(LANGUAGES.map((lang) => `${lang}/atom.xml`).sort());
  });

  test.each(LANGUAGES)('%s/atom.xml validates', (lang) => {
    const path = writeTemp(`valid/${lang}/atom.xml`, atomFeed(lang));
    const lint = xmllint(path);
    expect(lint.output).toContain('validates');
    expect(lint.status, lint.output).toBe(0);
  });
});

/** Applies one regex replacement, insisting that it matched, so a control can never pass on an unchanged feed. */
function mutate(xml: string, pattern: RegExp, replacement: string): string {
  expect(xml, `mutation ${pattern} found nothing to change`).toMatch(pattern);
  const changed = xml.replace(pattern, replacement);
  expect(changed).not.toBe(xml);
  return changed;
}

/** Inserts markup right after the first opening tag of `element` (e.g. the first <entry>). */
const insertAfterOpening = (xml: string, element: string, markup: string) =>
  mutate(xml, new RegExp(`<${element}\\b[^>]*>`), `$&${markup}`);

const NEGATIVE_CONTROLS: Array<[string, (xml: string) => string]> = [
  // RFC 4287 4.1.2: an entry MUST contain exactly one atom:id.
  ['an entry without <id>', (xml) => mutate(xml, /(<entry\b[^>]*>[\s\S]*?)<id>[^<]*<\/id>/, '$1')],
  // RFC 4287 3.3: Date constructs are RFC 3339 date-times.
  ['<updated> that says "yesterday"', (xml) => mutate(xml, /<updated>[^<]*<\/updated>/, '<updated>yesterday</updated>')],
  // RFC 4287 4.2.2.1: atom:category MUST have a term attribute.
  ['a category without its term attribute', (xml) => mutate(xml, /(<category\b[^>]*?)\s+term="[^"]*"/, '$1')],
  // RFC 4287 6.2/6.4: only elements outside the Atom namespace may extend an entry.
  ['an unknown Atom-namespace element in an entry', (xml) => insertAfterOpening(xml, 'entry', '<mood>cheerful</mood>')],
  // RFC 4287 4.1.1: a feed MUST contain exactly one atom:title.
  ['a feed with two <title>s', (xml) => insertAfterOpening(xml, 'feed', '<title type="text">A second title</title>')],
];

describe('negative controls: mutated copies of en/atom.xml must be rejected', () => {
  test.each(NEGATIVE_CONTROLS)('%s', (name, apply) => {
    const original = atomFeed('en');
    const broken = apply(original);
    const path = writeTemp(`invalid/${name.replace(/[^A-Za-z0-9]+/g, '-')}.xml`, broken);
    const lint = xmllint(path);
    // Exit 3 and "fails to validate": well-formed, schema compiled, document invalid (not a parse or schema error).
    expect(lint.output).toContain('fails to validate');
    expect(lint.status, lint.output).toBe(XMLLINT_INVALID);
  });
});
