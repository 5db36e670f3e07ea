/**
 * RunResult.events: the ordered log. Every event takes the next ordinal (its place in the log).
 * Events other than a segment's are recorded here as columns of numbers (see columns.ts);
 * a segment's sent/arrived/lost events are kept by the segment table, with their ordinals.
 * Objects are built when a result's `events` are first read, with exactly the keys, in the
 * order, that LabEvent lists.
 */
import { byteOf, codeTable, Int32Column, packBytes, TimeColumn, Uint32Column } from './columns.ts';
import type { FirstPages } from './columns.ts';
import { hostCode, HOSTS, STATE_CODES, STATES } from './names.ts';
import type { Errno, HostName, LabEvent, TcpStateName, TimerName } from './types.ts';

type AppEvent = Extract<LabEvent, { kind: 'app' }>;
type HostEvent = Extract<LabEvent, { kind: 'host' }>;
type MiddleboxEvent = Extract<LabEvent, { kind: 'middlebox' }>;
export type MiddleboxNotice = MiddleboxEvent['action'];
export type AppNotice = AppEvent['notice'];
export type HostAction = HostEvent['action'];

// Kinds of event, as the log codes them.
const STATE = 0;
const TIMER = 1;
const APP = 2;
const HOST = 3;
const MIDDLEBOX = 4;

// An event's small codes, packed into one column (packBytes): its kind, its host, then `a` (the
// state's `from`, the timer, the notice or the host action) and `b` (the state's `to`, or the
// errno code).
const KIND = 0;
const HOST_CODE = 1;
const A = 2;
const B = 3;

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
  'ENETUNREACH',
];
/** Every action a host event can name, in the order the log codes them. */
export const HOST_ACTIONS: readonly HostAction[] = [
  'unplug',
  'plug-in',
  'crash',
  'boot',
  'kill-process',
  'hang-process',
  'interface-down',
  'interface-up',
  'address-change',
  'suspend',
  'resume',
];

const MIDDLEBOX_NOTICES: MiddleboxNotice[] = ['learned', 'forgotten', 'dropped', 'reset'];

const TIMER_CODES = codeTable(TIMERS);
const MIDDLEBOX_CODES = codeTable(MIDDLEBOX_NOTICES);
const NOTICE_CODES = codeTable(NOTICES);
const ERRNO_CODES = codeTable(ERRNOS);
const ACTION_CODES = codeTable(HOST_ACTIONS);

/** No byte count, no detail. */
const NONE = -1;

export class EventLog {
  /** Events logged here so far. */
  count = 0;
  /** Ordinals handed out so far (events here and segment events): the log's length. */
  ords = 0;
  /** Its small codes: KIND, HOST_CODE, A and B (packBytes). */
  private readonly codes: Uint32Column;
  private readonly conn: Int32Column;
  /** The event's place in the whole log. */
  private readonly ord: Int32Column;
  private readonly tUs: TimeColumn;
  private readonly bytes: Int32Column;
  /** Index in `details`, or NONE. */
  private readonly detailAt: Int32Column;
  /** Each distinct detail once (most repeat: 'PING', 'PONG', a close's cause), and its index. */
  private readonly details: string[] = [];
  private readonly detailCodes = new Map<string, number>();
  /** Objects already built (an event never changes once logged), shared by every result. */
  private readonly built: (LabEvent | undefined)[] = [];

  constructor(first: FirstPages) {
    this.codes = new Uint32Column(first);
    this.conn = new Int32Column(first);
    this.ord = new Int32Column(first);
    this.tUs = new TimeColumn(first);
    this.bytes = new Int32Column(first);
    this.detailAt = new Int32Column(first);
  }

  /** The next place in the log, for an event the segment table records. */
  takeOrd(): number {
    return this.ords++;
  }

