// Golden files of the combined feed (issue 15): the sample site (the repository root) built in memory with
// `combinedFeed: [rss, atom, json]` added to its config; mul/ compared byte for byte with
// combined-feed/expected/mul/, so a reviewer reads any change to it in the diff. The sample site's own
// config leaves the combined feed out, so the sample's golden files (sample-site/expected/) stay as they are.
// After a deliberate change: `npx vitest run tests/golden/combined-feed.test.ts -u`, then review and commit the diff.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { bodyText } from '../../src/model/output-file.js';
import { build } from '../../src/run/build-site.js';
import { repoRoot, sampleSiteFiles, sourcesOf } from '../helpers/site-fixture.js';

const here = dirname(fileURLToPath(import.meta.url));
const EXPECTED = join(here, 'combined-feed/expected');
const OUTPUTS = ['mul/rss.xml', 'mul/atom.xml', 'mul/feed.json'];
const config = `${readFileSync(join(repoRoot, 'polyfeed.config.yaml'), 'utf8')}combinedFeed: [rss, atom, json]\n`;
const result = build(sourcesOf({ ...sampleSiteFiles(), 'polyfeed.config.yaml': config }), { version: 'golden', now: new Date('2026-01-01T00:00:00Z') });
const outputs = new Map(result.files.map((file) => [file.path, bodyText(file.body)]));

describe('the combined feed of the sample site matches its golden files', () => {
  test('builds without problems', () => {
    expect(result.errors).toEqual([]);
  });

  test.each(OUTPUTS)('%s', async (path) => {
    await expect(outputs.get(path)).toMatchFileSnapshot(join(EXPECTED, path));
  });
});
