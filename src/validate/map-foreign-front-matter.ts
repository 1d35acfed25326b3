// Pure: another generator's front matter (as parsed) → polyfeed's front-matter fields, where each came from, and the fields left unused.
import type { BuildError, FieldPath } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { ContentSource } from '../model/content-schema.js';
import type { SourcePath } from '../model/source-path.js';
import { readForeignDate } from './read-foreign-date.js';

/** What reading one foreign file's front matter depends on besides its data. */
export interface ForeignFrontMatterRules {
  readonly content: ContentSource;
  readonly timezone: string | undefined;
  /** What the file's path says (Jekyll's date, slug and drafts). */
  readonly sourcePath: SourcePath;
}

export interface MappedFrontMatter {
  /** The data in polyfeed's names, for FrontMatterSchema. */
  readonly data: Record<string, unknown>;
  /** A path in polyfeed's names → the path as written in the file (`['date']` → `['pubDate']`). */
  readonly sourcePathOf: (path: FieldPath) => FieldPath;
  /** Top-level fields polyfeed does not use, in the order written. */
  readonly ignored: readonly string[];
  /** Dates that could not be read, at their field as written; positions are added by the caller. */
  readonly problems: readonly BuildError[];
}

/** The names each generator's starters use for a polyfeed field, in order of preference. */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  title: ['title'],
  date: ['date', 'pubDate', 'publishDate'],
  updated: ['updated', 'lastmod', 'updatedDate', 'last_modified_at', 'modified'],
  summary: ['summary', 'description', 'excerpt'],
  authors: ['authors', 'author'],
  image: ['image', 'heroImage', 'cover'],
  slug: ['slug', 'permalink'],
  draft: ['draft'],
};

/** Names of the text alternative of a picture given as a plain path, in order of preference. */
const ALT_NAMES = ['imageAlt', 'image_alt', 'heroImageAlt', 'coverAlt', 'alt'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asList(value: unknown, splitWords: boolean): unknown[] {
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'number' ? String(item) : item));
  if (typeof value === 'string') return splitWords ? value.split(/\s+/).filter((word) => word !== '') : [value];
  if (typeof value === 'number') return [String(value)];
  return [value];
}

/** What a Docusaurus author object says that polyfeed publishes; its `title`, `image_url`, `socials`… are the blog page's. */
const DOCUSAURUS_AUTHOR_FIELDS = ['name', 'url', 'email'];

/**
 * Docusaurus authors: names, keys of `authors.yml` (not read: the key stands for the name), or
 * objects with `name` and `url`. The older single-author fields give `author` its `author_url`.
 */
function docusaurusAuthors(list: unknown[], source: Record<string, unknown>, used: Set<string>): unknown[] {
  if (list.length === 1 && typeof list[0] === 'string' && typeof source.author_url === 'string' && source.authors === undefined) {
    used.add('author_url');
    return [{ name: list[0], url: source.author_url }];
  }
  return list.map((author) =>
    isRecord(author) ? Object.fromEntries(Object.entries(author).filter(([key]) => DOCUSAURUS_AUTHOR_FIELDS.includes(key))) : author,
  );
}

/** A permalink's last segment (`/blog/:title/`, `/2024/hello.html` → `hello`): polyfeed's slug. */
function slugOfPermalink(permalink: string): string {
  const segments = permalink.split('/').filter((segment) => segment !== '');
  return (segments.at(-1) ?? permalink).replace(/\.html?$/, '');
}

/**
 * Hugo, Jekyll, Eleventy and Astro name the same facts differently (`description`, `pubDate`,
 * `lastmod`, `heroImage`, `categories`); each polyfeed field takes the first name found, or the
 * one `content.fields` names. A picture written as a plain path gets the text alternative written
 * beside it (`heroImageAlt`…) or else the title: a feed reader needs one, and the title is what
 * the generator's own page shows next to it. Everything else is ignored and listed.
 */
