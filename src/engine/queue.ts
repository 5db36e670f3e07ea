/**
 * The virtual clock and its event queue: a binary heap ordered by (time, insertion order), so
 * two events at the same microsecond run in the order they were scheduled. Nothing here reads
 * a real clock.
 *
 * Beside the heap, lanes: first-in-first-out lists for entries that are scheduled in time
 * order anyway (frames on a cable direction, which all take the same delay). Most events of
 * a busy run are frame arrivals, and a lane takes and gives one in constant time; `next()`
 * merges the lanes' heads with the heap's top by the same (time, order) key, so the order of
 * events is exactly what one heap would give. Actions planned before the run starts (a lab
 * script's at() calls) are sorted once into a lane of their own.
 *
 * A stress run pushes and pops hundreds of thousands of entries, so the queue allocates
 * nothing per entry: an entry is a numbered slot in parallel arrays (its action, argument and
 * times), slots are recycled once they leave the heap, and the heap itself is three typed
 * arrays of keys and slot numbers. Comparing two keys then reads two adjacent numbers instead
 * of following pointers to two objects.
 */

/** What `next()` returns: an entry was taken (run it with `runTaken()`), nothing is left, or nothing is due yet. */
export const QUEUE_TAKEN = 0;
export const QUEUE_EMPTY = -1;
export const QUEUE_LATER = -2;

const LIVE = 1;
const CANCELLED = 2;

