/**
 * The virtual clock and its event queue: a binary heap ordered by (time, insertion order), so
 * two events at the same microsecond run in the order they were scheduled. Nothing here reads
 * a real clock.
 *
 * A stress run pushes and pops hundreds of thousands of entries, so the queue allocates
 * nothing per entry: an entry is a numbered slot in parallel arrays (its action, argument and
 * times), slots are recycled once they leave the heap, and the heap itself is three typed
 * arrays of keys and slot numbers. Comparing two keys then reads two adjacent numbers instead
 * of following pointers to two objects.
 */

/** What `next()` returns instead of a slot when nothing is due. */
export const QUEUE_EMPTY = -1;
export const QUEUE_LATER = -2;

const LIVE = 1;
const CANCELLED = 2;

type Action = (arg: unknown) => void;

export class EventQueue {
  /** Virtual time now, integer microseconds. */
  now = 0;
  /** Entries executed so far (cancelled ones are not counted). */
  processed = 0;
  private nextOrder = 0;

  // ——— Slots: one per entry in the heap ———
  private actions: (Action | undefined)[] = [];
  private args: unknown[] = [];
  /** Where the slot sits in the heap (its key's time). */
  private placeT = new Float64Array(16);
  /**
   * Where the entry really belongs. A timer re-armed to a later time keeps its heap place and
   * only updates these; when the old place comes up, the entry moves to (dueT, dueOrder), which
   * is exactly where a fresh entry would have gone, so the order of events is unchanged.
   */
  private dueT = new Float64Array(16);
  private dueOrder = new Float64Array(16);
  private status = new Uint8Array(16);
  private freeSlots: number[] = [];
  private slotCount = 0;

  // ——— The heap: keys (time, order) and the slot each belongs to ———
  private heapT = new Float64Array(16);
  private heapOrder = new Float64Array(16);
  private heapSlot = new Int32Array(16);
  private length = 0;

  get size(): number {
    return this.length;
  }

  /** Take the next insertion number (for an entry placed later, see `postpone`). */
  takeOrder(): number {
    return this.nextOrder++;
  }

  /** Queue `run(arg)` at `t` µs (not before now). Returns the entry's slot. */
  schedule<A>(t: number, run: (arg: A) => void, arg?: A, order = this.nextOrder++): number {
    const at = t > this.now ? t : this.now;
    const slot = this.allocSlot();
    this.actions[slot] = run as Action;
    this.args[slot] = arg;
    this.dueT[slot] = at;
    this.dueOrder[slot] = order;
    this.status[slot] = LIVE;
    this.push(at, order, slot);
    return slot;
  }

  /** The entry will not run; its slot is recycled when its heap place comes up. */
  cancel(slot: number): void {
    this.status[slot] = CANCELLED;
    this.actions[slot] = undefined;
    this.args[slot] = undefined;
  }

  /** The entry's heap place (µs): it can be postponed in place to any time at or after this. */
  placeOf(slot: number): number {
    return this.placeT[slot]!;
  }

  /** When the entry will run (µs). */
  dueOf(slot: number): number {
    return this.dueT[slot]!;
  }

  /** Move the entry to (t, order), no earlier than its heap place (see dueT). */
  postpone(slot: number, t: number, order: number): void {
    this.dueT[slot] = t;
    this.dueOrder[slot] = order;
  }

  /**
   * Take the earliest live entry due at or before `untilUs`, advancing the clock to it: its
   * slot, to read with `actionOf`/`argOf` and then `release`. QUEUE_EMPTY when nothing is
   * left, QUEUE_LATER when the next entry is after `untilUs` (the clock does not move).
   */
  next(untilUs: number): number {
    this.settle();
    if (this.length === 0) return QUEUE_EMPTY;
    const t = this.heapT[0]!;
    if (t > untilUs) return QUEUE_LATER;
    const slot = this.heapSlot[0]!;
    this.removeTop();
    this.now = t;
    return slot;
  }

  actionOf(slot: number): Action {
    return this.actions[slot]!;
  }

  argOf(slot: number): unknown {
    return this.args[slot];
  }

  /** The entry has been taken: its slot may be reused. */
  release(slot: number): void {
    this.status[slot] = 0;
    this.actions[slot] = undefined;
    this.args[slot] = undefined;
    this.freeSlots.push(slot);
  }

