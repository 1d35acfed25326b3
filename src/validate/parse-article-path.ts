// Pure: `articles/<key>/<lang>.md` → the article key and the language tag, or why not.
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import { codePointName } from '../model/find-control-characters.js';
import { canonicalLanguageTag } from '../model/language-tag.js';

export interface ArticlePath {
  readonly key: string;
  readonly lang: string;
}

/**
 * Folder names become URL segments, so they stay in a portable, URL-safe alphabet: letters (with
 * the combining marks that scripts such as Devanagari write them with), digits, "-" and "_".
 */
const ARTICLE_KEY = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}_-]*$/u;

/** The same name in Unicode NFC form (composed: "é" as one character), which URLs and most systems use. */
export function nfcForm(name: string): string {
  // Most keys are ASCII, which is always NFC.
  return /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFC');
}

/** An accent written as a separate combining character, as some systems (macOS) store names. */
function describeDecomposed(name: string): string {
  const mark = /\p{M}/u.exec(name);
  if (!mark || mark.index === 0) return 'its accents are separate combining characters';
  return `"${nfcForm(name.slice(mark.index - 1, mark.index + mark[0].length))}" is written as "${name[mark.index - 1]}" followed by the combining character ${codePointName(mark[0])}`;
}

function keyErrors(key: string, path: string): BuildError[] {
  const nfc = nfcForm(key);
  if (nfc !== key) {
    return [
      makeError('INVALID_ARTICLE_KEY', `The article folder name "${key}" is not in Unicode NFC form (${describeDecomposed(key)}); the folder name is the article's URL.`, {
        file: path,
        hint: `Rename the folder to the NFC form of the same name, "${nfc}" (the same letters, each accent composed with its letter).`,
      }),
    ];
  }
  if (!ARTICLE_KEY.test(key)) return [makeError('INVALID_ARTICLE_KEY', `The article folder name "${key}" has characters that do not belong in a URL.`, { file: path })];
  return [];
}

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
  errors.push(...keyErrors(key, path));
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
