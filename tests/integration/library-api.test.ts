// The library and the CLI take one build path (issue #12): build() returns { files, errors }, each
// body a string or a lazy chunk sequence, and writeOutputs() publishes them; the bytes are the CLI's.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bodyText, build, readSources, writeOutputs } from '../../src/index.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, repoRoot, siteFiles, writeSite } from '../helpers/site-fixture.js';

const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version as string;

function asText(tree: Record<string, Buffer>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).map(([path, bytes]) => [path, bytes.toString('utf8')]));
}

describe('the library', () => {
  test('build() needs no options, and gives whole bodies for feeds of a few items', () => {
    const result = build(readSources(writeSite(siteFiles())));
    expect(result.errors).toEqual([]);
    expect(result.files.map((file) => file.path).sort()).toEqual(['ar/atom.xml', 'ar/feed.json', 'ar/rss.xml', 'en/atom.xml', 'en/feed.json', 'en/rss.xml']);
    expect(result.files.every((file) => typeof file.body === 'string')).toBe(true);
  });

  test.each([false, true])('build() then writeOutputs() writes the bytes `polyfeed build` writes (stream: %s)', (stream) => {
    const root = writeSite(siteFiles({ 'articles/first/ar.md': '---\ntitle: الأول\ndate: 2025-03-15T09:30:00+01:00\n---\nنص.\n' }));
    expect(runCli(['build', '--root', root, '--no-cache']).status).toBe(0);
    const result = build(readSources(root), { version, stream });
    expect(result.files.every((file) => typeof file.body === (stream ? 'function' : 'string'))).toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'polyfeed-library-'));
    const written = writeOutputs(out, result.files, { problems: result.errors });
    expect(written.errors).toEqual([]);
    expect(written.written).toHaveLength(6);
    expect(asText(readTree(out))).toEqual(asText(readTree(join(root, 'public'))));
  });

  test('lazy bodies read one after another give the same text as read side by side', () => {
    const sources = readSources(writeSite(siteFiles()));
    const lazy = build(sources, { stream: true });
    const whole = build(sources, { stream: false });
    expect(Object.fromEntries(lazy.files.map((file) => [file.path, bodyText(file.body)]))).toEqual(Object.fromEntries(whole.files.map((file) => [file.path, file.body])));
  });

  test('a problem met while a lazy body is made is in errors once it is read, and writeOutputs publishes nothing', () => {
    // A helper that does not exist fails only when an item is rendered: validation passes.
    const root = writeSite(siteFiles({ 'templates/item.hbs': '<div>\n<section>{{upper body}}</section>\n</div>\n' }));
    const result = build(readSources(root), { stream: true });
    const out = mkdtempSync(join(tmpdir(), 'polyfeed-library-'));
    const written = writeOutputs(out, result.files, { problems: result.errors });
    expect(written.written).toEqual([]);
    expect(result.errors.map((error) => [error.code, error.file, error.line])).toEqual([['TEMPLATE_RENDER', 'templates/item.hbs', 2]]);
    expect(readTree(out)).toEqual({});
  });
});
