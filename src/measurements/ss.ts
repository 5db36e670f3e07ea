/**
 * One socket as `ss -tanoiOH` prints it (one line per socket: -O), read into the fields that
 * tell where its timers stand. The lab samples ss while a scenario runs; these fields go into
 * the measurement next to the raw line.
 *
 * ss prints a timer as `timer:(<name>,<expiry>,<count>)` (iproute2 misc/ss.c, tcp_timer_print):
 * the name is `on` (retransmission, tail loss probe or SYN), `keepalive`, `timewait` or
 * `persist` (zero-window probe); the count is the retransmissions so far (icsk_retransmits) for
 * `on` and the probes sent (icsk_probes_out) for `keepalive` and `persist`.
 */
export interface SsTimer {
  name: string;
  /** ms until it fires; 0 when it is due. */
  expiresMs: number;
  /** Retransmissions (for `on`) or probes (for `keepalive`, `persist`) so far. */
  count: number;
}

export interface SsSocket {
  /** The kernel's name for the state (ESTABLISHED, FIN_WAIT1…); ss abbreviates it (ESTAB). */
  state: string;
  local: string;
  peer: string;
  recvQ: number;
  sendQ: number;
  timer?: SsTimer;
  /** Retransmission timeout, ms. */
  rto?: number;
  /** Exponential backoff of the RTO (icsk_backoff); ss omits it when 0. */
  backoff?: number;
  /** `retrans:<now>/<total>`: segments retransmitted and not yet acknowledged, and in all. */
  retrans?: { now: number; total: number };
  /** Segments sent and not yet acknowledged. */
  unacked?: number;
  /** ms since the last data sent, received, and ACK received. */
  lastsnd?: number;
  lastrcv?: number;
  lastack?: number;
  /** The line as ss printed it (trailing padding removed). */
  raw: string;
}

const STATES: Record<string, string> = {
  ESTAB: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  CLOSING: 'CLOSING',
  LISTEN: 'LISTEN',
  UNCONN: 'CLOSED',
};

/**
 * ss's millisecond timer text (misc/ss.c, print_ms_timer) in ms: `164ms`, `1.012ms` (1.012 s),
 * `29sec`, `2min3sec`, `12min`; an empty text is a timer already due.
 */
export function parseSsTimerText(text: string): number {
  const m = /^(?:(\d+)min)?(?:(\d+)(sec|\.))?(?:(\d+)ms)?$/.exec(text);
  if (!m || (m[3] === '.' && m[4] === undefined))
    throw new Error(`ss timer expiry "${text}" is not in ss's format (e.g. 164ms, 1.012ms, 29sec)`);
  return Number(m[1] ?? 0) * 60_000 + Number(m[2] ?? 0) * 1000 + Number(m[4] ?? 0);
}

const field = (line: string, name: string): number | undefined => {
  const m = new RegExp(`(?:^|\\s)${name}:(\\d+(?:\\.\\d+)?)(?=\\s|$)`).exec(line);
  return m ? Number(m[1]) : undefined;
};

/** One socket line of `ss -tanoiOH`; throws, naming the line, when it is not one. */
export function parseSsLine(line: string): SsSocket {
  const raw = line.trimEnd();
  const cols = raw.trim().split(/\s+/);
  const state = STATES[cols[0] ?? ''];
  if (!state || cols.length < 5 || !/^\d+$/.test(cols[1]!) || !/^\d+$/.test(cols[2]!))
    throw new Error(`not a socket line of ss -tanoiOH: "${raw}"`);
  const socket: Omit<SsSocket, 'raw'> = {
    state,
    local: cols[3]!,
    peer: cols[4]!,
    recvQ: Number(cols[1]),
    sendQ: Number(cols[2]),
  };
  const timer = /(?:^|\s)timer:\((\w+),([^,)]*),(\d+)\)/.exec(raw);
  if (timer)
    socket.timer = {
      name: timer[1]!,
      expiresMs: parseSsTimerText(timer[2]!),
      count: Number(timer[3]),
    };
  for (const name of ['rto', 'backoff'] as const) {
    const v = field(raw, name);
    if (v !== undefined) socket[name] = v;
  }
  const retrans = /(?:^|\s)retrans:(\d+)\/(\d+)(?=\s|$)/.exec(raw);
  if (retrans) socket.retrans = { now: Number(retrans[1]), total: Number(retrans[2]) };
  for (const name of ['unacked', 'lastsnd', 'lastrcv', 'lastack'] as const) {
    const v = field(raw, name);
    if (v !== undefined) socket[name] = v;
  }
  return { ...socket, raw };
}

/** Every socket in `ss -tanoiOH` output (no header: -H). */
export function parseSsOutput(text: string): SsSocket[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(parseSsLine);
}
