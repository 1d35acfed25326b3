// Pure: the combined feed (every published version of every language in one feed): its language tag and the formats each feed is written in.
/**
 * The language tag of the combined feed, and the folder it is written to (`<out>/mul/`): ISO 639-2
 * "mul", multiple languages, a valid BCP 47 tag for a document in several languages. Each item
 * carries its own language.
 */
export const COMBINED_FEED_LANG = 'mul';

/** Whether `lang` names the combined feed rather than a language of the site. */
export function isCombinedFeed(lang: string): boolean {
  return lang === COMBINED_FEED_LANG;
}

/** The formats a feed is written in: the config's `formats` for a language, `combinedFeed` for the combined feed. */
export function feedFormatsOf<Format>(config: { readonly formats: readonly Format[]; readonly combinedFeed: readonly Format[] }, lang: string): readonly Format[] {
  return isCombinedFeed(lang) ? config.combinedFeed : config.formats;
}
