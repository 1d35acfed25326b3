// Test helper: an Atom text construct read the way RFC 4287 says a reader shows it (type="html" is HTML-decoded once).
import { decodeHTML } from 'entities';

/** feedsmith's `{ value, type }` of a title, summary, subtitle or rights → the text a reader shows. */
export function atomText(construct: { value?: string | undefined; type?: string | undefined } | undefined): string | undefined {
  if (construct?.value === undefined) return undefined;
  return construct.type === 'html' ? decodeHTML(construct.value) : construct.value;
}

/** The `type` of each `<title>` of the entries of an Atom document, in order (for parsers that do not report it). */
export function atomEntryTitleTypes(xml: string): string[] {
  return [...xml.matchAll(/<entry[\s>][\s\S]*?<title type="([a-z]+)">/g)].map((match) => match[1]!);
}
