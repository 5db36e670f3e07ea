/**
 * The engine's records (segments, events, socket rows) are kept as typed-array columns while
 * a lab runs, one per field. They live until the run ends, and a generational garbage
 * collector would copy each of hundreds of thousands of small record objects at least twice
 * while the run allocates short-lived frames around them; columns of numbers cost nothing to
 * keep. Objects are built from them when a result's records are first read.
 */

/** Rows a table starts with: enough for a short lesson run. A table doubles when full. */
export const INITIAL_ROWS = 64;

/** How many columns of each type a table has. */
export interface ColumnCounts {
  readonly f64: number;
  readonly u32: number;
  readonly i32: number;
  readonly u8: number;
}

/**
 * One buffer for all of a table's columns, so that making or growing a table is one
 * allocation rather than one per column (every lab makes three tables, and a typed array's
 * separate buffer is slow to allocate). Take the columns in any order: with a row count that
 * is a multiple of 8, every column starts aligned.
 */
export class ColumnBuffer {
  readonly rows: number;
  private readonly buffer: ArrayBuffer;
  private offset = 0;

  /** Room for `rows` rows of each table whose columns are listed (a lab's tables start in one). */
  constructor(rows: number, ...tables: ColumnCounts[]) {
    this.rows = rows;
    let bytesPerRow = 0;
    for (const c of tables) bytesPerRow += 8 * c.f64 + 4 * (c.u32 + c.i32) + c.u8;
    this.buffer = new ArrayBuffer(rows * bytesPerRow);
  }

  f64(old?: Float64Array): Float64Array {
    return this.next(Float64Array, old);
  }

  u32(old?: Uint32Array): Uint32Array {
    return this.next(Uint32Array, old);
  }

  i32(old?: Int32Array): Int32Array {
    return this.next(Int32Array, old);
  }

  u8(old?: Uint8Array): Uint8Array {
    return this.next(Uint8Array, old);
  }

  /** The next column of type `Kind`, starting with `old`'s values if given. */
  private next<T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(
    Kind: {
      new (buffer: ArrayBuffer, offset: number, length: number): T;
      BYTES_PER_ELEMENT: number;
    },
    old: T | undefined,
  ): T {
    const column = new Kind(this.buffer, this.offset, this.rows);
    this.offset += Kind.BYTES_PER_ELEMENT * this.rows;
    if (old) column.set(old);
    return column;
  }
}

/** Codes for a fixed list of names: name → index in the list (absent names are skipped). */
export function codeTable<T>(names: readonly (T | undefined)[]): Map<T, number> {
  const codes = new Map<T, number>();
  names.forEach((name, i) => {
    if (name !== undefined) codes.set(name, i);
  });
  return codes;
}
