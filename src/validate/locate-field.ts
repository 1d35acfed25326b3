// Pure; reads articles through the text reader it is given: where a front-matter field stands in an article file, for problems found after parsing.
import type { BuildError, FieldPath } from '../model/build-error.js';
import { parseYamlWithPositions, type SourcePosition } from '../load/parse-yaml-with-positions.js';
import { splitFrontMatter } from '../load/split-front-matter.js';

/** The position of `path` in `file`, or undefined when the file or field cannot be found. */
export type FieldLocator = (file: string, path: FieldPath) => SourcePosition | undefined;

/**
 * Valid files are parsed without positions (the fast path), so the few problems found after
 * parsing (a duplicate id, a missing image) parse their file again to point at the field.
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

/** Problems about a front-matter field that have no line yet get the field's line and column. */
export function locateFields(errors: readonly BuildError[], locate: FieldLocator): BuildError[] {
  return errors.map((error) => {
    if (error.file === undefined || error.line !== undefined || error.path.length === 0 || !error.file.endsWith('.md')) return error;
    const position = locate(error.file, error.path);
    return position ? { ...error, ...position } : error;
  });
}

/** locateFields for problems of one file whose text is at hand. */
export function locateFieldsIn(errors: readonly BuildError[], text: string): BuildError[] {
  return locateFields(errors, createFieldLocator(() => text));
}
