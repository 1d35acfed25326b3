// Pure: YAML text → plain data plus a lookup from a field path to its line and column.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { BuildError, FieldPath } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { MessageParams } from '../model/error-catalogue.js';

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
  // The parser's own duplicate-key check compares each key with every earlier one (quadratic: a
  // front matter of 100,000 keys took minutes, issue 11); findDuplicateKeys does it in one pass.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const toFilePosition = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + options.firstLine - 1, column: col };
  };
  const problems: YamlProblem[] = [
    ...document.errors.map((error) => ({ offset: error.pos[0], params: { kind: 'unparsable', reason: firstSentence(error.message) } as const, cause: error as unknown })),
    ...findDuplicateKeys(document.contents),
  ];
  if (problems.length > 0) {
    return {
      errors: problems
        .sort((a, b) => a.offset - b.offset)
        .map((problem) =>
          makeError('YAML_SYNTAX', problem.params, {
            file: options.file,
            ...toFilePosition(problem.offset),
            cause: problem.cause,
          }),
        ),
    };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return {
      errors: [
        makeError('YAML_SYNTAX', { kind: 'not-data', reason: firstSentence(String((error as Error).message)) }, {
          file: options.file,
          line: options.firstLine,
          column: 1,
          cause: error,
        }),
      ],
    };
  }
  const indexes = new WeakMap<object, PairsByKey>();
  const positionOf: PositionLookup = (path, lookupOptions) => {
    const offset = findOffset(document.contents, path, lookupOptions?.key ?? false, indexes);
    return toFilePosition(offset);
  };
  return { value: { data, positionOf }, errors: [] };
}

/** A syntax problem at an offset of the text. */
interface YamlProblem {
  readonly offset: number;
  readonly params: MessageParams<'YAML_SYNTAX'>;
  readonly cause: unknown;
}

/** Keys that repeat an earlier key of the same map (by type and value, as the parser's own check compares scalars), at each repeat. */
function findDuplicateKeys(root: unknown): YamlProblem[] {
  const found: YamlProblem[] = [];
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const text = `${typeof pair.key.value}:${String(pair.key.value)}`;
          if (seen.has(text)) found.push({ offset: pair.key.range?.[0] ?? 0, params: { kind: 'duplicate-key' }, cause: undefined });
          seen.add(text);
        }
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(root);
  return found;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** A map node's pairs by key text, made once per node: a lookup per problem must not walk every key (issue 11). */
type PairsByKey = Map<string, Pair>;

/** Walks the node tree as far as the path goes; returns the start offset of the deepest node. */
function findOffset(root: unknown, path: FieldPath, pointAtKey: boolean, indexes: WeakMap<object, PairsByKey>): number {
  let node = root as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const [index, segment] of path.entries()) {
    const isLast = index === path.length - 1;
    if (isMap(node)) {
      const pair = pairsByKey(node, indexes).get(String(segment));
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

/** The first pair of each scalar key (keys are unique: the parser refuses duplicates). */
function pairsByKey(node: YAMLMap, indexes: WeakMap<object, PairsByKey>): PairsByKey {
  let pairs = indexes.get(node);
  if (pairs) return pairs;
  pairs = new Map();
  for (const item of node.items) {
    if (isPair(item) && isScalar(item.key)) {
      const text = String(item.key.value);
      if (!pairs.has(text)) pairs.set(text, item as Pair);
    }
  }
  indexes.set(node, pairs);
  return pairs;
}
