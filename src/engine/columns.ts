/**
 * Growing typed-array columns. The engine's records (segments, events, socket rows) are kept
 * as columns of numbers while a lab runs: they live until the run ends, and a generational
 * garbage collector would copy every one of hundreds of thousands of small objects at least
 * twice while the run allocates short-lived frames around them. Columns cost nothing to keep.
 */

export function growF64(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

export function growU8(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(n);
  b.set(a);
  return b;
}

export function growI32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/** Codes for a fixed list of names: name → index, and index → the same string back. */
export function codeTable<T>(names: readonly T[]): Map<T, number> {
  return new Map(names.map((name, i) => [name, i]));
}
