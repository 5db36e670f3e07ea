/**
 * The engine's records (segments, events, socket rows) are kept as typed-array columns while
 * a lab runs, one per field. They live until the run ends, and a generational garbage
 * collector would copy each of hundreds of thousands of small record objects at least twice
 * while the run allocates short-lived frames around them; columns of numbers cost nothing to
 * keep (a million records as objects take about three times the memory). Objects are built
 * from them when a result's records are first read.
 */

/**
 * Rows a column's first page starts with: enough for a lesson run, which records up to about
 * 120 segments and events, and about twice as many socket rows (growing a page costs a lesson
 * run more than a larger first page).
 */
const FIRST_ROWS = 128;
export const FIRST_SOCKET_ROWS = 256;

/** Rows in a full page of a column. */
const PAGE_BITS = 14;
const PAGE_ROWS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_ROWS - 1;

type TypedArray = Uint32Array | Int32Array;

interface TypedArrayKind<A extends TypedArray> {
  new (length: number): A;
  new (buffer: ArrayBuffer, offset: number, length: number): A;
  readonly BYTES_PER_ELEMENT: number;
}

/**
 * Bytes of first pages a lab's three tables take: a row is 44 bytes of segment, 24 of event and
 * 28 of socket; a column beyond them gets a page of its own.
 */
const FIRST_PAGES_BYTES = (44 + 24) * FIRST_ROWS + 28 * FIRST_SOCKET_ROWS;

/**
 * One buffer for the first pages of a lab's columns: a lab has 25 columns, most runs never
 * leave their first pages, and allocating one buffer costs a small run far less than 25.
 */
export class FirstPages {
  private readonly buffer = new ArrayBuffer(FIRST_PAGES_BYTES);
  private offset = 0;

  /** A first page of `rows` rows (a multiple of 8, so every view starts aligned). */
  take<A extends TypedArray>(Kind: TypedArrayKind<A>, rows: number): A {
    const bytes = Kind.BYTES_PER_ELEMENT * rows;
    if (this.offset + bytes > FIRST_PAGES_BYTES) return new Kind(rows);
    const page = new Kind(this.buffer, this.offset, rows);
    this.offset += bytes;
    return page;
  }
}

/**
 * One column of a table: numbers in pages of 16,384 rows, so that a table of a million rows
 * needs no copying to grow and wastes at most one page (a doubling array would hold up to twice
 * what it needs, and briefly three times while it copies). The first page starts small and
 * doubles until full: most runs are lesson runs of a few hundred rows. Rows are added in order.
 *
 * Each kind of number has its own subclass with its own get and set, although their code is the
 * same: V8 compiles an array access for the kinds of array it has seen there, so one shared set
 * for all kinds would be a slower, polymorphic store in every table.
 */
abstract class PagedColumn<A extends TypedArray> {
  protected readonly pages: A[];
  private readonly Kind: TypedArrayKind<A>;

  /** `first`: where its first page of `rows` rows comes from (see FirstPages). */
  constructor(Kind: TypedArrayKind<A>, first: FirstPages, rows: number) {
    this.Kind = Kind;
    this.pages = [first.take(Kind, rows)];
  }

  /** The page of `row`, made or grown so that it holds the row. */
  protected pageFor(row: number): A {
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
    return page;
  }
}

export class Uint32Column extends PagedColumn<Uint32Array> {
  constructor(first: FirstPages, rows = FIRST_ROWS) {
    super(Uint32Array, first, rows);
  }

  get(row: number): number {
    return this.pages[row >>> PAGE_BITS]![row & PAGE_MASK]!;
  }

  set(row: number, value: number): void {
    const page = this.pages[row >>> PAGE_BITS];
    const i = row & PAGE_MASK;
    if (page !== undefined && i < page.length) page[i] = value;
    else this.pageFor(row)[i] = value;
  }
}

export class Int32Column extends PagedColumn<Int32Array> {
  constructor(first: FirstPages, rows = FIRST_ROWS) {
    super(Int32Array, first, rows);
  }

  get(row: number): number {
    return this.pages[row >>> PAGE_BITS]![row & PAGE_MASK]!;
  }

  set(row: number, value: number): void {
    const page = this.pages[row >>> PAGE_BITS];
    const i = row & PAGE_MASK;
    if (page !== undefined && i < page.length) page[i] = value;
    else this.pageFor(row)[i] = value;
  }
}

/**
 * Microsecond times of rows added in time order, in 32 bits a row: a row keeps its time modulo
 * 2^32 µs (71.6 minutes), and the column notes the first row of each later such span, which a
 * run of hours crosses a few times at most. Rows may be written again, at the same time.
 */
export class TimeColumn {
  private readonly low: Uint32Column;
  /** spanStarts[k]: the first row at or after (k + 1) · 2^32 µs. */
  private readonly spanStarts: number[] = [];
  /** Where the span of the latest row starts, µs. */
  private spanStartUs = 0;

  constructor(first: FirstPages, rows = FIRST_ROWS) {
    this.low = new Uint32Column(first, rows);
  }

  get(row: number): number {
    const starts = this.spanStarts;
    let span = 0;
    while (span < starts.length && starts[span]! <= row) span += 1;
    return span * SPAN_US + this.low.get(row);
  }

  set(row: number, us: number): void {
    while (us - this.spanStartUs >= SPAN_US) {
      this.spanStarts.push(row);
      this.spanStartUs += SPAN_US;
    }
    this.low.set(row, us - this.spanStartUs);
  }
}

const SPAN_US = 2 ** 32;

/** Four small codes (each 0–255) as one value of a Uint32 column. */
export function packBytes(b0: number, b1: number, b2: number, b3: number): number {
  return (b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)) >>> 0;
}

/** Code `k` (0–3) of a packBytes value. */
export function byteOf(packed: number, k: number): number {
  return (packed >>> (8 * k)) & 255;
}

/** A packBytes value with code `k` replaced by `code`. */
export function withByte(packed: number, k: number, code: number): number {
  return ((packed & ~(255 << (8 * k))) | (code << (8 * k))) >>> 0;
}

/** Codes for a fixed list of names: name → index in the list (absent names are skipped). */
export function codeTable<T>(names: readonly (T | undefined)[]): Map<T, number> {
  const codes = new Map<T, number>();
  names.forEach((name, i) => {
    if (name !== undefined) codes.set(name, i);
  });
  return codes;
}
