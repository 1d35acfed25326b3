// Pure: the feed's own texts as the config gives them (`title`, `description`, `copyright`), as labels of one language.
import { z } from 'zod';
import { NonEmptyTextSchema } from './shared-schemas.js';

/** A text for every language, or one per language (`{ en: "River News", fr: "Nouvelles du fleuve" }`). */
export const FeedTextSchema = z.union([NonEmptyTextSchema, z.record(z.string(), NonEmptyTextSchema)]);

export type FeedText = z.output<typeof FeedTextSchema>;

/** The config's feed texts, by their label key under `feed`. */
export const FEED_TEXT_FIELDS = ['title', 'description', 'copyright'] as const;

export type FeedTexts = Partial<Record<(typeof FEED_TEXT_FIELDS)[number], FeedText>>;

/** The language's text of one setting: the text for every language, or the language's own. */
function textFor(text: FeedText | undefined, lang: string): string | undefined {
  return typeof text === 'string' ? text : text?.[lang];
}

/**
 * The config's feed texts of one language as labels (`{ feed: { title } }`): a layer between
 * polyfeed's packaged labels and the site's `locales/`, so a site can name its feeds in the config
 * alone. Undefined when the config gives none for the language.
 */
export function feedTextLabels(texts: FeedTexts, lang: string): { feed: Record<string, string> } | undefined {
  const feed: Record<string, string> = {};
  for (const field of FEED_TEXT_FIELDS) {
    const text = textFor(texts[field], lang);
    if (text !== undefined) feed[field] = text;
  }
  return Object.keys(feed).length > 0 ? { feed } : undefined;
}
