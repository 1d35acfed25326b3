// Pure: problems + every article file's path → the same problems, with no hint to rename a file or folder onto one that exists.
import type { BuildError } from '../model/build-error.js';
import { canonicalLanguageTag } from '../model/language-tag.js';
import { nfcForm } from './parse-article-path.js';

/** Where a rename hint would move `articles/<key>/<lang>.md`, or undefined when it proposes none. */
function renameTarget(error: BuildError): { kind: 'file' | 'folder'; from: string; to: string } | undefined {
  const parts = error.file?.split('/');
  if (parts?.length !== 3 || parts[0] !== 'articles') return undefined;
  const [, key, name] = parts as [string, string, string];
  if (error.code === 'INVALID_ARTICLE_KEY' && nfcForm(key) !== key) return { kind: 'folder', from: `articles/${key}/`, to: `articles/${nfcForm(key)}/` };
  if (error.code !== 'INVALID_LANGUAGE_TAG') return undefined;
  const canonical = canonicalLanguageTag(name.slice(0, -'.md'.length));
  const to = `articles/${key}/${canonical}.md`;
  return canonical === undefined || to === error.file ? undefined : { kind: 'file', from: error.file!, to };
}

/**
 * "Rename EN.md to en.md" beside an existing en.md (or a decomposed "café" folder beside the
 * composed one) would overwrite a version: the hint says both exist instead.
 */
export function reviseRenameHints(errors: readonly BuildError[], articlePaths: readonly string[]): BuildError[] {
  let existing: { files: Set<string>; folders: Set<string> } | undefined;
  return errors.map((error) => {
    const target = renameTarget(error);
    if (!target) return error;
    existing ??= { files: new Set(articlePaths), folders: new Set(articlePaths.map((path) => path.slice(0, path.lastIndexOf('/') + 1))) };
    if (target.kind === 'file' && existing.files.has(target.to)) {
      return { ...error, hint: `${target.to} exists too, so renaming would overwrite it: keep one version of the text in ${target.to}, then delete ${target.from}.` };
    }
    if (target.kind === 'folder' && existing.folders.has(target.to)) {
      return { ...error, hint: `The folder ${target.to} exists too (the same name, composed): move the files worth keeping into it, then delete ${target.from}.` };
    }
    return error;
  });
}
