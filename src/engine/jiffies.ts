/**
 * Kernel time units. TCP timers count jiffies (1/HZ s); the conversions round the way the
 * kernel's do (usecs_to_jiffies and msecs_to_jiffies round up).
 */
export class Jiffies {
  readonly hz: number;
  /** tcp_model_timeout() results by (boundary, base): a pure function of HZ, so computed once. */
  readonly modelTimeouts = new Map<number, number>();
  constructor(hz: number) {
    this.hz = hz;
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
    return Math.floor((us * this.hz) / 1e6 + 1e-9);
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