  /** A new row with the columns every event has; each kind fills in its own others. */
  private add(us: number, kind: number, host: HostName, conn: number, a: number, b = 0): number {
    const i = this.count++;
    this.ord.set(i, this.ords++);
    this.codes.set(i, packBytes(kind, hostCode(host), a, b));
    this.conn.set(i, conn);
    this.tUs.set(i, us);
    return i;
  }

  private detailIndex(detail: string | undefined): number {
    if (detail === undefined) return NONE;
    let code = this.detailCodes.get(detail);
    if (code === undefined) {
      code = this.details.push(detail) - 1;
      this.detailCodes.set(detail, code);
    }
    return code;
  }

  state(us: number, host: HostName, conn: number, from: TcpStateName, to: TcpStateName): void {
    this.add(us, STATE, host, conn, STATE_CODES.get(from)!, STATE_CODES.get(to)!);
  }

  timer(us: number, host: HostName, conn: number, timer: TimerName, detail?: string): void {
    const i = this.add(us, TIMER, host, conn, TIMER_CODES.get(timer)!);
    this.detailAt.set(i, this.detailIndex(detail));
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
    const errnoCode = errno === undefined ? 0 : ERRNO_CODES.get(errno)!;
    const i = this.add(us, APP, host, conn, NOTICE_CODES.get(notice)!, errnoCode);
    this.bytes.set(i, bytes ?? NONE);
    this.detailAt.set(i, this.detailIndex(detail));
  }

  /** A note from the kernel about one connection (an app event of notice 'log'). */
  note(us: number, host: HostName, conn: number, detail: string): void {
    this.app(us, host, conn, 'log', undefined, undefined, detail);
  }

  hostAction(us: number, host: HostName, action: HostAction): void {
    this.add(us, HOST, host, 0, ACTION_CODES.get(action)!);
  }

  /** What the middlebox on the path did to a connection's flow (`segment`: for dropped and reset). */
  middlebox(
    us: number,
    conn: number,
    action: MiddleboxNotice,
    host: HostName,
    segment?: number,
  ): void {
    const i = this.add(us, MIDDLEBOX, host, conn, MIDDLEBOX_CODES.get(action)!);
    this.bytes.set(i, segment ?? NONE);
  }

  /** Put the first `count` events recorded here in their places in `out` (the whole log). */
  place(out: LabEvent[], count: number): void {
    const built = this.built;
    for (let i = 0; i < count; i++) out[this.ord.get(i)] = built[i] ??= this.build(i);
  }

  private build(i: number): LabEvent {
    const t = this.tUs.get(i) / 1000;
    const conn = this.conn.get(i);
    const codes = this.codes.get(i);
    const kind = byteOf(codes, KIND);
    const host = HOSTS[byteOf(codes, HOST_CODE)]!;
    const a = byteOf(codes, A);
    const b = byteOf(codes, B);
    const at = kind === TIMER || kind === APP ? this.detailAt.get(i) : NONE;
    const detail = at === NONE ? undefined : this.details[at];
    switch (kind) {
      case STATE:
        return { kind: 'state', host, conn, from: STATES[a]!, to: STATES[b]!, t };
      case TIMER:
        return detail === undefined
          ? { kind: 'timer', host, conn, timer: TIMERS[a]!, t }
          : { kind: 'timer', host, conn, timer: TIMERS[a]!, detail, t };
      case APP: {
        const e = { kind: 'app', host, conn, notice: NOTICES[a]! } as AppEvent;
        const errno = ERRNOS[b];
        if (errno !== undefined) e.errno = errno;
        const bytes = this.bytes.get(i);
        if (bytes !== NONE) e.bytes = bytes;
        if (detail !== undefined) e.detail = detail;
        e.t = t;
        return e;
      }
      case MIDDLEBOX: {
        const segment = this.bytes.get(i);
        const action = MIDDLEBOX_NOTICES[a]!;
        return segment === NONE
          ? { kind: 'middlebox', conn, action, host, t }
          : { kind: 'middlebox', conn, action, host, segment, t };
      }
      default:
        return { kind: 'host', host, action: HOST_ACTIONS[a]!, t };
    }
  }
}
