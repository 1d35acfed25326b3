// Pure (types): a feed read back from its text, as the diff compares it: the feed's fields and its items' fields, by id.

/** A field as compared: one text, or a list of texts (authors, categories, links). */
export type FieldValue = string | readonly string[];

/** Fields by name. The names are the same in every format (see FIELD_ORDER): `title`, `link`, `published`, … */
export type Fields = Readonly<Record<string, FieldValue>>;

/** An item (RSS `item`, Atom `entry`, JSON Feed `items[]`) and its fields. */
export interface ParsedItem {
  /** RSS `guid`, Atom `id`, JSON Feed `id` (the link, then the title, when a feed has none). */
  readonly id: string;
  readonly fields: Fields;
}

/** A feed: the fields of its head (title, description, updated, links, …) and its items in the order written. */
export interface ParsedFeed {
  readonly fields: Fields;
  readonly items: readonly ParsedItem[];
}

/**
 * The order fields are listed in: those of every format first, in the order a reader sees them,
 * then any other (an element or key polyfeed does not write, in a feed made by something else) by name.
 */
export const FIELD_ORDER: readonly string[] = [
  'title',
  'link',
  'links',
  'description',
  'published',
  'updated',
  'summary',
  'content',
  'authors',
  'categories',
  'image',
  'language',
  'translations',
  'logo',
  'icon',
  'rights',
  'ttl',
  'generator',
];

/** Field names in FIELD_ORDER, others after them by name. */
export function sortFieldNames(names: Iterable<string>): string[] {
  const rank = (name: string) => {
    const index = FIELD_ORDER.indexOf(name);
    return index === -1 ? FIELD_ORDER.length : index;
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** A date as an ISO 8601 instant, so `Fri, 14 Mar 2025 08:30:00 GMT` and `2025-03-14T08:30:00.000Z` are one value; other text as it is. */
export function toInstant(text: string): string {
  const time = Date.parse(text);
  return Number.isNaN(time) ? text : new Date(time).toISOString();
}

/** Collects fields, a repeated name becoming a list (two `category` elements, say). */
export class FieldCollector {
  readonly #fields = new Map<string, string[]>();
  readonly #lists = new Set<string>();

  /** Adds one value under `name`. */
  add(name: string, value: string): void {
    const values = this.#fields.get(name);
    if (values) values.push(value);
    else this.#fields.set(name, [value]);
  }

  /** Adds values that make a list even when there is one of them (authors, categories). */
  addList(name: string, values: readonly string[]): void {
    this.#lists.add(name);
    for (const value of values) this.add(name, value);
  }

  /** Marks `name` as a list field: it is one even with a single value. */
  markList(name: string): void {
    this.#lists.add(name);
  }

  /** The fields: a single value as text, more (or a list field) as a list. */
  toFields(): Fields {
    const fields: Record<string, FieldValue> = {};
    for (const [name, values] of this.#fields) fields[name] = values.length === 1 && !this.#lists.has(name) ? values[0]! : values;
    return fields;
  }
}

/** Ids made unique in order: a second item with the same id is told apart as `id (2)`. */
export function uniqueIds<T extends { readonly id: string }>(items: readonly T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const count = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, count);
    return count === 1 ? item : { ...item, id: `${item.id} (${count})` };
  });
}
