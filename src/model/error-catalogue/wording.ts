// Pure: how the messages name a field, a value, a type and a character.

/** A field as the messages name it: its path in the file, and what the file's root is called ("front matter"). */
export interface FieldName {
  readonly path: ReadonlyArray<string | number>;
  readonly subject: string;
}

/** `"authors[0].name"`, or `the front matter` for the root. */
export function describeField({ path, subject }: FieldName): string {
  if (path.length === 0) return `the ${subject}`;
  return `"${path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('')}"`;
}

/** The field's name at the start of a sentence. */
export function fieldAtStart(field: FieldName): string {
  return capitalize(describeField(field));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** At most `max` grapheme clusters of `text`, the last three "..." when cut: never inside a surrogate pair or a letter's combining marks. */
function shortened(text: string, max: number): string {
  const clusters = Array.from(graphemes.segment(text), (part) => part.segment);
  return clusters.length <= max ? text : `${clusters.slice(0, max - 3).join('')}...`;
}

/** A value as the user wrote it, shortened: `"yesterday"`, `number 5`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? shortened(value, 60) : value);
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  object: 'an object (key: value lines)',
  array: 'a list',
  boolean: 'true or false',
  number: 'a number',
  int: 'a whole number',
};

/** What a field of a type holds, in words: `string` → `text`. */
export function describeType(expected: string): string {
  return TYPE_NAMES[expected] ?? `a ${expected}`;
}

/** Allowed values as they would be written: `"rss", "atom"`. */
export function listValues(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/** `\u000B` → `U+000B`. */
export function codePointName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
