/**
 * Kernel time units. TCP timers count jiffies (1/HZ s); the conversions round the way the
 * kernel's do (usecs_to_jiffies and msecs_to_jiffies round up).
 *
 * The jiffies counter itself runs at an offset from the lab's clock: t = 0 falls somewhere
 * within a jiffy, and somewhere within the timer wheel's coarsest bucket. That offset is the
 * timer phase (see timer.ts); with the wheel off it is zero and the counter is t·HZ, rounded down.
 */

/** The timer wheel's longest cycle: 8^8 jiffies (LVL_DEPTH 9, the top level's granularity). */
export const WHEEL_CYCLE_JIFFIES = 2 ** 24;

export class Jiffies {
  declare readonly hz: number;
  /** Whole jiffies on the counter at t = 0. */
  declare private readonly phaseJiffies: number;
  /** How far into its jiffy t = 0 falls, µs. */
  declare private readonly phaseUs: number;
  /** tcp_model_timeout() results by (boundary, base): a pure function of HZ, so computed once. */
  readonly modelTimeouts = new Map<number, number>();

  /** `phase` (0 ≤ phase < 1): where t = 0 falls in the wheel's cycle of WHEEL_CYCLE_JIFFIES. */
  constructor(hz: number, phase = 0) {
    this.hz = hz;
    const at0 = phase * WHEEL_CYCLE_JIFFIES;
    this.phaseJiffies = Math.floor(at0);
    this.phaseUs = Math.floor(((at0 - this.phaseJiffies) * 1e6) / hz);
  }
  /** usecs_to_jiffies(): rounds up. */
  fromUs(us: number): number {
    return Math.ceil((us * this.hz) / 1e6 - 1e-9);
  }
  /** msecs_to_jiffies(): rounds up. */
  fromMs(ms: number): number {
    return this.fromUs(ms * 1000);
  }
  fromSeconds(s: number): number {
    return s * this.hz;
  }
  /** jiffies_to_usecs() (µs of virtual time for a timer of `j` jiffies). */
  toUs(j: number): number {
    return Math.round((j * 1e6) / this.hz);
  }
  /** jiffies_to_msecs(). */
  toMs(j: number): number {
    return Math.floor((j * 1000) / this.hz);
  }
  /** The jiffies counter at virtual time `us`. */
  at(us: number): number {
    return this.phaseJiffies + Math.floor(((us + this.phaseUs) * this.hz) / 1e6 + 1e-9);
  }
  /** When the counter reaches `jiffy` (the tick), µs: the first whole µs at which at() ≥ jiffy. */
  tickUs(jiffy: number): number {
    let us = Math.ceil(((jiffy - this.phaseJiffies) * 1e6) / this.hz - this.phaseUs - 1e-9);
    // The division can land a microsecond off either way; settle on the exact first one.
    while (this.at(us) < jiffy) us += 1;
    while (this.at(us - 1) >= jiffy) us -= 1;
    return us;
  }
  /** TCP_RTO_MIN = HZ/5. */
  get rtoMin(): number {
    return Math.floor(this.hz / 5);
  }
  /** TCP_RTO_MAX = 120 s. */
  get rtoMax(): number {
    return 120 * this.hz;
  }
  /** TCP_TIMEOUT_INIT = 1 s. */
  get timeoutInit(): number {
    return this.hz;
  }
}
