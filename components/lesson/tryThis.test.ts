// Every "try this" prompt tells the reader what to expect from one edit. Each prompt's edit is
// made here exactly as the chapter words it, and what the prompt promises is checked on the engine.
import type { RunResult } from 'tcp-lab';
import { describe, expect, it } from 'vitest';
import { readValue } from './runValues';
import { snippetRun, type Edit } from './snippetRuns';

const sinceSend = (run: RunResult, side: 'client' | 'server' = 'server') =>
  (run[side].errorAt ?? NaN) - (readValue(run, 'firstSendAt') as number);
const sinceHeard = (run: RunResult) =>
  (run.server.errorAt ?? NaN) - (readValue(run, 'lastReceivedAt:server') as number);
/** `ms` is the promised time, or later by the timer wheel's rounding (at most 12.5 % + 1 jiffy). */
const expectPromised = (ms: number, promised: number) => {
  expect(ms).toBeGreaterThanOrEqual(promised);
  expect(ms).toBeLessThanOrEqual(promised * 1.125 + 4);
};

const prompts: {
  chapter: string;
  snippet: string;
  edits: Edit[];
  check: (run: RunResult) => void;
}[] = [
  {
    chapter: 'the-question',
    snippet: 'cable-pulled',
    edits: [
      [
        'const conn = lab.connect();',
        "const conn = lab.connect();\nconn.server.setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 });",
      ],
    ],
    check: (run) => {
      expect(run.outcome.id).toBe('keepalive-detects-dead-peer');
      expectPromised(sinceHeard(run), 90_000);
    },
  },
  {
    chapter: 'the-question',
    snippet: 'cable-pulled',
    edits: [
      [
        "lab.at('1s', () => lab.client.unplug());",
        "lab.at('1s', () => lab.client.unplug());\nlab.at('2s', () => conn.server.send('hello'));",
      ],
    ],
    check: (run) => expect(run.outcome.id).toBe('survives-after-replug'),
  },
  {
    chapter: 'the-question',
    snippet: 'cable-pulled',
    edits: [
      ["until: '10m'", "until: '24h'"],
      ["lab.at('5m', () => lab.client.plugIn());", ''],
    ],
    check: (run) => {
      expect(run.outcome.id).toBe('idle-forever');
      expect([run.client.state, run.server.state]).toEqual(['ESTABLISHED', 'ESTABLISHED']);
    },
  },
  {
    chapter: 'data-in-flight',
    snippet: 'survives-after-replug',
    edits: [["'21s'", "'20m'"]],
    check: (run) => expect(run.outcome.id).toBe('sender-aborts'),
  },
  {
    chapter: 'data-in-flight',
    snippet: 'sender-aborts',
    edits: [['createLab()', 'createLab({ server: { sysctl: { tcp_retries2: 8 } } })']],
    check: (run) => {
      expect(run.outcome.id).toBe('sender-aborts');
      expect(sinceSend(run)).toBeGreaterThan(102_200);
      expect(sinceSend(run)).toBeLessThan(120_000);
    },
  },
  {
    chapter: 'data-in-flight',
    snippet: 'retries2-budget',
    edits: [['hz: 1000', 'hz: 1000, timerWheel: false']],
    check: (run) => {
      expect(run.server.retransmissions).toBe(6);
      expect(sinceSend(run)).toBeCloseTo(25_728, -1);
    },
  },
  {
    chapter: 'data-in-flight',
    snippet: 'retries2-budget',
    edits: [['hz: 1000', 'hz: 1000, timerPhase: 0.5']],
    check: (run) => {
      expect(run.server.retransmissions).toBe(5);
      expect(sinceSend(run)).toBeGreaterThan(13_000);
      expect(sinceSend(run)).toBeLessThan(13_600);
    },
  },
  {
    chapter: 'idle-connection',
    snippet: 'keepalive-answered',
    edits: [["lab.at('13s', () => lab.client.plugIn());", '']],
    check: (run) => {
      expect(run.outcome.id).toBe('keepalive-detects-dead-peer');
      expectPromised((run.server.errorAt ?? 0) - (readValue(run, 'probeAt:3') as number), 5_000);
      expect(run.segments.some((s) => s.from === 'server' && s.role === 'rst')).toBe(true);
    },
  },
  {
    chapter: 'idle-connection',
    snippet: 'keepalive-detects-dead-peer',
    edits: [
      ['setKeepAlive(true)', "setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 })"],
    ],
    check: (run) => expectPromised(sinceHeard(run), 90_000),
  },
  {
    chapter: 'idle-connection',
    snippet: 'idle-forever',
    edits: [
      [
        "lab.at('1s', () => lab.client.unplug());",
        "lab.at('1s', () => lab.client.unplug());\nlab.at('2h', () => conn.server.send('ping'));",
      ],
    ],
    check: (run) => {
      expect(run.server.retransmissions).toBeGreaterThan(0);
      expect(run.outcome.id).toBe('sender-aborts');
    },
  },
  {
    chapter: 'application-keepalive',
    snippet: 'app-idle-close',
    edits: [["closeWhenIdle('75s')", "closeWhenIdle('10s')"]],
    check: (run) => {
      expect(run.outcome.id).toBe('app-idle-close');
      expect(readValue(run, 'appClosedAt:server')).toBeLessThan(11_000);
      expect(run.client.state).toBe('ESTABLISHED');
    },
  },
  {
    chapter: 'application-keepalive',
    snippet: 'app-heartbeat-detects',
    edits: [["lab.at('10s', () => lab.client.unplug());", '']],
    check: (run) => expect(run.outcome.id).toBe('still-established'),
  },
  {
    chapter: 'application-keepalive',
    snippet: 'app-heartbeat-detects',
    edits: [["timeout: '3.5s'", "timeout: '30s'"]],
    check: (run) => {
      expect(run.outcome.id).toBe('app-heartbeat-detects');
      expect(readValue(run, 'appClosedAt:server')).toBeGreaterThan(30_000);
    },
  },
  {
    chapter: 'crashes',
    snippet: 'process-crash',
    edits: [
      [
        "conn.server.on('end', () => console.log('server read EOF'));",
        "conn.server.on('end', () => conn.server.close());",
      ],
    ],
    check: (run) => {
      expect(run.server.state).toBe('CLOSED');
      expect(
        run.events.some((e) => e.kind === 'state' && e.host === 'server' && e.to === 'LAST_ACK'),
      ).toBe(true);
    },
  },
  {
    chapter: 'crashes',
    snippet: 'process-crash',
    edits: [
      [
        'const conn = lab.connect();',
        "const conn = lab.connect();\nconn.client.pauseReading();\nlab.at('500ms', () => conn.server.send('unread'));",
      ],
    ],
    check: (run) => {
      expect(run.segments.some((s) => s.from === 'client' && s.role === 'rst')).toBe(true);
      expect(run.server.error).toBe('ECONNRESET');
    },
  },
  {
    chapter: 'crashes',
    snippet: 'hung-process',
    edits: [['lab.client.hangProcess()', 'lab.client.crash()']],
    check: (run) => {
      expect(run.server.cause).toBe('keepalive');
      expectPromised((run.server.errorAt ?? 0) - (readValue(run, 'probeAt:3') as number), 5_000);
    },
  },
  {
    chapter: 'user-timeout',
    snippet: 'user-timeout',
    edits: [["setUserTimeout('10s')", "setUserTimeout('3s')"]],
    check: (run) => {
      expect(run.outcome.id).toBe('user-timeout');
      expect(sinceSend(run)).toBeGreaterThan(3_000);
      expect(sinceSend(run)).toBeLessThan(3_600);
    },
  },
  {
    chapter: 'user-timeout',
    snippet: 'connect-timeout',
    edits: [['lab.server.unplug();', 'lab.client.unplug();']],
    check: (run) => {
      expect(run.outcome.id).toBe('unplugged-side-unreachable');
      expect(run.client.error).toBe('EHOSTUNREACH');
      expect(run.client.errorAt).toBeLessThanOrEqual(3_500);
    },
  },
  {
    chapter: 'user-timeout',
    snippet: 'connect-timeout',
    edits: [['lab.connect();', "lab.connect().client.setUserTimeout('10s');"]],
    check: (run) => {
      expect(run.client.error).toBe('ETIMEDOUT');
      expect(run.client.errorAt).toBeCloseTo(10_000, -2);
    },
  },
  {
    chapter: 'in-production',
    snippet: 'production-settings',
    edits: [["conn.server.setUserTimeout('90s');", '']],
    check: (run) => {
      expect(run.outcome.id).toBe('sender-aborts');
      expect(sinceSend(run)).toBeGreaterThan(15 * 60_000);
    },
  },
  {
    chapter: 'in-production',
    snippet: 'production-settings',
    edits: [
      ["lab.at('2s', () => conn.server.send('hello'));", ''],
      ['count: 3', 'count: 5'],
    ],
    check: (run) => {
      expect(run.server.keepaliveProbes).toBe(3);
      expectPromised(sinceHeard(run), 90_000);
    },
  },
  {
    chapter: 'in-production',
    snippet: 'production-settings',
    edits: [
      ["lab.at('2s', () => conn.server.send('hello'));", ''],
      ['count: 3', 'count: 5'],
      ["setUserTimeout('90s')", "setUserTimeout('110s')"],
    ],
    check: (run) => {
      expect(run.server.keepaliveProbes).toBe(5);
      expectPromised(sinceHeard(run), 110_000);
    },
  },
  {
    chapter: 'in-production',
    snippet: 'redis-keepalive',
    edits: [["idle: '300s', interval: '100s', count: 3", "idle: '60s', interval: '20s', count: 3"]],
    check: (run) => expectPromised(sinceHeard(run), 120_000),
  },
  {
    chapter: 'on-your-machine',
    snippet: 'sender-aborts',
    edits: [['createLab()', 'createLab({ server: { sysctl: { tcp_retries2: 5 } } })']],
    check: (run) => {
      const before = snippetRun('sender-aborts', []);
      expect(run.counters.server.TcpRetransSegs).toBeLessThan(
        before.counters.server.TcpRetransSegs,
      );
      expect(run.counters.server.TcpExtTCPTimeouts).toBeLessThan(
        before.counters.server.TcpExtTCPTimeouts,
      );
      const highest = (r: RunResult) =>
        Math.max(...r.sockets.filter((s) => s.host === 'server').map((s) => s.timer?.retrans ?? 0));
      expect(highest(run)).toBeLessThan(highest(before));
      expect(run.server.errorAt!).toBeLessThan(before.server.errorAt!);
    },
  },
  {
    chapter: 'on-your-machine',
    snippet: 'keepalive-detects-dead-peer',
    edits: [
      ['setKeepAlive(true)', "setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 })"],
    ],
    check: (run) => {
      expect(readValue(run, 'ssTimer:server@10000')).toMatch(/^timer:\(keepalive,\d\dsec,0\)$/);
      const counts = new Set(
        run.sockets.filter((s) => s.timer?.name === 'keepalive').map((s) => s.timer!.retrans),
      );
      expect([...counts].sort()).toEqual([0, 1, 2, 3]);
      expect(run.counters.server.TcpExtTCPKeepAlive).toBe(3);
    },
  },
  {
    chapter: 'on-your-machine',
    snippet: 'normal-close',
    edits: [["conn.server.on('end', () => conn.server.close());", '']],
    check: (run) => {
      const waiting = run.sockets.filter((s) => s.host === 'client' && s.state === 'FIN_WAIT2');
      expect(waiting.at(-1)!.timer?.name).toBe('timewait');
      expect(run.sockets.some((s) => s.host === 'server' && s.state === 'CLOSE_WAIT')).toBe(true);
    },
  },
  {
    chapter: 'wifi-off',
    snippet: 'wifi-off-back',
    edits: [["'10s'", "'20m'"]],
    check: (run) => {
      expect(run.server.error).toBe('ETIMEDOUT');
      expect(run.server.errorAt!).toBeLessThan(20 * 60_000);
      expect(run.client.state).toBe('ESTABLISHED');
      expect(run.client.error).toBeUndefined();
    },
  },
  {
    chapter: 'wifi-off',
    snippet: 'laptop-sleep',
    edits: [["'20m'", "'5m'"]],
    check: (run) => {
      expect([run.client.state, run.server.state]).toEqual(['ESTABLISHED', 'ESTABLISHED']);
      expect(readValue(run, 'readAt:client')).toBeGreaterThan(5 * 60_000);
    },
  },
  {
    chapter: 'wifi-off',
    snippet: 'laptop-sleep',
    edits: [["conn.client.send('good morning');", '']],
    check: (run) => {
      expect(run.server.error).toBe('ETIMEDOUT');
      expect(run.client.state).toBe('ESTABLISHED');
      expect(run.segments.some((s) => s.role === 'rst')).toBe(false);
    },
  },
  {
    chapter: 'middleboxes',
    snippet: 'middlebox-drop',
    edits: [["idleTimeout: '4m'", "idleTimeout: '15m'"]],
    check: (run) => {
      expect(run.outcome.id).toBe('still-established');
      expect(run.segments.find((s) => s.role === 'data')?.delivered).toBe(true);
    },
  },
  {
    chapter: 'middleboxes',
    snippet: 'nat-server-push',
    edits: [["conn.server.send('you have mail')", "conn.client.send('any mail?')"]],
    check: (run) => {
      expect(run.outcome.id).toBe('still-established');
      const request = run.segments.find((s) => s.role === 'data')!;
      expect(request.delivered).toBe(true);
      const answer = run.segments.find((s) => s.from === 'server' && s.t > request.t);
      expect(answer?.delivered).toBe(true);
    },
  },
  {
    chapter: 'middleboxes',
    snippet: 'middlebox-keepalive',
    edits: [["idle: '60s'", "idle: '5m'"]],
    check: (run) => {
      const forgotten = readValue(run, 'middleboxAt:forgotten') as number;
      const probes = run.segments.filter((s) => s.role === 'keepalive');
      expect(probes).toHaveLength(3);
      expect(probes[0]!.t - forgotten).toBeGreaterThanOrEqual(60_000 - 100);
      expect(probes.every((p) => p.lostBecause === 'middlebox')).toBe(true);
      expect(run.client).toMatchObject({ error: 'ETIMEDOUT', cause: 'keepalive' });
      expect(run.outcome.id).toBe('middlebox-drop');
    },
  },
];

describe('what the "try this" prompts promise', () => {
  for (const { chapter, snippet, edits, check } of prompts) {
    it(`${chapter}: ${snippet} with ${edits.map(([from, to]) => `${from} → ${to || '(deleted)'}`).join('; ')}`, () => {
      check(snippetRun(snippet, edits));
    });
  }
});
