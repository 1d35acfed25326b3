// I/O: polyfeed.config.yaml alone, read and validated, for the commands that need the settings and no source (new, ping).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeError } from '../model/build-error.js';
import type { SiteConfig } from '../model/config-schema.js';
import { CONFIG_FILE_NAME } from '../load/read-sources.js';
import { decodeText } from '../load/decode-text.js';
import { validateConfig } from '../validate/validate-config.js';
import { ExitCode, type RunOutcome } from './run-outcome.js';

function readConfigFile(root: string): Uint8Array | undefined {
  try {
    return readFileSync(join(root, CONFIG_FILE_NAME));
  } catch {
    return undefined;
  }
}

/** The site's config, or the outcome that says why there is none (missing, not UTF-8, invalid: exit code 2). */
export function readConfigOnly(root: string): { readonly config: SiteConfig } | { readonly outcome: RunOutcome } {
  const bytes = readConfigFile(root);
  if (!bytes) {
    const problem = makeError('CONFIG_NOT_FOUND', { file: CONFIG_FILE_NAME }, { file: CONFIG_FILE_NAME });
    return { outcome: { kind: 'report', exitCode: ExitCode.usage, problems: [problem], ok: false } };
  }
  const configFile = { path: CONFIG_FILE_NAME, bytes };
  const sources = { configFile, localeFiles: [], templateFiles: [], staticFiles: new Map(), packaged: { templateFiles: [], localeFiles: [] } };
  const text = decodeText(configFile);
  if (text.value === undefined) return { outcome: { kind: 'report', exitCode: ExitCode.usage, problems: text.errors, sources, ok: false } };
  const config = validateConfig(text.value, CONFIG_FILE_NAME);
  if (!config.value) return { outcome: { kind: 'report', exitCode: ExitCode.usage, problems: config.errors, sources, ok: false } };
  return { config: config.value };
}
