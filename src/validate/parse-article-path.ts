// Pure: `articles/<key>/<lang>.md` → the article key and the language tag, or why not.
import type { BuildError } from '../errors/build-error.js';
import { makeError } from '../errors/error-catalogue.js';
import { canonicalLanguageTag } from './language-tag.js';

export interface ArticlePath {
  readonly key: string;
  readonly lang: string;
}

/** Folder names become URL segments, so they stay in a portable, URL-safe alphabet. */
const ARTICLE_KEY = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;

export function parseArticlePath(path: string): { value?: ArticlePath; errors: BuildError[] } {
  const parts = path.split('/');
  if (parts.length !== 3 || parts[0] !== 'articles') {
    return {
      errors: [
        makeError('INVALID_ARTICLE_KEY', 'Article files live exactly one folder below articles/: articles/<article-key>/<lang>.md.', {
          file: path,
          hint: 'Move the file into its own article folder, named after the article, e.g. articles/2025-03-flood/en.md.',
        }),
      ],
    };
  }
  const key = parts[1]!;
  const lang = parts[2]!.slice(0, -'.md'.length);
  const errors: BuildError[] = [];
  if (!ARTICLE_KEY.test(key)) {
    errors.push(makeError('INVALID_ARTICLE_KEY', `The article folder name "${key}" has characters that do not belong in a URL.`, { file: path }));
  }
  const canonical = canonicalLanguageTag(lang);
  if (canonical === undefined) {
    errors.push(makeError('INVALID_LANGUAGE_TAG', `The file name "${lang}.md" is not a BCP 47 language tag.`, { file: path }));
  } else if (canonical !== lang) {
    errors.push(
      makeError('INVALID_LANGUAGE_TAG', `The file name "${lang}.md" should be spelt "${canonical}.md".`, {
        file: path,
        hint: `Rename the file to ${canonical}.md.`,
      }),
    );
  }
  return errors.length > 0 ? { errors } : { value: { key, lang }, errors };
}
