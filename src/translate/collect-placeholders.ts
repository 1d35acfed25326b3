// Pure: nested i18next resources → the {{placeholders}} each label key uses, plural forms folded together.

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([^}\s,]+)[^}]*\}\}/g;

/**
 * For plural keys `count` is left out: a form like "one minute" may rightly spell the number out.
 */
export function collectPlaceholders(resources: unknown): Map<string, Set<string>> {
  const placeholders = new Map<string, Set<string>>();
  const visit = (node: unknown, prefix: string): void => {
    if (typeof node === 'string') {
      const match = PLURAL_SUFFIX.exec(prefix);
      const key = match ? prefix.slice(0, match.index) : prefix;
      const names = placeholders.get(key) ?? new Set<string>();
      for (const [, name] of node.matchAll(PLACEHOLDER)) if (!(match && name === 'count')) names.add(name!);
      placeholders.set(key, names);
      return;
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [name, value] of Object.entries(node)) visit(value, prefix ? `${prefix}.${name}` : name);
  };
  visit(resources, '');
  return placeholders;
}
