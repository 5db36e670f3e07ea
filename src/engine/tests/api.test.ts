/** Durations, validation errors, the runaway guard, observeRuns and socketsAt. */
import { describe, expect, it } from 'vitest';
import {
  createLab,
  EventBudgetExceeded,
  formatDuration,
  LabError,
  observeRuns,
  OUTCOMES,
  parseDuration,
  socketsAt,
} from '../index.ts';
import type { Lab } from '../api.ts';
import type { RunResult } from '../types.ts';

describe('parseDuration', () => {
  it.each([
    [250, 250],
    ['200ms', 200],
    ['1.5s', 1500],
    ['2m', 120_000],
    ['2h', 7_200_000],
    ['2h 11m 15s', 7_875_000],
    ['30us', 0.03],
    ['1500', 1500],
    ['0', 0],
  ])('%s → %s ms', (input, ms) => {
    expect(parseDuration(input)).toBeCloseTo(ms, 9);
  });

  it.each(['5 parsecs', '', 'soon', '2h 30', '1.2.3s', 'ms'])(
    'rejects %j with a LabError naming the argument',
    (input) => {
      expect(() => parseDuration(input, 'rtt')).toThrow(LabError);
      expect(() => parseDuration(input, 'rtt')).toThrow(/^rtt: /);
    },
  );

  it('rejects negative and non-finite numbers', () => {
    expect(() => parseDuration(-1, 'at(time)')).toThrow(/negative/);
    expect(() => parseDuration('-1s', 'at(time)')).toThrow(/at\(time\): '-1s' is negative/);
    expect(() => parseDuration(Number.NaN)).toThrow(LabError);
  });
});

