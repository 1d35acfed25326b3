// Pure: YAML text → data with js-yaml (about ten times faster than the `yaml` document API), or
// undefined when the text needs the careful parser: a syntax error, or anchors and aliases.
import jsYaml from 'js-yaml';

// Anchors (&a) and aliases (*a) can expand exponentially; only the careful parser limits them.
const ANCHOR_OR_ALIAS = /[&*][^\s]/;

/**
 * Valid front matter is parsed here, once, without positions; only when something is wrong does
 * the `yaml` document API parse it again to tell where. Both read YAML 1.2's core schema, so
 * dates stay strings.
 */
export function parseYamlFast(text: string): { data: unknown } | undefined {
  if (ANCHOR_OR_ALIAS.test(text)) return undefined;
  try {
    return { data: jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false }) };
  } catch {
    return undefined;
  }
}
