/**
 * The virtual clock and its event queue: a binary heap ordered by (time, insertion order), so
 * two events at the same microsecond run in the order they were scheduled. Nothing here reads
 * a real clock.
 */

export interface QueueEntry {
  /** Virtual time, integer microseconds. */
  t: number;
  /** Insertion order: breaks ties between entries at the same time. */
  order: number;
  run: (arg: unknown) => void;
  /** Passed to `run`: lets hot paths schedule a shared function instead of a fresh closure. */
  arg: unknown;
  cancelled: boolean;
}

export class EventQueue {
  /** Virtual time now, integer microseconds. */
  now = 0;
  /** Entries executed so far (cancelled ones are not counted). */
  processed = 0;
  private heap: QueueEntry[] = [];
  private nextOrder = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule<A>(t: number, run: (arg: A) => void, arg?: A): QueueEntry {
    const entry: QueueEntry = {
      t: t > this.now ? t : this.now,
      order: this.nextOrder++,
      run: run as (arg: unknown) => void,
      arg,
      cancelled: false,
    };
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (p.t < entry.t || (p.t === entry.t && p.order < entry.order)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
    return entry;
  }

  /** Time of the earliest live entry, or undefined when nothing is left. */
  peekTime(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.t;
  }

  /** Remove and return the earliest live entry, advancing the clock to it. */
  pop(): QueueEntry | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top) return undefined;
    this.removeTop();
    this.now = top.t;
    return top;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.removeTop();
  }

  private removeTop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    const n = heap.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      const lc = heap[l]!;
      if (r < n) {
        const rc = heap[r]!;
        if (rc.t < lc.t || (rc.t === lc.t && rc.order < lc.order)) c = r;
      }
      const child = heap[c]!;
      if (last.t < child.t || (last.t === child.t && last.order < child.order)) break;
      heap[i] = child;
      i = c;
    }
    heap[i] = last;
  }
}

/** A re-armable one-shot timer on the queue (like a kernel timer_list). */
export class Timer {
  private entry: QueueEntry | undefined;
  private readonly queue: EventQueue;
  private readonly fire: () => void;
  /** One function for every expiry: cancelled entries never run, so a running one is current. */
  private readonly expire = (): void => {
    this.entry = undefined;
    this.fire();
  };

  constructor(queue: EventQueue, fire: () => void) {
    this.queue = queue;
    this.fire = fire;
  }

  get pending(): boolean {
    return this.entry !== undefined;
  }

  /** When it will fire (µs), if armed. */
  get expires(): number | undefined {
    return this.entry?.t;
  }

  /** Arm (or re-arm) to fire at absolute time `t` µs. */
  armAt(t: number): void {
    if (this.entry) this.entry.cancelled = true;
    this.entry = this.queue.schedule(t, this.expire);
  }

  cancel(): void {
    if (this.entry) this.entry.cancelled = true;
    this.entry = undefined;
  }
}
