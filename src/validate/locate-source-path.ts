// Pure: the path of a file in another generator's layout → its article key and language (with what the path says), or why it cannot be one.
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { SiteConfig } from '../model/config-schema.js';
import { parseSourcePath, type SourcePath } from '../model/source-path.js';
import { keyErrors } from './parse-article-path.js';

/** The key and language of a foreign layout's file, and the rest its path says. */
export interface LocatedSourcePath {
  readonly key: string;
  readonly lang: string;
  readonly sourcePath: SourcePath;
}

/** Each part of the key (the path without its language) must make a URL segment, as a polyfeed folder name must. */
export function locateSourcePath(path: string, config: Pick<SiteConfig, 'content' | 'languages' | 'defaultLanguage'>): { value?: LocatedSourcePath; errors: BuildError[] } {
  const sourcePath = parseSourcePath(path, config);
  if (!sourcePath) return { errors: [makeError('INVALID_ARTICLE_KEY', { kind: 'not-one-folder-deep' }, { file: path })] };
  const errors = sourcePath.key.split('/').flatMap((segment) => keyErrors(segment, path));
  return errors.length > 0 ? { errors } : { value: { key: sourcePath.key, lang: sourcePath.lang, sourcePath }, errors };
}
