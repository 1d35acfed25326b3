// Pure: `articles/<key>/<lang>.md` → the article key and the language tag, or why not.
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
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

export function keyErrors(key: string, path: string): BuildError[] {
  if (nfcForm(key) !== key) return [makeError('INVALID_ARTICLE_KEY', { kind: 'not-nfc', key }, { file: path })];
  if (!ARTICLE_KEY.test(key)) return [makeError('INVALID_ARTICLE_KEY', { kind: 'not-url-safe', key }, { file: path })];
  return [];
}

export function parseArticlePath(path: string): { value?: ArticlePath; errors: BuildError[] } {
  const parts = path.split('/');
  if (parts.length !== 3 || parts[0] !== 'articles') {
    return { errors: [makeError('INVALID_ARTICLE_KEY', { kind: 'not-one-folder-deep' }, { file: path })] };
  }
  const key = parts[1]!;
  const lang = parts[2]!.slice(0, -'.md'.length);
  const errors: BuildError[] = [];
  errors.push(...keyErrors(key, path));
  const canonical = canonicalLanguageTag(lang);
  if (canonical === undefined) {
    errors.push(makeError('INVALID_LANGUAGE_TAG', { kind: 'file-not-a-tag', folder: `articles/${key}`, name: lang }, { file: path }));
  } else if (canonical !== lang) {
    errors.push(makeError('INVALID_LANGUAGE_TAG', { kind: 'file-spelling', folder: `articles/${key}`, name: lang, canonical }, { file: path }));
  }
  return errors.length > 0 ? { errors } : { value: { key, lang }, errors };
}
