// Pure: a long array → its JSON text a piece at a time, the same text JSON.stringify gives.

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

/** The JSON text of a column in pieces: joined, what JSON.stringify gives for the array. */
export function* jsonColumnChunks(column: JsonColumn): Generator<string> {
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
