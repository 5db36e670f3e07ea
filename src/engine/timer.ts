/**
 * Kernel timers (kernel/time/timer.c, Linux 6.x): every TCP and neighbour timer of a host is a
 * `KernelTimer` armed through that host's `TimerBase`, as every timer_list is armed through
 * mod_timer().
 *
 * The wheel. mod_timer(timer, expires) files the timer in a bucket of the timer wheel, and the
 * bucket, not `expires`, decides when it runs (calc_wheel_index()):
 *   - delta = expires − clk, in jiffies (clk: the base's clock, one ahead of jiffies once the
 *     timers of the current jiffy have run);
 *   - level n is the first with delta < LVL_START(n+1), LVL_START(n) = 63 << 3(n−1): level 0
 *     below 63 jiffies, 1 below 504, 2 below 4032, 3 below 32256, …;
 *   - the timer runs at jiffy ((expires >> 3n) + 1) << 3n (calc_index()): at least one jiffy
 *     late even at level 0, up to 8^n jiffies late at level n (at most 8/63 ≈ 12.7 % of delta).
 * Each rule re-arms from the moment its timer ran, so the lateness accumulates.
 *
 * The phase. Where the lab's t = 0 falls on the jiffies counter decides both how far into its
 * jiffy a timer is armed and where `expires` falls within the buckets of its level. One number
 * 0 ≤ phase < 1 places t = 0 within the wheel's longest cycle (WHEEL_CYCLE_JIFFIES = 8^8), so
 * varying it uniformly spans every arrangement the real counter can be in. Both hosts' counters
 * share it.
 *
 * With the wheel off (`createLab({ timerWheel: false })`) a timer runs exactly `delta` jiffies
 * after it was armed: the textbook timing.
 */
import type { Jiffies } from './jiffies.ts';
import { Prng } from './prng.ts';
import type { EventQueue } from './queue.ts';
import { Timer } from './queue.ts';

/** LVL_CLK_SHIFT: each level is 8 times coarser than the one below. */
const LVL_CLK_SHIFT = 3;
/** LVL_SIZE − 1: a level covers 63 of its own buckets beyond the level below. */
const LVL_SIZE_MINUS_1 = 63;

/** LVL_DEPTH: 9 levels for HZ > 100, 8 otherwise. */
function lvlDepth(hz: number): number {
  return hz > 100 ? 9 : 8;
}

/** LVL_START(n) = 63 << 3(n−1), for n = 0 … 9 (LVL_START(0) is not used). */
const LVL_START = Array.from(
  { length: 10 },
  (_, n) => LVL_SIZE_MINUS_1 * 2 ** (LVL_CLK_SHIFT * (n - 1)),
);
/** LVL_GRAN(n) = 8^n jiffies. */
const LVL_GRAN = Array.from({ length: 9 }, (_, n) => 2 ** (LVL_CLK_SHIFT * n));

/**
 * calc_wheel_index() → calc_index(): the jiffy at which a timer for `expires`, armed while the
 * base's clock reads `clk`, runs.
 */
export function calcBucketExpiry(expires: number, clk: number, hz: number): number {
  const delta = expires - clk;
  if (delta < 0) return clk;
  const depth = lvlDepth(hz);
  let lvl = 0;
  while (lvl < depth - 1 && delta >= LVL_START[lvl + 1]!) lvl += 1;
  let e = expires;
  // WHEEL_TIMEOUT_CUTOFF: "force expire obscene large timeouts" at the wheel's capacity.
  if (lvl === depth - 1 && delta >= LVL_START[depth]!) {
    e = clk + LVL_START[depth]! - LVL_GRAN[depth - 1]!;
  }
  const gran = LVL_GRAN[lvl]!;
  return (Math.floor(e / gran) + 1) * gran;
}

/** The default phase for a seed: a hash of it, so runs stay deterministic and the lab's PRNG stream is untouched. */
export function phaseForSeed(seed: number): number {
  return new Prng((seed ^ 0x5bd1e995) >>> 0).nextU32() / 2 ** 32;
}

