// Pure: nested i18next resources → their dotted keys, with plural suffixes folded together.

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** What a label key (as templates use it) has: the plural categories of its forms (empty when not plural). */
export interface LabelKey {
  readonly pluralCategories: ReadonlySet<string>;
}

/** `{ item: { readingTime_one, readingTime_other } }` → `item.readingTime` with {one, other}. */
export function flattenKeys(resources: unknown): Map<string, LabelKey> {
  const keys = new Map<string, { pluralCategories: Set<string> }>();
  const visit = (node: unknown, prefix: string): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      const match = PLURAL_SUFFIX.exec(prefix);
      const key = match ? prefix.slice(0, match.index) : prefix;
      const entry = keys.get(key) ?? { pluralCategories: new Set<string>() };
      if (match) entry.pluralCategories.add(match[1]!);
      keys.set(key, entry);
      return;
    }
    for (const [name, value] of Object.entries(node)) visit(value, prefix ? `${prefix}.${name}` : name);
  };
  visit(resources, '');
  return keys;
}
