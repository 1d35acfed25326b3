// Pure: the combined feed's head: the feed texts of every language joined, at the site's home page, without archives.
import { textDirection } from '../model/language-tag.js';
import { COMBINED_FEED_LANG } from '../model/combined-feed.js';
import type { SiteConfig } from '../model/config-schema.js';
import type { Translate } from '../translate/create-translator.js';
import { browserNoteOf, buildFeedHead } from './build-feed-model.js';
import type { FeedModel } from './feed-model.js';

/** Between the texts of the languages in a combined feed's title, description and rights. */
export const COMBINED_TEXT_SEPARATOR = ' · ';

export interface BuildCombinedFeedHeadInput {
  /** The newest update among the feed's items (or the site's newest, for a feed without items). */
  readonly newestUpdateMs: number;
  readonly config: SiteConfig;
  /** Each language's labels (its feed texts come from them). */
  readonly translatorFor: (lang: string) => Translate;
  readonly version: string;
}

/**
 * The languages in the order their texts are joined: the default language first, then the others
 * in the config's order, so the title begins in the site's main language whatever the list order.
 */
export function combinedTextOrder(config: Pick<SiteConfig, 'languages' | 'defaultLanguage'>): string[] {
  return [config.defaultLanguage, ...config.languages.filter((lang) => lang !== config.defaultLanguage)];
}

/** Unicode's first-strong isolate and its end: a text between them takes its own direction and leaves its neighbours' alone. */
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * A label of every language, joined: each distinct text once (a brand name the same in every
 * language is said once), empty ones left out. When the languages run in both directions, each
 * text is isolated, so an Arabic title between Latin ones keeps its words in order and the
 * separators stay where they are.
 */
function joinedLabel(config: SiteConfig, translatorFor: (lang: string) => Translate): Translate {
  const order = combinedTextOrder(config);
  const mixed = new Set(order.map(textDirection)).size > 1;
  return (key) =>
    [...new Set(order.map((lang) => translatorFor(lang)(key)))]
      .filter((text) => text !== '')
      .map((text) => (mixed ? `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}` : text))
      .join(COMBINED_TEXT_SEPARATOR);
}

/**
 * The combined feed's model without items: tagged `mul`; its title, description and rights are
 * those of every language joined (see joinedLabel); its home page is the site's own; it keeps no
 * RFC 5005 archives (its newest items only, `maxItems`, or all of them with 0).
 */
export function buildCombinedFeedHead({ newestUpdateMs, config, translatorFor, version }: BuildCombinedFeedHeadInput): FeedModel {
  const head = buildFeedHead({ lang: COMBINED_FEED_LANG, newestUpdateMs, config, t: joinedLabel(config, translatorFor), version });
  // The note for people is one text, in the default language, and links to the combined feed's part of the subscribe page.
  const note = browserNoteOf(config, config.defaultLanguage, translatorFor(config.defaultLanguage));
  const browserNote = note && { ...note, href: note.href.replace(/#.*$/, `#${COMBINED_FEED_LANG}`) };
  return { ...head, homeUrl: config.baseUrl, archive: undefined, browserNote };
}
