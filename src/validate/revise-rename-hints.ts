// Pure: problems + every article file's path → the same problems, with no hint to rename a file or folder onto one that exists.
import type { BuildError } from '../model/build-error.js';
import { errorHint, type CodedProblem } from '../model/error-catalogue.js';
import { canonicalLanguageTag } from '../model/language-tag.js';
import { nfcForm } from './parse-article-path.js';

/** A rename hint's target, and the problem as it reads when the target is taken; undefined when the hint proposes no rename. */
interface Rename {
  readonly kind: 'file' | 'folder';
  readonly to: string;
  readonly whenTaken: CodedProblem<'INVALID_ARTICLE_KEY' | 'INVALID_LANGUAGE_TAG'>;
}

/** Where a rename hint would move `articles/<key>/<lang>.md`, or undefined when it proposes none. */
function renameOf(error: BuildError): Rename | undefined {
  const parts = error.file?.split('/');
  if (parts?.length !== 3 || parts[0] !== 'articles') return undefined;
  const [, key, file] = parts as [string, string, string];
  if (error.code === 'INVALID_ARTICLE_KEY' && nfcForm(key) !== key) {
    return { kind: 'folder', to: `articles/${nfcForm(key)}/`, whenTaken: { code: error.code, params: { kind: 'not-nfc', key, composedExists: true } } };
  }
  if (error.code !== 'INVALID_LANGUAGE_TAG') return undefined;
  const name = file.slice(0, -'.md'.length);
  const canonical = canonicalLanguageTag(name);
  if (canonical === undefined || canonical === name) return undefined;
  const params = { kind: 'file-spelling', folder: `articles/${key}`, name, canonical, canonicalExists: true } as const;
  return { kind: 'file', to: `articles/${key}/${canonical}.md`, whenTaken: { code: error.code, params } };
}

/**
 * "Rename EN.md to en.md" beside an existing en.md (or a decomposed "café" folder beside the
 * composed one) would overwrite a version: the hint says both exist instead.
 */
export function reviseRenameHints(errors: readonly BuildError[], articlePaths: readonly string[]): BuildError[] {
  let existing: { files: Set<string>; folders: Set<string> } | undefined;
  return errors.map((error) => {
    const rename = renameOf(error);
    if (!rename) return error;
    existing ??= { files: new Set(articlePaths), folders: new Set(articlePaths.map((path) => path.slice(0, path.lastIndexOf('/') + 1))) };
    const taken = rename.kind === 'file' ? existing.files.has(rename.to) : existing.folders.has(rename.to);
    return taken ? { ...error, hint: errorHint(rename.whenTaken.code, rename.whenTaken.params) } : error;
  });
}
