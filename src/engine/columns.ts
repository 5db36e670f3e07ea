/**
 * The engine's records (segments, events, socket rows) are kept as typed-array columns while
 * a lab runs, one per field. They live until the run ends, and a generational garbage
 * collector would copy each of hundreds of thousands of small record objects at least twice
 * while the run allocates short-lived frames around them; columns of numbers cost nothing to
 * keep (a million records as objects take about three times the memory). Objects are built
 * from them when a result's records are first read.
 */

/** Rows a column's first page starts with: enough for a short lesson run. */
const INITIAL_ROWS = 64;

/** Rows in a full page of a column. */
const PAGE_BITS = 14;
const PAGE_ROWS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_ROWS - 1;

type TypedArray = Float64Array | Uint32Array | Int32Array | Uint8Array;

/**
 * One column of a table: numbers in pages of 16,384 rows, so that a table of a million rows
 * needs no copying to grow and wastes at most one page (a doubling array would hold up to twice
 * what it needs, and briefly three times while it copies). The first page starts small and
 * doubles until full: most runs are lesson runs of a few hundred rows. Rows are added in order.
 */
export class Column<A extends TypedArray> {
  private readonly pages: A[];
  private readonly Kind: new (length: number) => A;

  constructor(Kind: new (length: number) => A) {
    this.Kind = Kind;
    this.pages = [new Kind(INITIAL_ROWS)];
  }

  get(row: number): number {
    return this.pages[row >>> PAGE_BITS]![row & PAGE_MASK]!;
  }

  set(row: number, value: number): void {
    const p = row >>> PAGE_BITS;
    const i = row & PAGE_MASK;
    let page = this.pages[p];
    if (page === undefined) {
      page = new this.Kind(PAGE_ROWS);
      this.pages[p] = page;
    } else if (i >= page.length) {
      const bigger = new this.Kind(Math.min(PAGE_ROWS, Math.max(page.length * 2, i + 1)));
      bigger.set(page);
      page = bigger;
      this.pages[p] = page;
    }
    page[i] = value;
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
