// Pure: YAML text → plain data plus a lookup from a field path to its line and column.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { BuildError, FieldPath } from '../errors/build-error.js';
import { makeError } from '../errors/error-catalogue.js';

/** A 1-based position in a file. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Finds where a field stands; `key: true` points at the key instead of the value. */
export type PositionLookup = (path: FieldPath, options?: { key?: boolean }) => SourcePosition;

export interface ParsedYaml {
  readonly data: unknown;
  readonly positionOf: PositionLookup;
}

/** Aliases beyond this are refused, so a "billion laughs" document cannot exhaust memory. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses YAML (1.2 core schema: dates stay strings, so zod sees exactly what was written).
 * `firstLine` is the file line the text starts on, so positions point into the whole file.
 */
export function parseYamlWithPositions(
  text: string,
  options: { file: string; firstLine: number },
): { value?: ParsedYaml; errors: BuildError[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toFilePosition = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + options.firstLine - 1, column: col };
  };
  if (document.errors.length > 0) {
    return {
      errors: document.errors.map((error) => {
        const position = toFilePosition(error.pos[0]);
        return makeError('YAML_SYNTAX', `The YAML could not be parsed: ${firstSentence(error.message)}`, {
          file: options.file,
          ...position,
          cause: error,
        });
      }),
    };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return {
      errors: [
        makeError('YAML_SYNTAX', `The YAML could not be turned into data: ${firstSentence(String((error as Error).message))}`, {
          file: options.file,
          line: options.firstLine,
          column: 1,
          hint: 'Remove YAML aliases (*name) that expand to huge values.',
          cause: error,
        }),
      ],
    };
  }
  const positionOf: PositionLookup = (path, lookupOptions) => {
    const offset = findOffset(document.contents, path, lookupOptions?.key ?? false);
    return toFilePosition(offset);
  };
  return { value: { data, positionOf }, errors: [] };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** Walks the node tree as far as the path goes; returns the start offset of the deepest node. */
function findOffset(root: unknown, path: FieldPath, pointAtKey: boolean): number {
  let node = root as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const [index, segment] of path.entries()) {
    const isLast = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return offset;
      const key = pair.key as Node;
      if (isLast && pointAtKey) return key.range?.[0] ?? offset;
      const value = pair.value as Node | null;
      offset = value?.range?.[0] ?? key.range?.[0] ?? offset;
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}
