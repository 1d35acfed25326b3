// Pure (types): the one feed model every format is written from.
import type { Author } from '../model/shared-schemas.js';
import type { TranslationLink } from '../translate/published-entry.js';
import type { FeedFormat } from '../model/config-schema.js';

/** An item as every format carries it. Text fields hold plain text, already free of XML-forbidden characters. */
export interface FeedItemModel {
  readonly id: string;
  readonly url: string;
  readonly lang: string;
  readonly title: string;
  /** Plain text. */
  readonly summary: string | undefined;
  /** Sanitized HTML. */
  readonly contentHtml: string;
  readonly published: Date;
  /** `updated`, else `published`. */
  readonly updated: Date;
  readonly authors: readonly Author[];
  readonly tags: readonly string[];
  /** The main image; `lengthBytes` is known for files under static/. */
  readonly image: { readonly url: string; readonly mediaType: string | undefined; readonly lengthBytes: number | undefined } | undefined;
  readonly translations: readonly TranslationLink[];
  /**
   * The URL of the article's version in the site's default language, when it has versions in
   * other languages and that one is published (its own URL for a default-language item): Atom's
   * `hreflang="x-default"` alternate.
   */
  readonly defaultVersionUrl: string | undefined;
}

/** A document's place in an archived feed (RFC 5005, section 4), each link in every format. */
export interface FeedArchiveLinks {
  /** An archive document (`fh:archive`): its items never move to another document. */
  readonly isArchive: boolean;
  /** The current feed document (from an archive document). */
  readonly current: Readonly<Record<FeedFormat, string>> | undefined;
  /** The archive document just older than this one. */
  readonly prevArchive: Readonly<Record<FeedFormat, string>> | undefined;
  /** The archive document just newer than this one (never from the current document). */
  readonly nextArchive: Readonly<Record<FeedFormat, string>> | undefined;
}

/** One language's feed, whatever the format. */
export interface FeedModel {
  readonly lang: string;
  readonly title: string;
  readonly description: string;
  readonly copyright: string;
  /** The language's home page. */
  readonly homeUrl: string;
  /** Where each format of this feed is published. */
  readonly feedUrls: Readonly<Record<FeedFormat, string>>;
  /** The newest item's update time; never the clock. */
  readonly updated: Date;
  readonly authors: readonly Author[];
  readonly generator: { readonly name: string; readonly uri: string; readonly version: string };
  /** Absolute URL of a small square image. */
  readonly iconUrl: string | undefined;
  /** Absolute URL of a larger image. */
  readonly logoUrl: string | undefined;
  readonly ttlMinutes: number | undefined;
  /** WebSub hub. */
  readonly hubUrl: string | undefined;
  /** An `xml-stylesheet` processing instruction for the XML formats. */
  readonly stylesheet: { readonly href: string; readonly type: string } | undefined;
  /**
   * With `subscribePage`: what RSS and Atom tell a person who opens the feed in a browser, in the
   * feed's language (the default language's for the combined feed) and direction: what a feed is,
   * and a link to the subscribe page.
   */
  readonly browserNote: { readonly lang: string; readonly dir: 'ltr' | 'rtl'; readonly text: string; readonly linkText: string; readonly href: string } | undefined;
  /** Its links to the rest of the archived feed; undefined when the site keeps no archives. */
  readonly archive: FeedArchiveLinks | undefined;
  /** Newest first; ties broken by id. */
  readonly items: readonly FeedItemModel[];
}
