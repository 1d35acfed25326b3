// I/O: lists and reads the sources of a site folder: config, locales and templates whole, articles listed with a reader for their bytes.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { articleFoldersOf, listArticleTree } from './list-article-tree.js';
import { readFolderEntries } from './read-folder-entries.js';
import { parseContentSetting } from './read-content-setting-parser.js';
import { mergeStaticFiles } from '../model/static-dir-rule.js';
import { staticFoldersOf } from './static-folders.js';
import { parseYamlFast } from './parse-yaml-fast.js';
import { CONFIG_FILE_NAME, STATIC_FOLDER } from './site-files.js';
import { readPackagedDefaults, type PackagedDefaults } from './read-packaged-defaults.js';
import { siteHelpersReader, type ReadSiteHelpers } from './read-site-helpers.js';

/** A file's bytes, as read, and its path relative to the site folder, with `/` separators. */
export interface SourceFile {
  /** Relative to the site folder, with `/` separators: `locales/en/feed.json`. */
  readonly path: string;
  /** The file's bytes, undecoded: validation decodes them and reports an encoding problem at its place. */
  readonly bytes: Uint8Array;
}

/**
 * I/O: an article file's bytes, read from the site folder each time it is called and not held
 * (undefined when the file is gone). The stages it is handed to do no other I/O.
 */
export type ReadArticleBytes = (path: string) => Uint8Array | undefined;

/** The small sources every article is validated and rendered with, read whole. */
export interface SettingSources {
  /** polyfeed.config.yaml; undefined when there is none (reported as CONFIG_NOT_FOUND). */
  readonly configFile: SourceFile | undefined;
  /** The labels: every `.json` file under locales/ (`locales/<lang>/*.json`). */
  readonly localeFiles: readonly SourceFile[];
  /** The Handlebars templates and partials: every `.hbs` file under templates/. */
  readonly templateFiles: readonly SourceFile[];
  /** Sizes in bytes of the files under static/ and staticDir, keyed by their path below their folder ("media/a.jpg"); see mergeStaticFiles. */
  readonly staticFiles: ReadonlyMap<string, number>;
  /** polyfeed's own templates and labels: a site's file of the same name, or label of the same key, takes their place. */
  readonly packaged: PackagedDefaults;
  /**
   * Loads the helpers module the config names (`helpers:`), when validation has read that name. A
   * function, so it is not sent to worker threads: each is handed its own reader of the site folder.
   */
  readonly readHelpers?: ReadSiteHelpers | undefined;
}

/** Everything a build reads, before any of it is interpreted. */
export interface SiteSources extends SettingSources {
  /** Site-relative paths of the article files, in any order. */
  readonly articlePaths: readonly string[];
  /** Every folder under articles/, to find article folders without any language file. */
  readonly articleFolders: readonly string[];
  /** Entries under articles/ that are reported instead of read (see listArticleTree). */
  readonly articleProblems?: readonly BuildError[];
  /**
   * Article files are the archive: tens of thousands of files, hundreds of MB. Their bytes are
   * read through this function when a stage needs them (validation once; rendering and error
   * reports again for the few that need it) and are never all held at once, so memory is bounded
   * by what is being written.
   */
  readonly readArticleBytes: ReadArticleBytes;
}

export { CONFIG_FILE_NAME, STATIC_FOLDER };

function listFiles(root: string, folder: string, accept: (name: string) => boolean): string[] {
  const paths: string[] = [];
  for (const entry of readFolderEntries(join(root, folder))) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) paths.push(...listFiles(root, path, accept));
    else if (entry.isFile() && accept(entry.name)) paths.push(path);
  }
  return paths.sort();
}

function readSource(root: string, path: string): SourceFile {
  return { path, bytes: readFileSync(join(root, path)) };
}

/** Reads article files under `root` when called: undefined for a file that is gone; any other failure throws what the file system reports. */
function articleFileReader(root: string): ReadArticleBytes {
  return (path) => {
    try {
      return readFileSync(join(root, path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
}

/** Reads the site folder `root`; articles are listed, and read later through `readArticleBytes`. Missing folders read as empty: the validate stages report them. */
export function readSources(root: string): SiteSources {
  const settings = readSettingSources(root);
  const content = parseContentSetting(settings.configFile?.bytes);
  const listing = listArticleTree(root, undefined, undefined, content);
  return {
    ...settings,
    articlePaths: listing.files,
    articleFolders: articleFoldersOf(listing, content),
    articleProblems: listing.problems ?? [],
    readArticleBytes: articleFileReader(root),
  };
}

/** Everything but the articles: the config, labels, templates and static file sizes, and polyfeed's packaged templates and labels (the CLI lists articles itself). */
export function readSettingSources(root: string): SettingSources {
  const configPath = join(root, CONFIG_FILE_NAME);
  const hasConfig = statSync(configPath, { throwIfNoEntry: false })?.isFile() ?? false;
  const configFile = hasConfig ? readSource(root, CONFIG_FILE_NAME) : undefined;
  return {
    configFile,
    localeFiles: listFiles(root, 'locales', (name) => name.endsWith('.json')).map((path) => readSource(root, path)),
    templateFiles: listFiles(root, 'templates', (name) => name.endsWith('.hbs')).map((path) => readSource(root, path)),
    staticFiles: mergeStaticFiles(
      staticFoldersOf(configFile?.bytes, (text) => parseYamlFast(text)?.data).map((folder) => listFiles(root, folder, () => true).map((path) => [path.slice(folder.length + 1), statSync(join(root, path)).size] as const)),
    ),
    packaged: readPackagedDefaults(),
    readHelpers: siteHelpersReader(root),
  };
}
