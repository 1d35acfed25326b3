// I/O: the site folder's config → the paths a preview server watches (the config, the content folders, locales/, templates/, the static folders, the helpers module, published-ids.tsv) and its outDir.
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { contentFoldersOf } from '../model/content-folders.js';
import { parseContentSetting } from './read-content-setting-parser.js';
import { parseYamlFast } from './parse-yaml-fast.js';
import { staticFoldersOf } from './static-folders.js';
import { CONFIG_FILE_NAME } from './site-files.js';
import { PUBLISHED_IDS_FILE } from './read-published-ids.js';

/** A string setting of the config, read before the config is validated; undefined when it is not a string (or the config cannot be read). */
function stringSettingOf(configBytes: Uint8Array | undefined, name: string): string | undefined {
  if (!configBytes) return undefined;
  const data = parseYamlFast(Buffer.from(configBytes).toString('utf8'))?.data;
  const value = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** What a preview server watches, and the output folder it serves while no build has said it. */
export interface WatchedSources {
  /** Relative to the site folder. */
  readonly sources: readonly string[];
  /** The config's outDir ("public" when it names none), relative to the site folder. */
  readonly outDir: string;
}

/**
 * Every source a build reads, as paths relative to the site folder, read from the config as it is
 * now (a config that names another content folder or helpers module changes the list). A path may
 * not exist yet: a watcher sees it made. The output folder and `.polyfeed-cache/` are not sources.
 */
export function readWatchedSources(root: string): WatchedSources {
  let configBytes: Uint8Array | undefined;
  try {
    configBytes = readFileSync(join(root, CONFIG_FILE_NAME));
  } catch {
    configBytes = undefined;
  }
  const staticFolders = staticFoldersOf(configBytes, (text) => parseYamlFast(text)?.data);
  const helpersSetting = stringSettingOf(configBytes, 'helpers');
  const helpers = helpersSetting && relative(root, isAbsolute(helpersSetting) ? helpersSetting : join(root, helpersSetting));
  const paths = [CONFIG_FILE_NAME, PUBLISHED_IDS_FILE, 'locales', 'templates', ...contentFoldersOf(parseContentSetting(configBytes)), ...staticFolders, ...(helpers ? [helpers] : [])];
  return { sources: [...new Set(paths)], outDir: stringSettingOf(configBytes, 'outDir') ?? 'public' };
}
