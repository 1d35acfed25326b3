// Pure: text of one direction set inside text of another → HTML that keeps each apart (Unicode bidi isolation), and labels that take such HTML as a value.
import Handlebars from 'handlebars';

/**
 * `<bdi>` around the escaped text: its direction is found from its own first strong character,
 * and neither it nor the text around it reorders the other (a Latin name in an Arabic byline
 * keeps the label's full stop and the neighbouring number where they belong). See
 * https://html.spec.whatwg.org/multipage/text-level-semantics.html#the-bdi-element.
 */
export function isolateText(text: string): Handlebars.SafeString {
  return new Handlebars.SafeString(`<bdi>${Handlebars.escapeExpression(text)}</bdi>`);
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "A, B and C" in `lang` (an Intl formatter costs more to make than to use). */
function listFormatOf(lang: string): Intl.ListFormat {
  let format = listFormats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { type: 'conjunction' });
    listFormats.set(lang, format);
  }
  return format;
}

/** Names joined as the language joins them ("Ana, Bo and Cy"), as text. */
export function formatNames(names: readonly string[], lang: string): string {
  return listFormatOf(lang).format(names);
}

/** The same, as HTML with each name isolated: the language's own words and commas stay in its direction between them. */
export function formatIsolatedNames(names: readonly string[], lang: string): Handlebars.SafeString {
  const parts = listFormatOf(lang).formatToParts(names);
  return new Handlebars.SafeString(parts.map((part) => (part.type === 'element' ? isolateText(part.value).toString() : Handlebars.escapeExpression(part.value))).join(''));
}

/** Stands for an HTML value while a label is interpolated; no source text holds it (control characters are refused). */
const valueMark = (index: number) => `\u0002${index}\u0002`;

/**
 * A label with its values, for a template: plain text (escaped by Handlebars as any text) when
 * every value is text, as before; when a value is HTML (`isolate`, `isolatedAuthors`), the label's
 * own text is escaped and the HTML put in at its placeholder.
 */
export function translateWithHtml(translate: (key: string, options?: Record<string, unknown>) => string, key: string, hash: Record<string, unknown>): string | Handlebars.SafeString {
  const html: string[] = [];
  const values = Object.fromEntries(
    Object.entries(hash).map(([name, value]) => {
      if (!(value instanceof Handlebars.SafeString)) return [name, value];
      html.push(value.toString());
      return [name, valueMark(html.length - 1)];
    }),
  );
  if (html.length === 0) return translate(key, hash);
  const text = Handlebars.escapeExpression(translate(key, values));
  return new Handlebars.SafeString(text.replace(/\u0002(\d+)\u0002/g, (_mark, index: string) => html[Number(index)]!));
}