export function mapForeignFrontMatter(source: Record<string, unknown>, rules: ForeignFrontMatterRules): MappedFrontMatter {
  const { content, timezone, sourcePath } = rules;
  const data: Record<string, unknown> = {};
  const origin = new Map<string, string>();
  const used = new Set<string>();
  const problems: BuildError[] = [];
  const take = (field: string): string | undefined => {
    const mapped = content.fields?.[field as keyof NonNullable<ContentSource['fields']>];
    const names = mapped !== undefined ? [mapped] : NAMES[field] ?? [];
    const name = names.find((candidate) => Object.prototype.hasOwnProperty.call(source, candidate) && source[candidate] !== undefined);
    if (name === undefined) return undefined;
    used.add(name);
    origin.set(field, name);
    return name;
  };
  const put = (field: string, value: unknown) => {
    data[field] = value;
  };

  const title = take('title');
  if (title !== undefined) put('title', typeof source[title] === 'number' ? String(source[title]) : source[title]);

  for (const field of ['date', 'updated'] as const) {
    const name = take(field);
    const written = name !== undefined ? source[name] : field === 'date' ? sourcePath.fileDate : undefined;
    if (written === undefined) continue;
    if (name === undefined) origin.set(field, field);
    if (typeof written !== 'string') {
      put(field, written);
      continue;
    }
    const read = readForeignDate(written, timezone);
    if ('iso' in read) put(field, read.iso);
    else problems.push(makeError('INVALID_DATE', read.problem, { path: [name ?? field] }));
  }

  const summary = take('summary');
  if (summary !== undefined) put('summary', source[summary]);

  const authors = take('authors');
  if (authors !== undefined) {
    const list = asList(source[authors], false);
    if (content.layout !== 'docusaurus') put('authors', list);
    else put('authors', docusaurusAuthors(list, source, used));
  }

  const tagNames = content.fields?.tags !== undefined ? [content.fields.tags] : ['tags', 'categories'];
  const tags: unknown[] = [];
  for (const name of tagNames) {
    if (source[name] === undefined || source[name] === null) continue;
    used.add(name);
    if (!origin.has('tags')) origin.set('tags', name);
    for (const written of asList(source[name], content.layout === 'jekyll')) {
      // Docusaurus: a tag may be an object with its label.
      const tag = content.layout === 'docusaurus' && isRecord(written) && written.label !== undefined ? written.label : written;
      if (!tags.includes(tag)) tags.push(tag);
    }
  }
  if (tags.length > 0) put('tags', tags);

  const image = take('image');
  if (image !== undefined) {
    const value = source[image];
    const altName = ALT_NAMES.find((name) => typeof source[name] === 'string');
    if (altName) used.add(altName);
    const fallbackAlt = altName !== undefined ? source[altName] : data.title;
    if (typeof value === 'string') put('image', { src: value, alt: fallbackAlt });
    else if (isRecord(value)) {
      const src = value.src ?? value.url ?? value.image;
      put('image', { src, alt: value.alt ?? fallbackAlt, ...(value.caption !== undefined ? { caption: value.caption } : {}) });
    } else put('image', value);
  }

  const slug = take('slug');
  if (slug !== undefined) put('slug', typeof source[slug] === 'string' && slug === 'permalink' ? slugOfPermalink(source[slug]) : source[slug]);
  else if (sourcePath.fileSlug !== undefined) put('slug', sourcePath.fileSlug);

  const draft = take('draft');
  if (draft !== undefined) put('draft', source[draft]);
  if (source.published === false && content.fields?.draft === undefined) {
    used.add('published');
    put('draft', true);
    origin.set('draft', 'published');
  }
  if (sourcePath.draft) put('draft', true);
  // Docusaurus builds an unlisted post's page but leaves it out of lists and feeds.
  if (content.layout === 'docusaurus' && source.unlisted === true && content.fields?.draft === undefined) {
    used.add('unlisted');
    if (data.draft !== true) {
      put('draft', true);
      origin.set('draft', 'unlisted');
    }
  }

  for (const field of ['id', 'dateline'] as const) {
    const name = content.fields?.[field];
    if (name !== undefined && source[name] !== undefined) {
      used.add(name);
      origin.set(field, name);
      put(field, source[name]);
    }
  }

  const sourcePathOf = (path: FieldPath): FieldPath => {
    const [first, ...rest] = path;
    if (typeof first !== 'string') return path;
    const name = origin.get(first) ?? first;
    // A value given in another shape (a picture as a path, one author as a name) is pointed at as a whole.
    if (!Array.isArray(source[name]) && !isRecord(source[name])) return [name];
    return [name, ...rest];
  };
  return { data, sourcePathOf, ignored: Object.keys(source).filter((key) => !used.has(key)), problems };
}
