// Pure: a feed file's path and text → its ParsedFeed, by the format its file name says, or why it does not parse.
import type { FeedFormat } from '../model/config-schema.js';
import { feedFormats } from '../serialize/feed-formats.js';
import type { ParsedFeed } from './parsed-feed.js';
import { parseAtom } from './parse-atom.js';
import { parseJsonFeed } from './parse-json-feed.js';
import { parseRss } from './parse-rss.js';

const parsers: Readonly<Record<FeedFormat, (text: string) => ParsedFeed>> = { rss: parseRss, atom: parseAtom, json: parseJsonFeed };

/** The language and format of a feed path (`pt-BR/atom.xml` → pt-BR, atom), or undefined for any other path. */
export function feedPathParts(path: string): { readonly language: string; readonly format: FeedFormat } | undefined {
  const parts = path.split('/');
  if (parts.length !== 2 || parts[0] === '') return undefined;
  const format = (Object.keys(feedFormats) as FeedFormat[]).find((name) => feedFormats[name].fileName === parts[1]);
  return format === undefined ? undefined : { language: parts[0]!, format };
}

/** A feed's text parsed, or the reason it could not be (`Unexpected end of JSON input`, `no <feed> element`). */
export function parseFeedText(format: FeedFormat, text: string): { readonly feed: ParsedFeed } | { readonly problem: string } {
  try {
    return { feed: parsers[format](text) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}
