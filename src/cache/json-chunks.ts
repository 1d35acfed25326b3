// Pure: a value holding long arrays → its JSON text a piece at a time, the same text JSON.stringify gives.

/** An array given by its length and an element getter, serialized a slice at a time: it is never built whole. */
export class JsonColumn {
  constructor(
    readonly length: number,
    readonly at: (position: number) => unknown,
    /** The array itself, when there is one: its slices are serialized without a call per element. */
    readonly array?: readonly unknown[],
  ) {}

  /** An array held already, serialized a slice at a time (so that no string of all of it is made). */
  static of(array: readonly unknown[]): JsonColumn {
    return new JsonColumn(array.length, (position) => array[position], array);
  }
}

/** Elements serialized together: large enough to be cheap, small enough to keep each piece small. */
const SLICE = 4096;

function* columnChunks(column: JsonColumn): Generator<string> {
  yield '[';
  for (let start = 0; start < column.length; start += SLICE) {
    const end = Math.min(column.length, start + SLICE);
    let slice: unknown[];
    if (column.array) slice = column.array.slice(start, end);
    else {
      slice = [];
      for (let position = start; position < end; position++) slice.push(column.at(position));
    }
    const text = JSON.stringify(slice);
    yield (start > 0 ? ',' : '') + text.slice(1, -1);
  }
  yield ']';
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

function holdsColumn(value: unknown): boolean {
  return value instanceof JsonColumn || (isPlainObject(value) && Object.values(value).some(holdsColumn));
}

/**
 * The JSON text of `value` in pieces: JsonColumns anywhere in its plain objects are written a
 * slice at a time, the rest as JSON.stringify writes it. Joined, the pieces are what
 * JSON.stringify would give for the value with each column as an array.
 */
export function* jsonChunks(value: unknown): Generator<string> {
  if (value instanceof JsonColumn) {
    yield* columnChunks(value);
    return;
  }
  if (!isPlainObject(value) || !holdsColumn(value)) {
    yield JSON.stringify(value);
    return;
  }
  let first = true;
  yield '{';
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue; // left out, as JSON.stringify does
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonChunks(field);
  }
  yield '}';
}