describe('formatDuration', () => {
  it.each([
    [0.03, '0.03 ms'],
    [201, '201 ms'],
    [12_864, '12.9 s'],
    [925_824, '925.8 s'],
    [131_000, '131 s'],
    [7_875_000, '2 h 11 m 15 s'],
    [7_200_000, '2 h'],
    [1_000_000, '16 m 40 s'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('bad input', () => {
  it("at('-1s') names at(time) and the rule", () => {
    const lab = createLab();
    expect(() => lab.at('-1s', () => {})).toThrow(LabError);
    expect(() => lab.at('-1s', () => {})).toThrow(/at\(time\).*negative/);
  });

  it("rtt: '5 parsecs' is not a duration", () => {
    expect(() => createLab({ rtt: '5 parsecs' })).toThrow(/rtt: '5 parsecs' is not a duration/);
  });

  it('tcp_retries2: -3 is out of range, naming the host and sysctl', () => {
    expect(() => createLab({ server: { sysctl: { tcp_retries2: -3 } } })).toThrow(
      /server\.sysctl\.tcp_retries2: -3 is out of range; it must be an integer from 0 to 255/,
    );
  });

  it('unknown sysctls, hz values and options are named', () => {
    expect(() => createLab({ client: { sysctl: { tcp_magic: 1 } as never } })).toThrow(
      /client\.sysctl\.tcp_magic/,
    );
    expect(() => createLab({ hz: 333 })).toThrow(/hz: 333/);
    expect(() => createLab({ rt: '1ms' } as never)).toThrow(/unknown option 'rt'/);
    expect(() => createLab({ loss: 2 })).toThrow(/loss: 2/);
  });

  it('keepalive options follow the kernel limits', () => {
    const lab = createLab();
    const conn = lab.connect();
    expect(() => conn.server.setKeepAlive(true, { idle: '1.5s' })).toThrow(/whole seconds/);
    expect(() => conn.server.setKeepAlive(true, { count: 200 })).toThrow(/TCP_KEEPCNT.*1 to 127/);
  });

  it('a send on a closed socket is an EPIPE event, not a crash', () => {
    const lab = createLab();
    const conn = lab.connect();
    const seen: string[] = [];
    conn.client.on('error', (e) => seen.push(e));
    lab.at('1s', () => conn.client.close());
    lab.at('2s', () => conn.client.send('late'));
    const r = lab.run({ until: '3m' });
    expect(seen).toEqual(['EPIPE']);
    expect(r.client.error).toBe('EPIPE');
    expect(
      r.events.some((e) => e.kind === 'app' && e.notice === 'error' && e.errno === 'EPIPE'),
    ).toBe(true);
  });

  it('run() from inside the simulation is refused with a LabError', () => {
    const lab = createLab();
    lab.at('1s', () => lab.run());
    expect(() => lab.run()).toThrow(/run\(\): the lab is already running/);
  });

  it('a runaway scenario stops at the event budget with a named error', () => {
    const lab = createLab({ maxEvents: 5000 });
    const conn = lab.connect();
    conn.client.heartbeat({ every: '1ms', timeout: '1s' });
    expect(() => lab.run()).toThrow(EventBudgetExceeded);
    const lab2 = createLab({ maxEvents: 5000 });
    lab2.connect().client.heartbeat({ every: '1ms', timeout: '1s' });
    expect(() => lab2.run()).toThrow(/stopped after 5,000 events/);
  });

  it('says when the budget ran out in readable virtual time', () => {
    const error = new EventBudgetExceeded(1_000_000, 254_999_960);
    expect(error.message).toContain('after 1,000,000 events at t = 70 h 50 m without finishing');
    expect(new EventBudgetExceeded(5000, 4999.5).message).toContain('at t = 5 s without');
  });
});

describe('the default event budget', () => {
  it('stops a scenario that reschedules itself forever at 1,000,000 events', () => {
    const lab = createLab();
    const again = (): void => lab.at(lab.now(), again);
    lab.at(0, again);
    let error: unknown;
    try {
      lab.run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EventBudgetExceeded);
    expect((error as EventBudgetExceeded).limit).toBe(1_000_000);
    expect((error as Error).message).toMatch(/stopped after 1,000,000 events/);
  }, 60_000);
});

describe('a result', () => {
  /** A lab that sends, loses a segment while unplugged, and keeps going after `split` ms. */
  function scenario(): Lab {
    const lab = createLab({ seed: 3 });
    const conn = lab.connect();
    lab.at('100ms', () => conn.client.send('one'));
    lab.at('150ms', () => lab.server.unplug());
    lab.at('160ms', () => conn.server.send('two'));
    lab.at('2s', () => lab.server.plugIn());
    lab.at('3s', () => conn.client.close());
    return lab;
  }

  it('describes the run as it stood when run() returned, even when read after a later run()', () => {
    const alone = scenario().run({ until: '1s' });
    const lab = scenario();
    const first = lab.run({ until: '1s' });
    const later = lab.run({ until: '10s' });
    // Read only now: the records are built on first read, from the state at the first run().
    expect(JSON.stringify(first)).toBe(JSON.stringify(alone));
    expect(first.segments.some((s) => s.pending)).toBe(true);
    expect(later.segments.length).toBeGreaterThan(first.segments.length);
    expect(later.events.length).toBeGreaterThan(first.events.length);
    expect(later.sockets.length).toBeGreaterThan(first.sockets.length);
  });

  it('is a plain object to JSON, spread and structured clone', () => {
    const r = scenario().run({ until: '10s' });
    const keys = ['outcome', 'client', 'server', 'connections', 'segments', 'events', 'sockets'];
    expect(Object.keys(r).slice(0, keys.length)).toEqual(keys);
    const copy = structuredClone(r);
    expect(copy.segments).toEqual(r.segments);
    expect({ ...r }.events).toEqual(r.events);
    expect(JSON.parse(JSON.stringify(r)).sockets).toEqual(r.sockets);
    r.events = [];
    expect(r.events).toEqual([]);
  });

  it("lists each event with its kind's keys, in LabEvent's order, time last but for segments", () => {
    const lab = scenario();
    lab.at('4s', () => lab.client.crash());
    const r = lab.run({ until: '10s' });
    const shapes = new Map<string, string>();
    for (const e of r.events) {
      const name = e.kind === 'app' ? `app:${e.notice}` : e.kind;
      shapes.set(name, Object.keys(e).join(','));
    }
    expect(Object.fromEntries(shapes)).toEqual({
      state: 'kind,host,conn,from,to,t',
      segment: 't,kind,segment,phase',
      'app:connected': 'kind,host,conn,notice,t',
      'app:sent': 'kind,host,conn,notice,bytes,detail,t',
      'app:data': 'kind,host,conn,notice,bytes,detail,t',
      'app:closed': 'kind,host,conn,notice,detail,t',
      'app:eof': 'kind,host,conn,notice,t',
      'app:log': 'kind,host,conn,notice,detail,t',
      timer: 'kind,host,conn,timer,detail,t',
      host: 'kind,host,action,t',
    });
  });

  it('keeps one ss row per socket and microsecond: data arriving and read at once is one row', () => {
    const lab = createLab();
    const conn = lab.connect();
    lab.at('1s', () => conn.client.send('hello'));
    const r = lab.run({ until: '2s' });
    const serverRows = r.sockets.filter((row) => row.host === 'server');
    const times = serverRows.map((row) => row.t);
    expect(new Set(times).size).toBe(times.length);
    // The server read the 5 bytes the moment they arrived: its Recv-Q never showed them.
    expect(serverRows.every((row) => row.recvQ === 0)).toBe(true);
    expect(serverRows.map((row) => row.t)).toEqual([10, 30, 1010]);
  });
});

describe('observeRuns', () => {
  it('sees the result of every run, until unsubscribed', () => {
    const seen: RunResult[] = [];
    const stop = observeRuns((r) => seen.push(r));
    const lab = createLab();
    lab.connect();
    const r1 = lab.run({ until: '1s' });
    stop();
    createLab().run({ until: '1s' });
    expect(seen).toEqual([r1]);
  });
});

describe('socketsAt', () => {
  it('replays ss -tn rows at any moment', () => {
    const lab = createLab();
    const conn = lab.connect();
    lab.at('1s', () => conn.server.send(5000));
    lab.at('1s', () => lab.client.unplug());
    const r = lab.run({ until: '2s' });
    expect(socketsAt(r, 0, 'client').map((s) => s.state)).toEqual(['SYN_SENT']);
    const later = socketsAt(r, 1500);
    expect(later.map((s) => [s.host, s.state])).toEqual([
      ['client', 'ESTABLISHED'],
      ['server', 'ESTABLISHED'],
    ]);
    const server = later.find((s) => s.host === 'server')!;
    expect(server.sendQ).toBe(5000);
    expect(server.local).toBe('10.0.0.1:80');
    expect(server.peer).toMatch(/^10\.0\.0\.2:\d+$/);
  });

  it('lab.sockets(host) shows the live rows during a run', () => {
    const lab = createLab();
    lab.connect();
    let rows: string[] = [];
    lab.at('1s', () => (rows = lab.sockets('server').map((s) => s.state)));
    lab.run({ until: '2s' });
    expect(rows).toEqual(['ESTABLISHED']);
  });
});

describe('OUTCOMES', () => {
  it('lists every outcome id once with a description', () => {
    const ids = OUTCOMES.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(21);
    for (const o of OUTCOMES) expect(o.description.length).toBeGreaterThan(10);
  });
});