/** Where `next()` found the earliest entry: the heap, or a lane's number (≥ 0). */
const FROM_HEAP = -1;
const FROM_NOWHERE = -2;

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
  private placeT = new Float64Array(8);
  /**
   * Where the entry really belongs. A timer re-armed to a later time keeps its heap place and
   * only updates these; when the old place comes up, the entry moves to (dueT, dueOrder), which
   * is exactly where a fresh entry would have gone, so the order of events is unchanged.
   */
  private dueT = new Float64Array(8);
  private dueOrder = new Float64Array(8);
  private status = new Uint8Array(8);
  private freeSlots: number[] = [];
  private slotCount = 0;

  // ——— The heap: keys (time, order) and the slot each belongs to ———
  private heapT = new Float64Array(8);
  private heapOrder = new Float64Array(8);
  private heapSlot = new Int32Array(8);
  private length = 0;

  private readonly lanes: Lane[] = [];
  /** Actions planned before the run (see `plan`), not yet sorted into their lane. */
  private planned: { t: number; order: number; action: () => void }[] = [];
  private planLane = -1;
  /** The entry `next()` took, for `runTaken()`. */
  private takenRun: Action | undefined;
  private takenArg: unknown;

  /** Entries waiting in the heap, the lanes and the plan (cancelled ones until they come up). */
  get size(): number {
    let n = this.length + this.planned.length;
    for (const lane of this.lanes) n += lane.count;
    return n;
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
   * Take the earliest live entry due at or before `untilUs`, advancing the clock to it, and
   * return QUEUE_TAKEN; `runTaken()` then runs it. QUEUE_EMPTY when nothing is left,
   * QUEUE_LATER when the next entry is after `untilUs` (the clock does not move).
   */
  next(untilUs: number): number {
    this.settle();
    let bestT = Infinity;
    let bestOrder = Infinity;
    let from = FROM_NOWHERE;
    if (this.length > 0) {
      bestT = this.heapT[0]!;
      bestOrder = this.heapOrder[0]!;
      from = FROM_HEAP;
    }
    const lanes = this.lanes;
    for (let i = 0; i < lanes.length; i++) {
      const lane = lanes[i]!;
      if (lane.count === 0) continue;
      const t = lane.headT();
      if (t < bestT || (t === bestT && lane.headOrder() < bestOrder)) {
        bestT = t;
        bestOrder = lane.headOrder();
        from = i;
      }
    }
    if (from === FROM_NOWHERE) return QUEUE_EMPTY;
    if (bestT > untilUs) return QUEUE_LATER;
    this.now = bestT;
    if (from === FROM_HEAP) {
      const slot = this.heapSlot[0]!;
      this.removeTop();
      this.takenRun = this.actions[slot];
      this.takenArg = this.args[slot];
      this.status[slot] = 0;
      this.actions[slot] = undefined;
      this.args[slot] = undefined;
      this.freeSlots.push(slot);
    } else {
      const lane = lanes[from]!;
      this.takenRun = lane.run;
      this.takenArg = lane.shift();
    }
    return QUEUE_TAKEN;
  }

  /** Run the entry `next()` took. */
  runTaken(): void {
    const run = this.takenRun!;
    const arg = this.takenArg;
    this.takenRun = undefined;
    this.takenArg = undefined;
    run(arg);
  }

  /**
   * Queue `action` at `t` µs, planned before the queue runs (a lab script's `at()` calls, often
   * thousands): `settlePlan()` sorts the planned actions into a lane of their own when the run
   * starts, so they never pass through the heap. Same order of events as `schedule()`.
   */
  plan(t: number, action: () => void): void {
    this.planned.push({ t: t > this.now ? t : this.now, order: this.nextOrder++, action });
  }

  /** Sort the actions planned so far in with those still waiting in their lane. */
  settlePlan(): void {
    if (this.planned.length === 0) return;
    if (this.planLane < 0) this.planLane = this.lane(invoke);
    const lane = this.lanes[this.planLane]!;
    const entries = lane.takeAll() as { t: number; order: number; action: () => void }[];
    for (const p of this.planned) entries.push(p);
    this.planned = [];
    // Stable: entries of one time keep their (increasing) order.
    entries.sort((a, b) => a.t - b.t);
    for (const e of entries) lane.push(e.t, e.order, e.action);
  }

  /**
   * A lane for `run`: entries added with `scheduleInLane` must come in time order (each at or
   * after the one before), which is what lets the lane skip the heap. Returns the lane's number.
   */
  lane<A>(run: (arg: A) => void): number {
    this.lanes.push(new Lane(run as Action));
    return this.lanes.length - 1;
  }

  /** Queue the lane's action with `arg` at `t` µs (not before now, nor before the lane's last entry). */
  scheduleInLane(lane: number, t: number, arg: unknown): void {
    this.lanes[lane]!.push(t > this.now ? t : this.now, this.nextOrder++, arg);
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
      this.status = grow(this.status, n);
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
        // Postponed: sift it down from the top to its due place, in one pass.
        this.placeT[slot] = this.dueT[slot]!;
        this.siftDown(this.dueT[slot]!, this.dueOrder[slot]!, slot, this.length);
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
      this.heapSlot = grow(this.heapSlot, n);
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
    this.siftDown(this.heapT[n]!, this.heapOrder[n]!, this.heapSlot[n]!, n);
  }

  /** Put (t, order, slot) at the top of the first `n` heap places and sift it down. */
  private siftDown(t: number, order: number, slot: number, n: number): void {
    const heapT = this.heapT;
    const heapOrder = this.heapOrder;
    const heapSlot = this.heapSlot;
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

/** Runs a planned action (the plan lane's action; the argument is the planned function). */
function invoke(action: unknown): void {
  (action as () => void)();
}

/** A lane's entries: a ring buffer of (time, order, argument), oldest first. */
class Lane {
  declare readonly run: Action;
  count = 0;
  private head = 0;
  private t = new Float64Array(8);
  private order = new Float64Array(8);
  private args: unknown[] = new Array<unknown>(8);
  private lastT = -Infinity;

  constructor(run: Action) {
    this.run = run;
  }

  headT(): number {
    return this.t[this.head]!;
  }

  headOrder(): number {
    return this.order[this.head]!;
  }

  push(t: number, order: number, arg: unknown): void {
    if (t < this.lastT)
      throw new Error(`queue lane: entry at ${t} µs after one at ${this.lastT} µs`);
    this.lastT = t;
    if (this.count === this.t.length) this.grow();
    const cap = this.t.length;
    const i = (this.head + this.count) & (cap - 1);
    this.t[i] = t;
    this.order[i] = order;
    this.args[i] = arg;
    this.count += 1;
  }

  /** Empty the lane, returning its entries oldest first. */
  takeAll(): { t: number; order: number; action: unknown }[] {
    const out: { t: number; order: number; action: unknown }[] = [];
    const mask = this.t.length - 1;
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) & mask;
      out.push({ t: this.t[i]!, order: this.order[i]!, action: this.args[i] });
      this.args[i] = undefined;
    }
    this.head = 0;
    this.count = 0;
    this.lastT = -Infinity;
    return out;
  }

  shift(): unknown {
    const i = this.head;
    const arg = this.args[i];
    this.args[i] = undefined;
    this.head = (i + 1) & (this.t.length - 1);
    this.count -= 1;
    return arg;
  }

  /** Double the ring (its size stays a power of two), oldest entry first. */
  private grow(): void {
    const cap = this.t.length;
    const t = new Float64Array(cap * 2);
    const order = new Float64Array(cap * 2);
    const args = new Array<unknown>(cap * 2);
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) & (cap - 1);
      t[k] = this.t[i]!;
      order[k] = this.order[i]!;
      args[k] = this.args[i];
    }
    this.t = t;
    this.order = order;
    this.args = args;
    this.head = 0;
  }
}

/**
 * A re-armable one-shot timer on the queue (like a kernel timer_list): when it fires it calls
 * `fire(owner)`, as a kernel callback finds its socket with from_timer(). A lab has thousands of
 * timers, so a timer is one object: its queue entry's action is `Timer.expire` with the timer as
 * the argument, not a closure of its own.
 */
export class Timer<O = unknown> {
  /** The queue slot of the pending expiry, or -1. */
  private slot = -1;
  declare private readonly queue: EventQueue;
  declare protected readonly owner: O;
  declare private readonly fire: (owner: O) => void;

  constructor(queue: EventQueue, owner: O, fire: (owner: O) => void) {
    this.queue = queue;
    this.owner = owner;
    this.fire = fire;
  }

  /** The action of every timer's entry: cancelled entries never run, so a running one is current. */
  private static expire(timer: Timer): void {
    timer.slot = -1;
    timer.expired();
  }

  /** The timer has fired (a kernel timer adds its base's bookkeeping, see timer.ts). */
  protected expired(): void {
    this.fire(this.owner);
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
    this.slot = q.schedule(at, Timer.expire, this as Timer, order);
  }

  cancel(): void {
    if (this.slot >= 0) this.queue.cancel(this.slot);
    this.slot = -1;
  }
}

/** A copy of `a` with room for `n` entries. */
function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
