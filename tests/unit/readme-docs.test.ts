// README.md documents every front-matter field, config setting and error code; these fail when the two drift apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { errorCodes } from '../../src/model/error-catalogue.js';
import { FrontMatterSchema } from '../../src/model/article-schema.js';
import { ConfigSchema } from '../../src/model/config-schema.js';
import { schemaTable } from '../helpers/schema-table.js';
import { repoRoot } from '../helpers/site-fixture.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const between = (marker: string) => readme.split(`<!-- ${marker}:start -->\n`)[1]!.split(`\n<!-- ${marker}:end -->`)[0];

describe('README.md', () => {
  test('its front-matter table is the one the schema gives', () => {
    expect(between('front-matter-fields')).toBe(schemaTable(FrontMatterSchema));
  });

  test('its config table is the one the schema gives', () => {
    expect(between('config-fields')).toBe(schemaTable(ConfigSchema));
  });

  test.each(errorCodes)('documents the error code %s', (code) => {
    expect(readme).toContain(`| \`${code}\` |`);
  });

  test('opens with the two quick-start commands', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split('\n');
    expect(block.slice(0, 2)).toEqual(['npm ci && npm run feeds', 'npm ci && npm test']);
  });
});
