// I/O: lists and reads every source of a site folder: config, articles, locales, templates.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { articleFoldersOf, listArticleTree } from './list-article-tree.js';
import { readFolderEntries } from './read-folder-entries.js';

/** A file's bytes and its path relative to the site folder, with `/` separators. */
export interface SourceFile {
  readonly path: string;
  /** For article files, read from disk each time it is asked for and not held (see readSources). */
  readonly bytes: Uint8Array;
}

/** Everything a build reads, before any of it is interpreted. */
export interface SiteSources {
  readonly configFile: SourceFile | undefined;
  readonly articleFiles: readonly SourceFile[];
  /** Every folder under articles/, to find article folders without any language file. */
  readonly articleFolders: readonly string[];
  /** Entries under articles/ that are reported instead of read (see listArticleTree). */
  readonly articleProblems?: readonly BuildError[];
  readonly localeFiles: readonly SourceFile[];
  readonly templateFiles: readonly SourceFile[];
  /** Sizes in bytes of the files under static/, keyed by their path below it ("media/a.jpg"). */
  readonly staticFiles: ReadonlyMap<string, number>;
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

/**
 * Article files are the archive: tens of thousands of files, hundreds of MB. Their bytes are read
 * when a stage asks for them (validation once; rendering and error reports again for the few that
 * need it) and are never all held at once, so memory is bounded by what is being written.
 */
export function lazySource(root: string, path: string): SourceFile {
  return {
    path,
    get bytes() {
      return readFileSync(join(root, path));
    },
  };
}

/** Reads the site folder `root`. Missing folders read as empty: the validate stages report them. */
export function readSources(root: string): SiteSources {
  const listing = listArticleTree(root);
  return {
    ...readSettingSources(root),
    articleFiles: listing.files.map((path) => lazySource(root, path)),
    articleFolders: articleFoldersOf(listing),
    articleProblems: listing.problems ?? [],
  };
}

/** Everything but the articles: the config, labels, templates and static file sizes (the CLI lists articles itself). */
export function readSettingSources(root: string): SiteSources {
  const configPath = join(root, CONFIG_FILE_NAME);
  const hasConfig = statSync(configPath, { throwIfNoEntry: false })?.isFile() ?? false;
  return {
    configFile: hasConfig ? readSource(root, CONFIG_FILE_NAME) : undefined,
    articleFiles: [],
    articleFolders: [],
    localeFiles: listFiles(root, 'locales', (name) => name.endsWith('.json')).map((path) => readSource(root, path)),
    templateFiles: listFiles(root, 'templates', (name) => name.endsWith('.hbs')).map((path) => readSource(root, path)),
    staticFiles: new Map(
      listFiles(root, STATIC_FOLDER, () => true).map((path) => [path.slice(STATIC_FOLDER.length + 1), statSync(join(root, path)).size]),
    ),
  };
}
