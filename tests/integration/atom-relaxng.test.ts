// The sample site's Atom feeds, validated by libxml2 (xmllint compiled to WebAssembly, from npm)
// against our own RELAX NG grammar for RFC 4287 (tests/fixtures/schemas/atom.rng), plus mutated
// copies that prove the grammar can reject a feed.
import { bodyText } from '../../src/model/output-file.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { beforeAll, describe, expect, test } from 'vitest';
import { build, type BuildResult } from '../../src/run/build-site.js';
import { readSources } from '../../src/load/read-sources.js';
import { repoRoot } from '../helpers/site-fixture.js';

const SCHEMA = readFileSync(join(repoRoot, 'tests/fixtures/schemas/atom.rng'), 'utf8');
const LANGUAGES = ['en', 'ar', 'fr', 'ja', 'pt-BR'];

interface LintResult {
  readonly valid: boolean;
  readonly output: string;
}

/** `xmllint --noout --relaxng atom.rng feed.xml`, in process. */
async function xmllint(xml: string): Promise<LintResult> {
  const run = await validateXML({ xml: [{ fileName: 'feed.xml', contents: xml }], schema: [{ fileName: 'atom.rng', contents: SCHEMA }], extension: 'relaxng' });
  return { valid: run.valid, output: run.rawOutput };
}

let result: BuildResult;
const atomFeed = (lang: string) => {
  const file = result.files.find((candidate) => candidate.path === `${lang}/atom.xml`);
  if (!file) throw new Error(`the build wrote no ${lang}/atom.xml`);
  return bodyText(file.body);
};

beforeAll(() => {
  result = build(readSources(repoRoot), { version: 'test' });
});

describe('Atom feeds against the RELAX NG grammar for RFC 4287', () => {
  test('the sample site builds one atom.xml per language', () => {
    expect(result.errors).toEqual([]);
    const atomPaths = result.files.map((file) => file.path).filter((path) => path.endsWith('/atom.xml'));
    expect(atomPaths.sort()).toEqual(LANGUAGES.map((lang) => `${lang}/atom.xml`).sort());
  });

  test.each(LANGUAGES)('%s/atom.xml validates', async (lang) => {
    const lint = await xmllint(atomFeed(lang));
    expect(lint.output).toContain('validates');
    expect(lint.valid, lint.output).toBe(true);
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
  test.each(NEGATIVE_CONTROLS)('%s', async (_name, apply) => {
    const lint = await xmllint(apply(atomFeed('en')));
    // "fails to validate": well-formed, schema compiled, document invalid (not a parse or schema error).
    expect(lint.output).toContain('fails to validate');
    expect(lint.valid).toBe(false);
  });
});
