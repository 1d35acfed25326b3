// Pure: the permalink setting (one pattern, or one per language) → each language's pattern, and whether two languages' patterns can make the same URL.

/** The pattern a language takes when the setting names neither it nor a `default`. */
export const DEFAULT_PERMALINK = '{lang}/{key}/';

/**
 * The permalink setting as validated: `default`, the pattern of every language not named, and a
 * pattern for each language named (a language tag of `languages`).
 */
export type PermalinkPatterns = Readonly<Record<string, string>> & { readonly default: string };

/** The setting as written: one pattern for every language, or patterns by language with an optional `default`. */
export function toPermalinkPatterns(written: string | Readonly<Record<string, string>>): PermalinkPatterns {
  if (typeof written === 'string') return { default: written };
  return { ...written, default: written.default ?? DEFAULT_PERMALINK };
}

/** The pattern of `lang`. */
export function permalinkPatternOf(patterns: PermalinkPatterns, lang: string): string {
  return Object.hasOwn(patterns, lang) ? patterns[lang]! : patterns.default;
}

/** Placeholders an article fills in: its key (the folder name) or its slug (the front matter's, else the key). */
const ARTICLE_PLACEHOLDER = /\{(?:key|slug)\}/;

/** Whether a pattern names the article: without {key} or {slug} every article of a language would have one URL. */
export function namesArticle(pattern: string): boolean {
  return ARTICLE_PLACEHOLDER.test(pattern);
}

/** One segment of a pattern with its language filled in: fixed text, or text around the article's key or slug. */
type Segment = { readonly fixed: string } | { readonly prefix: string; readonly suffix: string };

function segmentsOf(pattern: string, lang: string): Segment[] {
  const filled = pattern.replace(/^\/+/, '').replaceAll('{lang}', encodeURIComponent(lang));
  // Neither a key nor a slug holds a "/", so a URL has exactly the segments of its pattern.
  return filled.split('/').map((segment) => {
    const first = segment.search(ARTICLE_PLACEHOLDER);
    if (first === -1) return { fixed: segment };
    const last = segment.lastIndexOf('}');
    return { prefix: segment.slice(0, first), suffix: segment.slice(last + 1) };
  });
}

/**
 * Whether some text can stand in both segments. It errs on the safe side: it may say yes for
 * two segments no key or slug fills alike, never no for two that some do.
 */
function mayMatch(a: Segment, b: Segment): boolean {
  if ('fixed' in a && 'fixed' in b) return a.fixed === b.fixed;
  if ('fixed' in a) return fitsAround(a.fixed, b as Exclude<Segment, { fixed: string }>);
  if ('fixed' in b) return fitsAround(b.fixed, a);
  const prefixes = a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
  const suffixes = a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix);
  return prefixes && suffixes;
}

/** Whether fixed text is what a segment with a placeholder can become (the key or slug is never empty). */
function fitsAround(text: string, { prefix, suffix }: { prefix: string; suffix: string }): boolean {
  return text.length > prefix.length + suffix.length && text.startsWith(prefix) && text.endsWith(suffix);
}

/**
 * Whether the pattern of `a` (filled in with `a`) and the pattern of `b` (with `b`) can make the
 * same URL for some articles: then two language versions could be published at one address.
 * "{lang}/{key}/" and "{key}/" cannot (two segments and one); "{key}/" for both can.
 */
export function patternsMayClash(patternA: string, a: string, patternB: string, b: string): boolean {
  const segmentsA = segmentsOf(patternA, a);
  const segmentsB = segmentsOf(patternB, b);
  return segmentsA.length === segmentsB.length && segmentsA.every((segment, index) => mayMatch(segment, segmentsB[index]!));
}

/** The first pair of languages (in `languages` order) whose patterns can make the same URL, if any. */
export function firstClashingLanguages(patterns: PermalinkPatterns, listed: readonly string[]): [string, string] | undefined {
  // A language listed twice is reported as such, not as clashing with itself.
  const languages = [...new Set(listed)];
  for (let i = 0; i < languages.length; i++) {
    for (let j = i + 1; j < languages.length; j++) {
      const a = languages[i]!;
      const b = languages[j]!;
      if (patternsMayClash(permalinkPatternOf(patterns, a), a, permalinkPatternOf(patterns, b), b)) return [a, b];
    }
  }
  return undefined;
}
