// The no-op rebuild is fast because the CLI decides "nothing changed" before it loads the pipeline:
// the modules it loads up front must not pull in the parsers and schemas (zod, yaml, markdown-it, …).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from '../helpers/site-fixture.js';

const bundle = join(repoRoot, 'dist/bundle');

/** Every chunk the CLI's entry imports statically, followed through the chunks it imports. */
function staticChunks(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const text = readFileSync(join(bundle, name), 'utf8');
    seen.set(name, text);
    for (const match of text.matchAll(/^\s*(?:import\s[^;]*?from\s*)?"\.\/([^"]+\.js)";?$/gm)) visit(match[1]!);
  };
  visit(entry);
  return seen;
}

test('the CLI loads no parser, schema or renderer before it knows whether anything changed', () => {
  const chunks = staticChunks('cli.js');
  expect(chunks.size).toBeGreaterThan(1);
  const heavy = ['zod', 'yaml', 'js-yaml', 'markdown-it', 'sanitize-html', 'handlebars', 'i18next', 'feed', 'htmlparser2'];
  const loaded = [...chunks.values()].flatMap((text) => heavy.filter((name) => text.includes(`// node_modules/${name}/`)));
  expect([...new Set(loaded)]).toEqual([]);
});
