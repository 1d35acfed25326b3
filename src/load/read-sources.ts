// I/O: lists and reads the sources of a site folder: config, locales and templates whole, articles listed with a reader for their bytes.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { articleFoldersOf, listArticleTree } from './list-article-tree.js';
import { readFolderEntries } from './read-folder-entries.js';
import { readPackagedDefaults, type PackagedDefaults } from './read-packaged-defaults.js';
import { siteHelpersReader, type ReadSiteHelpers } from './read-site-helpers.js';

/** A file's bytes, as read, and its path relative to the site folder, with `/` separators. */
export interface SourceFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * I/O: an article file's bytes, read from the site folder each time it is called and not held
 * (undefined when the file is gone). The stages it is handed to do no other I/O.
 */
export type ReadArticleBytes = (path: string) => Uint8Array | undefined;

/** The small sources every article is validated and rendered with, read whole. */
export interface SettingSources {
  readonly configFile: SourceFile | undefined;
  readonly localeFiles: readonly SourceFile[];
  readonly templateFiles: readonly SourceFile[];
  /** Sizes in bytes of the files under static/, keyed by their path below it ("media/a.jpg"). */
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

/** Files published as they are; images referenced by site path must be here. */
export const STATIC_FOLDER = 'static';

export const CONFIG_FILE_NAME = 'polyfeed.config.yaml';

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
  const listing = listArticleTree(root);
  return {
    ...readSettingSources(root),
    articlePaths: listing.files,
    articleFolders: articleFoldersOf(listing),
    articleProblems: listing.problems ?? [],
    readArticleBytes: articleFileReader(root),
  };
}

/** Everything but the articles: the config, labels, templates and static file sizes, and polyfeed's packaged templates and labels (the CLI lists articles itself). */
export function readSettingSources(root: string): SettingSources {
  const configPath = join(root, CONFIG_FILE_NAME);
  const hasConfig = statSync(configPath, { throwIfNoEntry: false })?.isFile() ?? false;
  return {
    configFile: hasConfig ? readSource(root, CONFIG_FILE_NAME) : undefined,
    localeFiles: listFiles(root, 'locales', (name) => name.endsWith('.json')).map((path) => readSource(root, path)),
    templateFiles: listFiles(root, 'templates', (name) => name.endsWith('.hbs')).map((path) => readSource(root, path)),
    staticFiles: new Map(
      listFiles(root, STATIC_FOLDER, () => true).map((path) => [path.slice(STATIC_FOLDER.length + 1), statSync(join(root, path)).size]),
    ),
    packaged: readPackagedDefaults(),
    readHelpers: siteHelpersReader(root),
  };
}
