// Pure: each language's label trees (the site's own, polyfeed's packaged ones) and the keys a build uses → which keys the site does not translate itself, and which no one does.
import type { LabelTree } from './labels-of-language.js';
import { flattenKeys } from './flatten-keys.js';

/** The labels of one language that the site's own files (and the config's feed texts) do not give. */
export interface LabelCoverage {
  readonly lang: string;
  /** Keys taken from polyfeed's packaged labels: the site does not word them itself. */
  readonly packaged: readonly string[];
  /** Keys neither the site nor polyfeed gives in the language, taken from a language of its `labelFallbacks` chain (`from`). */
  readonly fallback: readonly { readonly key: string; readonly from: string }[];
  /** Keys neither the site nor polyfeed gives, nor a fallback: a build fails on them (LOCALE_MISSING_KEY). */
  readonly missing: readonly string[];
}

export interface LabelCoverageInput {
  /** The config's languages, in its order. */
  readonly languages: readonly string[];
  /** Keys the code and templates use, plus those of the default language's labels (the keys every language must have). */
  readonly keys: readonly string[];
  /** The site's own labels of a language: its `locales/<lang>/feed.json` laid over the config's feed texts. */
  readonly siteLabels: (lang: string) => LabelTree | undefined;
  /** polyfeed's packaged labels of a language. */
  readonly packagedLabels: (lang: string) => LabelTree | undefined;
  /** The languages whose labels fill those a language lacks (config `labelFallbacks`), in order; none when not given. */
  readonly labelFallbackChain?: (lang: string) => readonly string[];
  /** Keys only some languages need, besides `keys` (the fallback note, in the languages with a fallback chain). */
  readonly languageKeys?: (lang: string) => readonly string[];
}

/**
 * Per language, the keys the site leaves to polyfeed and the keys nobody gives, each sorted. A
 * plural label counts as given when any of its forms is (a missing form is check's to report).
 */
export function coverageOfLabels(input: LabelCoverageInput): LabelCoverage[] {
  const keysOf = (lang: string) => [...new Set([...input.keys, ...(input.languageKeys?.(lang) ?? [])])].sort();
  // A language's own keys: the site's, then polyfeed's (a fallback chain fills only what both lack, and is not followed further).
  const ownKeys = (lang: string) => new Set([...flattenKeys(input.siteLabels(lang) ?? {}).keys(), ...flattenKeys(input.packagedLabels(lang) ?? {}).keys()]);
  return input.languages.map((lang) => {
    const keys = keysOf(lang);
    const own = flattenKeys(input.siteLabels(lang) ?? {});
    const packaged = flattenKeys(input.packagedLabels(lang) ?? {});
    const chain = (input.labelFallbackChain?.(lang) ?? []).map((other) => ({ lang: other, keys: ownKeys(other) }));
    const lacking = keys.filter((key) => !own.has(key) && !packaged.has(key));
    const fallback = lacking.flatMap((key) => {
      const from = chain.find((other) => other.keys.has(key))?.lang;
      return from === undefined ? [] : [{ key, from }];
    });
    return {
      lang,
      packaged: keys.filter((key) => !own.has(key) && packaged.has(key)),
      fallback,
      missing: lacking.filter((key) => !fallback.some((entry) => entry.key === key)),
    };
  });
}
