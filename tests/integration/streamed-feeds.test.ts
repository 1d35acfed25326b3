// Feeds of every item (maxItems: 0) are streamed: byte for byte what the whole-feed path writes,
// and a problem met halfway leaves every published feed as it was.
import { bodyText } from '../../src/model/output-file.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build, type BuildResult } from '../../src/run/build-site.js';
import { readSources } from '../../src/load/read-sources.js';
import { generateArticles } from '../helpers/generate-articles.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, repoRoot, siteFiles, writeSite } from '../helpers/site-fixture.js';

/** Every output of a build as whole files, in memory. */
function collect(result: BuildResult): Record<string, string> {
  const files = Object.fromEntries(result.files.map((file) => [file.path, bodyText(file.body)]));
  expect(result.errors).toEqual([]);
  return files;
}

describe('streamed feeds', () => {
  test.each([0, 2, 50])('equal the whole feeds for the sample site with maxItems %i', (maxItems) => {
    const sample = Object.entries(readTree(repoRoot)).filter(([path]) => /^(articles|locales|templates|static)\//.test(path) || path === 'polyfeed.config.yaml');
    const root = writeSite(Object.fromEntries(sample));
    const config = readTree(root)['polyfeed.config.yaml']!.toString().replace(/maxItems: \d+/, `maxItems: ${maxItems}`);
    writeFileSync(join(root, 'polyfeed.config.yaml'), config);
    const whole = build(readSources(root), { version: 'test', stream: false });
    const streamed = build(readSources(root), { version: 'test', stream: true });
    expect(whole.errors).toEqual([]);
    expect(streamed.files.every((file) => typeof file.body === 'function')).toBe(true);
    expect(whole.files.every((file) => typeof file.body === 'string')).toBe(true);
    expect(collect(streamed)).toEqual(collect(whole));
  });

  test('maxItems: 0 puts every item in, through the CLI, in batches', () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': 'baseUrl: https://example.org/\nlanguages: [en, ar]\ndefaultLanguage: en\nauthors: [Desk]\nmaxItems: 0\n', ...generateArticles(230, 'v') }));
    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(0);
    const feed = JSON.parse(readTree(join(root, 'public'))['en/feed.json']!.toString());
    expect(feed.items).toHaveLength(231);
  });

  test('a template problem met halfway through a stream publishes nothing', () => {
    // The newest item has an image, so check passes; an older one has none, and this template reads image.alt unguarded.
    const item = siteFiles()['templates/item.hbs']!.replace('{{body}}', '{{body}}<p>{{image.alt}}</p>');
    const withImage = '---\ntitle: New\ndate: 2025-05-01T00:00:00Z\nimage: { src: "https://cdn.example.org/a.jpg", alt: A }\n---\nNew.\n';
    const files = siteFiles({ 'polyfeed.config.yaml': 'baseUrl: https://example.org/\nlanguages: [en, ar]\ndefaultLanguage: en\nauthors: [Desk]\nmaxItems: 0\n', 'articles/new/en.md': withImage });
    const root = writeSite(files);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const before = readTree(join(root, 'public'));
    writeFileSync(join(root, 'templates/item.hbs'), item);
    writeFileSync(join(root, 'articles/new/en.md'), withImage.replace('New.', 'Newer.'));
    expect(runCli(['check', '--root', root]).status).toBe(0);
    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('TEMPLATE_RENDER');
    expect(readTree(join(root, 'public'))).toEqual(before);
  });
});
