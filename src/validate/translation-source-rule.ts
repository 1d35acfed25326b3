// Pure: a version's `translationOf` and the config's languages → the problem with it, if any.
import { makeError, type BuildError } from '../model/build-error.js';
import type { FrontMatter } from '../model/article-schema.js';

/**
 * `translationOf` names the language a version was translated from: one of the config's
 * languages, and never the version's own (a version is not its own source). The schema only
 * knows it is text; the config's languages are known here.
 */
export function translationSourceProblem(frontMatter: Pick<FrontMatter, 'translationOf'>, lang: string, languages: readonly string[]): BuildError | undefined {
  const source = frontMatter.translationOf;
  if (source === undefined) return undefined;
  const allowed = languages.filter((tag) => tag !== lang);
  if (allowed.includes(source)) return undefined;
  if (source === lang) return makeError('INVALID_VALUE', { kind: 'translation-of-itself', lang }, { path: ['translationOf'] });
  const field = { path: ['translationOf'], subject: 'front matter' as const };
  return makeError('INVALID_VALUE', { kind: 'not-allowed', field, value: source, allowed }, { path: ['translationOf'] });
}
