// Test helper: a site folder made from a generator fixture (tests/fixtures/generators/<name>) or a file map, as it is (polyfeed's packaged templates and labels, the feed texts in the config); and the config README.md gives for each generator.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from './site-fixture.js';

/** The ```yaml block under "### <generator>" of README.md's "Coming from another generator"; undefined when there is none. */
export function readmeConfigOf(generator: string): string | undefined {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Coming from another generator'));
  const start = section.indexOf(`### ${generator}\n`);
  if (start === -1) return undefined;
  return /```yaml\n([\s\S]*?)```/.exec(section.slice(start))?.[1];
}

/** A copy of `files` (or of a fixture folder, `files` written over it) in a new temporary folder. */
export function generatorSite(fixture: string | undefined, files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'polyfeed-layouts-'));
  if (fixture) cpSync(join(repoRoot, 'tests/fixtures/generators', fixture), root, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
