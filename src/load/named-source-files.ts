// Pure (with the sources' article reader): a run's problems and sources → the bytes of the files the problems name, in a form a thread can post.
import type { BuildError } from '../model/build-error.js';
import type { SettingSources, SiteSources, SourceFile } from './read-sources.js';

/** The source files a run's problems name, whole: what its report's code frames are made from when the sources themselves stay in another thread. */
export interface NamedSourceFiles {
  /** Each file a problem names, once, with its bytes as the run read them. */
  readonly namedFiles: readonly SourceFile[];
}

/** The files `problems` name, from `sources` (settings as read, article files read again through the reader). */
export function namedSourceFiles(problems: readonly BuildError[], sources: SettingSources | SiteSources | undefined): NamedSourceFiles {
  if (!sources) return { namedFiles: [] };
  const named = new Set(problems.map((problem) => problem.file).filter((file): file is string => file !== undefined));
  const { packaged } = sources;
  const settings = [...sources.localeFiles, ...sources.templateFiles, ...packaged.localeFiles, ...packaged.templateFiles, ...(sources.configFile ? [sources.configFile] : [])];
  const namedFiles: SourceFile[] = settings.filter((file) => named.delete(file.path));
  if ('readArticleBytes' in sources) {
    const articlePaths = new Set(sources.articlePaths);
    for (const path of named) {
      const bytes = articlePaths.has(path) ? sources.readArticleBytes(path) : undefined;
      if (bytes) namedFiles.push({ path, bytes });
    }
  }
  return { namedFiles };
}