  /** Time of the earliest live entry, or undefined when nothing is left. */
  peekTime(): number | undefined {
    this.settle();
    return this.length > 0 ? this.heapT[0] : undefined;
  }

  private allocSlot(): number {
    const free = this.freeSlots;
    if (free.length > 0) return free.pop()!;
    const slot = this.slotCount++;
    if (slot === this.status.length) {
      const n = slot * 2;
      this.placeT = grow(this.placeT, n);
      this.dueT = grow(this.dueT, n);
      this.dueOrder = grow(this.dueOrder, n);
      const status = new Uint8Array(n);
      status.set(this.status);
      this.status = status;
    }
    return slot;
  }

  /** Drop cancelled entries and move postponed ones until the top is live and in place. */
  private settle(): void {
    while (this.length > 0) {
      const slot = this.heapSlot[0]!;
      if (this.status[slot] === CANCELLED) {
        this.removeTop();
        this.status[slot] = 0;
        this.freeSlots.push(slot);
      } else if (this.dueT[slot] !== this.heapT[0] || this.dueOrder[slot] !== this.heapOrder[0]) {
        this.removeTop();
        this.push(this.dueT[slot]!, this.dueOrder[slot]!, slot);
      } else {
        return;
      }
    }
  }

  private push(t: number, order: number, slot: number): void {
    if (this.length === this.heapT.length) {
      const n = this.length * 2;
      this.heapT = grow(this.heapT, n);
      this.heapOrder = grow(this.heapOrder, n);
      const slots = new Int32Array(n);
      slots.set(this.heapSlot);
      this.heapSlot = slots;
    }
    const heapT = this.heapT;
    const heapOrder = this.heapOrder;
    const heapSlot = this.heapSlot;
    this.placeT[slot] = t;
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = heapT[parent]!;
      if (pt < t || (pt === t && heapOrder[parent]! < order)) break;
      heapT[i] = pt;
      heapOrder[i] = heapOrder[parent]!;
      heapSlot[i] = heapSlot[parent]!;
      i = parent;
    }
    heapT[i] = t;
    heapOrder[i] = order;
    heapSlot[i] = slot;
  }

  private removeTop(): void {
    const n = --this.length;
    if (n === 0) return;
    const heapT = this.heapT;
    const heapOrder = this.heapOrder;
    const heapSlot = this.heapSlot;
    const t = heapT[n]!;
    const order = heapOrder[n]!;
    const slot = heapSlot[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      let ct = heapT[l]!;
      if (r < n) {
        const rt = heapT[r]!;
        if (rt < ct || (rt === ct && heapOrder[r]! < heapOrder[l]!)) {
          c = r;
          ct = rt;
        }
      }
      if (t < ct || (t === ct && order < heapOrder[c]!)) break;
      heapT[i] = ct;
      heapOrder[i] = heapOrder[c]!;
      heapSlot[i] = heapSlot[c]!;
      i = c;
    }
    heapT[i] = t;
    heapOrder[i] = order;
    heapSlot[i] = slot;
  }
}

function grow(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

/** A re-armable one-shot timer on the queue (like a kernel timer_list). */
export class Timer {
  /** The queue slot of the pending expiry, or -1. */
  private slot = -1;
  private readonly queue: EventQueue;
  private readonly fire: () => void;
  /** One function for every expiry: cancelled entries never run, so a running one is current. */
  private readonly expire = (): void => {
    this.slot = -1;
    this.fire();
  };

  constructor(queue: EventQueue, fire: () => void) {
    this.queue = queue;
    this.fire = fire;
  }

  get pending(): boolean {
    return this.slot >= 0;
  }

  /** When it will fire (µs), if armed. */
  get expires(): number | undefined {
    return this.slot >= 0 ? this.queue.dueOf(this.slot) : undefined;
  }

  /** Arm (or re-arm) to fire at absolute time `t` µs. */
  armAt(t: number): void {
    const q = this.queue;
    const at = t > q.now ? t : q.now;
    const order = q.takeOrder();
    const slot = this.slot;
    if (slot >= 0) {
      // Later than the current place: postpone in place instead of queueing a new entry.
      if (q.placeOf(slot) <= at) {
        q.postpone(slot, at, order);
        return;
      }
      q.cancel(slot);
    }
    this.slot = q.schedule(at, this.expire, undefined, order);
  }

  cancel(): void {
    if (this.slot >= 0) this.queue.cancel(this.slot);
    this.slot = -1;
  }
}
