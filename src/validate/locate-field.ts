// Pure: finds where a front-matter field stands in an article file, for problems found after parsing.
import type { FieldPath } from '../errors/build-error.js';
import { parseYamlWithPositions, type SourcePosition } from '../load/parse-yaml-with-positions.js';
import { splitFrontMatter } from '../load/split-front-matter.js';

/** The position of `path` in `file`, or undefined when the file or field cannot be found. */
export type FieldLocator = (file: string, path: FieldPath) => SourcePosition | undefined;

/**
 * Valid files are parsed without positions (the fast path), so the few problems found across
 * files (a duplicate id, a missing image) parse their file again to point at the field.
 */
export function createFieldLocator(textOf: (file: string) => string | undefined): FieldLocator {
  return (file, path) => {
    const text = textOf(file);
    if (text === undefined) return undefined;
    const split = splitFrontMatter(text, file).value;
    if (!split) return undefined;
    return parseYamlWithPositions(split.yamlText, { file, firstLine: split.yamlStartLine }).value?.positionOf(path);
  };
}
