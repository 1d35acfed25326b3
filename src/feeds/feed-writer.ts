// Pure; reads articles through the site's reader it is given: one language's entries (or the combined feed's, of every language) → its feeds in parts, every format side by side.
import type { BuildError } from '../model/build-error.js';
import type { FeedFormat } from '../model/config-schema.js';
import { withoutRepeats } from '../model/without-repeats.js';
import { feedFormatsOf, isCombinedFeed } from '../model/combined-feed.js';
import { buildFeedHead, toItemModel, type FeedDocument } from '../serialize/build-feed-model.js';
import { buildCombinedFeedHead } from '../serialize/build-combined-feed-head.js';
import type { FeedModel } from '../serialize/feed-model.js';
import { serializeInParts } from '../serialize/serialize-in-parts.js';
import type { PublishedArticle, PublishedEntry } from '../translate/published-entry.js';
import type { FeedSite } from './feed-site.js';
import { readEntries, renderEntries, type RenderTools } from './render-entries.js';

/** An item's text in each format of its feed. */
export type ItemTexts = Readonly<Partial<Record<FeedFormat, string>>>;

/** Items rendered and serialized together: few enough to hold, enough to amortize. */
const BATCH_SIZE = 100;

/** A batch ends once it holds this much Markdown (in UTF-16 code units): long articles make short batches. */
const BATCH_BYTES = 1 << 21;

/** What the feeds of one language are written with, besides their entries. */
export interface FeedWriterInput {
  readonly site: FeedSite;
  /** The feed's language, or COMBINED_FEED_LANG for the combined feed (each item rendered in its own language). */
  readonly lang: string;
  /** The newest update among all the feed's entries: the feed's own updated date. */
  readonly newestUpdateMs: number;
  /** Which document of the language's feeds: the current feed or an archive page. */
  readonly document: FeedDocument;
  readonly version: string;
  readonly tools: RenderTools;
  /** Texts of items an earlier build made, by key (asked for when the first entries come): those items are not read or rendered again. */
  readonly knownItems?: () => ReadonlyMap<string, ItemTexts> | undefined;
}

/**
 * One language's feeds written in parts, the chunks of every format side by side: the head, the
 * chunks of the entries as they come (in feed order, read, rendered and serialized a batch at a
 * time), then the tail. The entries may come all at once or a slice at a time.
 */
export interface FeedWriter {
  head(): readonly string[];
  entries(entries: readonly PublishedEntry[], keys?: readonly string[]): Generator<readonly string[]>;
  tail(): readonly string[];
  /** The problems met so far; if there are any, nothing of the run may be published. */
  errors(): readonly BuildError[];
  /** Each item's texts by key, filled in as the entries are written (for the next build's cache). */
  readonly items: ReadonlyMap<string, ItemTexts>;
}

export function feedWriter({ site, lang, document, newestUpdateMs, version, tools, knownItems }: FeedWriterInput): FeedWriter {
  const { config } = site;
  const items = new Map<string, ItemTexts>();
  const errors: BuildError[] = [];
  const formats = feedFormatsOf(config, lang);
  const head: FeedModel = isCombinedFeed(lang)
    ? buildCombinedFeedHead({ newestUpdateMs, config, translatorFor: tools.translatorFor, version })
    : buildFeedHead({ lang, newestUpdateMs, config, t: tools.translatorFor(lang), version, document });
  const serializers = formats.map((format) => serializeInParts(format, head));
  let knownTexts: ReadonlyMap<string, ItemTexts> | undefined;
  let askedForKnown = false;
  function* writeEntries(entries: readonly PublishedEntry[], keys?: readonly string[]): Generator<readonly string[]> {
    if (keys && !askedForKnown) {
      askedForKnown = true;
      knownTexts = knownItems?.();
    }
    for (let start = 0; start < entries.length; ) {
      const candidates = entries.slice(start, start + BATCH_SIZE);
      const candidateKeys = keys?.slice(start, start + BATCH_SIZE);
      const candidatesKnown = candidates.map((_, index) => (candidateKeys ? knownTexts?.get(candidateKeys[index]!) : undefined));
      // Read in order until the batch holds BATCH_BYTES of text: a batch of long articles is shorter.
      const articles: PublishedArticle[] = [];
      let end = candidates.length;
      let bytes = 0;
      for (let index = 0; index < candidates.length; index++) {
        if (candidatesKnown[index] !== undefined) continue;
        if (bytes >= BATCH_BYTES) {
          end = index;
          break;
        }
        const read = readEntries(site, [candidates[index]!]);
        errors.push(...read.errors);
        articles.push(...read.articles);
        bytes += read.articles[0]?.article.body.length ?? 0;
      }
      start += end;
      const batch = candidates.slice(0, end);
      const batchKeys = candidateKeys?.slice(0, end);
      const known = candidatesKnown.slice(0, end);
      const missing = batch.filter((_, index) => known[index] === undefined);
      const rendered = renderEntries(site, articles, tools);
      errors.push(...rendered.errors);
      const models = rendered.items.map((item) => toItemModel(item, config, site.staticFiles));
      if (models.length !== missing.length) {
        yield serializers.map(() => ''); // a problem: nothing of this run is published
        continue;
      }
      const fresh = serializers.map((serializer) => serializer.itemTexts(models));
      let next = 0;
      const texts = batch.map((_, index) => {
        const texts = known[index] ?? Object.fromEntries(formats.map((format, f) => [format, fresh[f]![next]!]));
        if (known[index] === undefined) next++;
        if (batchKeys) items.set(batchKeys[index]!, texts);
        return texts;
      });
      yield serializers.map((serializer, f) => serializer.joinItems(texts.map((item) => item[formats[f]!]!)));
    }
  }
  return {
    head: () => serializers.map((serializer) => serializer.head),
    entries: writeEntries,
    tail: () => serializers.map((serializer) => serializer.tail()),
    errors: () => withoutRepeats(errors),
    items,
  };
}

