/**
 * The virtual clock and its event queue: a binary heap ordered by (time, insertion order), so
 * two events at the same microsecond run in the order they were scheduled. Nothing here reads
 * a real clock.
 */

export interface QueueEntry {
  /** Virtual time, integer microseconds (its place in the heap). */
  t: number;
  /** Insertion order: breaks ties between entries at the same time. */
  order: number;
  /**
   * Where the entry really belongs. A timer re-armed to a later time keeps its heap place and
   * only updates these; when the old place comes up, the entry moves to (dueT, dueOrder), which
   * is exactly where a fresh entry would have gone, so the order of events is unchanged.
   */
  dueT: number;
  dueOrder: number;
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

  /** Take the next insertion number (for an entry placed later, see QueueEntry.dueOrder). */
  takeOrder(): number {
    return this.nextOrder++;
  }

  schedule<A>(t: number, run: (arg: A) => void, arg?: A, order = this.nextOrder++): QueueEntry {
    const at = t > this.now ? t : this.now;
    const entry: QueueEntry = {
      t: at,
      order,
      dueT: at,
      dueOrder: order,
      run: run as (arg: unknown) => void,
      arg,
      cancelled: false,
    };
    this.push(entry);
    return entry;
  }

  private push(entry: QueueEntry): void {
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
  }

  /** Time of the earliest live entry, or undefined when nothing is left. */
  peekTime(): number | undefined {
    this.settle();
    return this.heap[0]?.t;
  }

  /** Remove and return the earliest live entry, advancing the clock to it. */
  pop(): QueueEntry | undefined {
    this.settle();
    const top = this.heap[0];
    if (!top) return undefined;
    this.removeTop();
    this.now = top.t;
    return top;
  }

  /** Drop cancelled entries and move postponed ones until the top is live and in place. */
  private settle(): void {
    const heap = this.heap;
    while (heap.length > 0) {
      const top = heap[0]!;
      if (top.cancelled) {
        this.removeTop();
      } else if (top.dueT !== top.t || top.dueOrder !== top.order) {
        this.removeTop();
        top.t = top.dueT;
        top.order = top.dueOrder;
        this.push(top);
      } else {
        return;
      }
    }
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
    return this.entry?.dueT;
  }

  /** Arm (or re-arm) to fire at absolute time `t` µs. */
  armAt(t: number): void {
    const q = this.queue;
    const at = t > q.now ? t : q.now;
    const order = q.takeOrder();
    const entry = this.entry;
    // Later than the current place: postpone in place instead of queueing a new entry.
    if (entry && entry.t <= at) {
      entry.dueT = at;
      entry.dueOrder = order;
      return;
    }
    if (entry) entry.cancelled = true;
    this.entry = q.schedule(at, this.expire, undefined, order);
  }

  cancel(): void {
    if (this.entry) this.entry.cancelled = true;
    this.entry = undefined;
  }
}
