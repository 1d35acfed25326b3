// Pure: each language's label trees (the site's own, polyfeed's packaged ones) and the keys a build uses → which keys the site does not translate itself, and which no one does.
import type { LabelTree } from './labels-of-language.js';
import { flattenKeys } from './flatten-keys.js';

/** The labels of one language that the site's own files (and the config's feed texts) do not give. */
export interface LabelCoverage {
  readonly lang: string;
  /** Keys taken from polyfeed's packaged labels: the site does not word them itself. */
  readonly packaged: readonly string[];
  /** Keys neither the site nor polyfeed gives: a build fails on them (LOCALE_MISSING_KEY). */
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
}

/**
 * Per language, the keys the site leaves to polyfeed and the keys nobody gives, each sorted. A
 * plural label counts as given when any of its forms is (a missing form is check's to report).
 */
export function coverageOfLabels(input: LabelCoverageInput): LabelCoverage[] {
  const keys = [...new Set(input.keys)].sort();
  return input.languages.map((lang) => {
    const own = flattenKeys(input.siteLabels(lang) ?? {});
    const packaged = flattenKeys(input.packagedLabels(lang) ?? {});
    return {
      lang,
      packaged: keys.filter((key) => !own.has(key) && packaged.has(key)),
      missing: keys.filter((key) => !own.has(key) && !packaged.has(key)),
    };
  });
}
