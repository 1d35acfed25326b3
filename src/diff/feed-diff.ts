// Pure (types): what differs between two versions of a site's feeds, per file (language and format), item and field.
import type { FeedFormat } from '../model/config-schema.js';
import type { FieldValue } from './parsed-feed.js';

/** A field of the feed itself (not of an item) that differs: undefined on the side that lacks it. */
export interface FieldChange {
  readonly field: string;
  readonly old: FieldValue | undefined;
  readonly new: FieldValue | undefined;
}

/** An item as a report names it. */
export interface ItemRef {
  readonly id: string;
  /** The item's title (the new one for a changed item), if it has one. */
  readonly title: string | undefined;
  readonly link: string | undefined;
}

/** An item in both versions whose fields differ. */
export interface ChangedItem extends ItemRef {
  /** The names of the fields that differ (`title`, `summary`, `categories`, …), in FIELD_ORDER. */
  readonly fields: readonly string[];
  /** The old title, when the title is one of the fields that differ. */
  readonly oldTitle?: string | undefined;
}

/** The items and feed fields that differ in one feed file. */
export interface FeedChanges {
  readonly feed: readonly FieldChange[];
  readonly added: readonly ItemRef[];
  readonly removed: readonly ItemRef[];
  readonly changed: readonly ChangedItem[];
}

interface FileDiffBase {
  /** Relative to the folders compared: `en/rss.xml`. */
  readonly path: string;
  readonly language: string;
  readonly format: FeedFormat;
}

/** One feed file that differs: new, gone, or changed (with what changed in it). */
export type FileDiff =
  | (FileDiffBase & {
      readonly status: 'added' | 'removed';
      /** Items in the file, undefined when it does not parse. */
      readonly itemCount: number | undefined;
    })
  | (FileDiffBase & {
      readonly status: 'changed';
      /** What changed; undefined when one side does not parse (see `unparsable`). */
      readonly changes: FeedChanges | undefined;
      /** Set when the old or the new file does not parse as its format: the bytes differ, and nothing more is known. */
      readonly unparsable?: { readonly side: 'old' | 'new'; readonly problem: string };
    });

/** Every feed file compared: those that differ, in language and format order, and those with the same bytes. */
export interface SiteDiff {
  readonly files: readonly FileDiff[];
  readonly unchanged: readonly string[];
}
