/**
 * RunResult.events: the ordered log. Every event takes the next ordinal (its place in the log).
 * Events other than a segment's are recorded here as columns of numbers (see columns.ts);
 * a segment's sent/arrived/lost events are kept by the segment table, with their ordinals.
 * Objects are built when a result's `events` are first read, with exactly the keys, in the
 * order, that LabEvent lists.
 */
import { codeTable, ColumnBuffer } from './columns.ts';
import type { ColumnCounts } from './columns.ts';
import { hostCode, HOSTS, STATE_CODES, STATES } from './names.ts';
import type { Errno, HostName, LabEvent, TcpStateName, TimerName } from './types.ts';

type AppEvent = Extract<LabEvent, { kind: 'app' }>;
type HostEvent = Extract<LabEvent, { kind: 'host' }>;
export type AppNotice = AppEvent['notice'];
export type HostAction = HostEvent['action'];

const STATE = 0;
const TIMER = 1;
const APP = 2;
const HOST = 3;

const TIMERS: TimerName[] = [
  'rto',
  'tlp',
  'syn',
  'synack',
  'keepalive',
  'time-wait',
  'fin-wait2',
  'delayed-ack',
  'app-idle',
  'app-heartbeat',
  'persist',
];
const NOTICES: AppNotice[] = ['connected', 'data', 'eof', 'error', 'sent', 'closed', 'log'];
/** Index 0: no errno. */
const ERRNOS: (Errno | undefined)[] = [
  undefined,
  'ETIMEDOUT',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ECONNREFUSED',
];
const ACTIONS: HostAction[] = [
  'unplug',
  'plug-in',
  'crash',
  'boot',
  'kill-process',
  'hang-process',
];

const TIMER_CODES = codeTable(TIMERS);
const NOTICE_CODES = codeTable(NOTICES);
const ERRNO_CODES = codeTable(ERRNOS);
const ACTION_CODES = codeTable(ACTIONS);

/** No byte count, no detail. */
const NONE = -1;

export class EventLog {
  /** Events logged here so far. */
  count = 0;
  /** Ordinals handed out so far (events here and segment events): the log's length. */
  ords = 0;
  /** Rows the columns have room for. */
  private cap = 0;
  private kind!: Uint8Array;
  private host!: Uint8Array;
  /** The state's `from`, the timer, the notice, the host action, or the segment's phase. */
  private a!: Uint8Array;
  /** The state's `to`, or the errno code. */
  private b!: Uint8Array;
  private conn!: Int32Array;
  /** The event's place in the whole log. */
  private ord!: Int32Array;
  private tUs!: Float64Array;
  private bytes!: Int32Array;
  /** Index in `details`, or NONE. */
  private detailAt!: Int32Array;
  private readonly details: string[] = [];
  /** Objects already built (an event never changes once logged), shared by every result. */
  private readonly built: (LabEvent | undefined)[] = [];

  static readonly COLUMNS: ColumnCounts = { f64: 1, u32: 0, i32: 4, u8: 4 };

  /** `initial`: a buffer with room for this table's first rows (see Recorder). */
  constructor(initial: ColumnBuffer) {
    this.take(initial);
  }

  /** The next place in the log, for an event the segment table records. */
  takeOrd(): number {
    return this.ords++;
  }

  /** A new row with the columns every event has; each kind fills in its own others. */
  private add(us: number, kind: number, conn: number, a: number): number {
    const i = this.count++;
    if (i === this.cap) this.allocate(this.cap * 2);
    this.ord[i] = this.ords++;
    this.kind[i] = kind;
    this.conn[i] = conn;
    this.a[i] = a;
    this.tUs[i] = us;
    return i;
  }

  private detailIndex(detail: string | undefined): number {
    if (detail === undefined) return NONE;
    this.details.push(detail);
    return this.details.length - 1;
  }

  state(us: number, host: HostName, conn: number, from: TcpStateName, to: TcpStateName): void {
    const i = this.add(us, STATE, conn, STATE_CODES.get(from)!);
    this.host[i] = hostCode(host);
    this.b[i] = STATE_CODES.get(to)!;
  }

  timer(us: number, host: HostName, conn: number, timer: TimerName, detail?: string): void {
    const i = this.add(us, TIMER, conn, TIMER_CODES.get(timer)!);
    this.host[i] = hostCode(host);
    this.detailAt[i] = this.detailIndex(detail);
  }

  app(
    us: number,
    host: HostName,
    conn: number,
    notice: AppNotice,
    errno?: Errno,
    bytes?: number,
    detail?: string,
  ): void {
    const i = this.add(us, APP, conn, NOTICE_CODES.get(notice)!);
    this.host[i] = hostCode(host);
    this.b[i] = errno === undefined ? 0 : ERRNO_CODES.get(errno)!;
    this.bytes[i] = bytes ?? NONE;
    this.detailAt[i] = this.detailIndex(detail);
  }

  /** A note from the kernel about one connection (an app event of notice 'log'). */
  note(us: number, host: HostName, conn: number, detail: string): void {
    this.app(us, host, conn, 'log', undefined, undefined, detail);
  }

  hostAction(us: number, host: HostName, action: HostAction): void {
    const i = this.add(us, HOST, 0, ACTION_CODES.get(action)!);
    this.host[i] = hostCode(host);
  }

  /** Put the first `count` events recorded here in their places in `out` (the whole log). */
  place(out: LabEvent[], count: number): void {
    const built = this.built;
    for (let i = 0; i < count; i++) out[this.ord[i]!] = built[i] ??= this.build(i);
  }

  private build(i: number): LabEvent {
    const t = this.tUs[i]! / 1000;
    const conn = this.conn[i]!;
    const a = this.a[i]!;
    const kind = this.kind[i];
    const host = HOSTS[this.host[i]!]!;
    const at = kind === TIMER || kind === APP ? this.detailAt[i]! : NONE;
    const detail = at === NONE ? undefined : this.details[at];
    switch (kind) {
      case STATE:
        return { kind: 'state', host, conn, from: STATES[a]!, to: STATES[this.b[i]!]!, t };
      case TIMER:
        return detail === undefined
          ? { kind: 'timer', host, conn, timer: TIMERS[a]!, t }
          : { kind: 'timer', host, conn, timer: TIMERS[a]!, detail, t };
      case APP: {
        const e = { kind: 'app', host, conn, notice: NOTICES[a]! } as AppEvent;
        const errno = ERRNOS[this.b[i]!];
        if (errno !== undefined) e.errno = errno;
        const bytes = this.bytes[i]!;
        if (bytes !== NONE) e.bytes = bytes;
        if (detail !== undefined) e.detail = detail;
        e.t = t;
        return e;
      }
      default:
        return { kind: 'host', host, action: ACTIONS[a]!, t };
    }
  }

  /** Room for `rows`, in one new buffer for all the columns (keeping what they hold). */
  private allocate(rows: number): void {
    this.take(new ColumnBuffer(rows, EventLog.COLUMNS));
  }

  /** Take the columns from `b` (copying what they hold). */
  private take(b: ColumnBuffer): void {
    this.ord = b.i32(this.ord);
    this.kind = b.u8(this.kind);
    this.host = b.u8(this.host);
    this.a = b.u8(this.a);
    this.b = b.u8(this.b);
    this.conn = b.i32(this.conn);
    this.tUs = b.f64(this.tUs);
    this.bytes = b.i32(this.bytes);
    this.detailAt = b.i32(this.detailAt);
    this.cap = b.rows;
  }
}