/** One host's timer base (struct timer_base): its clock, and the wheel's rounding. */
export class TimerBase {
  declare readonly queue: EventQueue;
  declare readonly jiffies: Jiffies;
  declare readonly wheel: boolean;
  /** base->clk after the last run of timers: the jiffy after the one they ran in. */
  private clkAfterRun = -Infinity;

  constructor(queue: EventQueue, jiffies: Jiffies, wheel: boolean) {
    this.queue = queue;
    this.jiffies = jiffies;
    this.wheel = wheel;
  }

  /** The jiffies counter now. */
  get now(): number {
    return this.jiffies.at(this.queue.now);
  }

  /** When (µs) a timer armed now to expire `deltaJ` jiffies from now runs. */
  expiryUs(deltaJ: number): number {
    const now = this.queue.now;
    if (!this.wheel) return now + this.jiffies.toUs(deltaJ);
    const jnow = this.jiffies.at(now);
    // forward_timer_base(): the clock catches up with jiffies; while (and after) the timers of
    // this jiffy run it reads one ahead ("to avoid endless requeuing to current jiffies").
    const clk = Math.max(jnow, this.clkAfterRun);
    const fire = calcBucketExpiry(jnow + deltaJ, clk, this.jiffies.hz);
    return Math.max(now, this.jiffies.tickUs(fire));
  }

  /**
   * The expiry a timer armed now for `deltaJ` jiffies asks for (jiffies + delta: what
   * icsk_timeout or timer_list.expires hold), as a time in µs, before the wheel's rounding.
   */
  requestedUs(armedUs: number, deltaJ: number): number {
    if (!this.wheel) return armedUs + this.jiffies.toUs(deltaJ);
    return this.jiffies.tickUs(this.jiffies.at(armedUs) + deltaJ);
  }

  /** __run_timers(): a timer of this base is about to run. */
  running(): void {
    this.clkAfterRun = this.jiffies.at(this.queue.now) + 1;
  }
}

/**
 * A kernel timer (struct timer_list) on a host's base: timer_setup(timer, fn) with its owner, so
 * `fn(owner)` runs when it expires, and `changed(owner)` after it is armed, deleted or has run
 * (a socket's `ss` row shows its timers). Rules arm it with `mod()` and delete it with `del()`.
 */
export class KernelTimer<O = unknown> extends Timer<O> {
  declare private readonly base: TimerBase;
  declare private readonly changed: ((owner: O) => void) | undefined;
  private armedUs = 0;
  private deltaJ = 0;
  private requested = -1;

  constructor(base: TimerBase, owner: O, fn: (owner: O) => void, changed?: (owner: O) => void) {
    super(base.queue, owner, fn);
    this.base = base;
    this.changed = changed;
  }

  protected override expired(): void {
    this.base.running();
    super.expired();
    this.changed?.(this.owner);
  }

  /** The expiry it was armed for (µs), before the wheel's rounding: what `ss -o` counts down to. */
  get requestedUs(): number {
    // Worked out once per arming: every `ss` row recorded while it is pending reads it.
    if (this.requested < 0) this.requested = this.base.requestedUs(this.armedUs, this.deltaJ);
    return this.requested;
  }

  /** mod_timer(timer, jiffies + deltaJ). */
  mod(deltaJ: number): void {
    this.armedUs = this.base.queue.now;
    this.deltaJ = deltaJ;
    this.requested = -1;
    this.armAt(this.base.expiryUs(deltaJ));
    this.changed?.(this.owner);
  }

  /**
   * The host goes to sleep: the timer stops and keeps the time it had left, since the jiffies
   * it counts stand still while the machine is suspended (see sleep.ts). µs left, or -1 if idle.
   */
  freeze(): number {
    const expires = this.expires;
    if (expires === undefined) return -1;
    this.cancel();
    return expires - this.base.queue.now;
  }

  /** The host woke `sleptUs` after it froze: run `leftUs` from now, as armed before, `sleptUs` later. */
  thaw(leftUs: number, sleptUs: number): void {
    this.armedUs += sleptUs;
    if (this.requested >= 0) this.requested += sleptUs;
    this.armAt(this.base.queue.now + leftUs);
    this.changed?.(this.owner);
  }

  /** timer_delete(). */
  del(): void {
    const was = this.pending;
    this.cancel();
    if (was) this.changed?.(this.owner);
  }
}
