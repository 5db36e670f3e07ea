/**
 * Every lesson scenario as the kernel lab replays it: one per chapter snippet, written once and
 * run twice — on real Linux sockets by `npm run kernel-lab`, and in the engine by the
 * conformance test and the site. Both runs happen on the measured path: HZ=250, a veth RTT of
 * ≈ 30 µs, a cable pull = the switch port facing the host taken down.
 *
 * Where a snippet's real-time length would not fit the lab's three minutes (924 s of
 * retransmissions, 7875 s of keepalive, a 5-minute wait), the variant shortens it to reach the
 * same branch, and `shortened` says how, in both languages.
 */
import type { Sysctls } from '../engine/api.ts';
import type { HostName, OutcomeId } from '../engine/types.ts';

/** The path every scenario runs on, in the lab and in the engine. */
export const MEASURED_PATH = { hz: 250, rtt: '30us' } as const;

/** Names of the moments a scenario acts at; events are reported relative to the latest one. */
export type MarkId =
  | 'connect'
  | 'unplug'
  | 'replug'
  | 'send'
  | 'close'
  | 'kill'
  | 'crash'
  | 'boot'
  | 'hang'
  | 'client-send';

export type Action =
  | { do: 'unplug' | 'plugIn' | 'crash' | 'boot' | 'killProcess' | 'hangProcess'; host: HostName }
  | { do: 'send'; host: HostName; text: string }
  | { do: 'close'; host: HostName };

export interface Step {
  /** ms after the client's connect(); steps at 0 happen before it. */
  at: number;
  mark: MarkId;
  action: Action;
}

/** What one side's application sets up on its socket at the start. */
export interface SideSetup {
  sysctl?: Partial<Sysctls>;
  keepAlive?: { idle?: number; interval?: number; count?: number }; // seconds; {} = system defaults
  userTimeoutMs?: number;
  heartbeat?: { every: number; timeout: number }; // seconds
  closeWhenIdle?: number; // seconds
  /** close() when read() returns 0 (EOF). */
  closeOnEof?: boolean;
  /** Record when the socket reaches these states (read from /proc/net/tcp in the lab). */
  watch?: ('CLOSED' | 'FIN_WAIT2' | 'TIME_WAIT')[];
}

export interface Bilingual {
  en: string;
  zh: string;
}

/** An event the engine is known to get wrong, with the reason; the test holds it to disagreeing. */
export interface KnownDisagreement {
  event: string;
  reason: Bilingual;
}

export interface Scenario {
  /** The chapter snippet this variant replays (content/snippets/<id>.ts). */
  id: string;
  /** The branch the snippet ends in (its Playground's `expect`). */
  outcome: OutcomeId;
  client: SideSetup;
  server: SideSetup;
  steps: Step[];
  /** ms after connect() when the run ends and final states are read. */
  until: number;
  /** The events the outcome card quotes (event keys, see trace.ts). */
  headline: string[];
  /** How this variant differs from the snippet beyond HZ and RTT; absent when it does not. */
  differs?: Bilingual;
  /** True when the difference only shortens the run (a default too long for real time). */
  shortened?: boolean;
  /** The snippet's own path when it is not the lab's default (20 ms RTT, HZ=1000). */
  snippetPath?: { rttMs: number; hz: number };
  knownDisagreements?: KnownDisagreement[];
}

const unplug = (at: number): Step => ({
  at,
  mark: 'unplug',
  action: { do: 'unplug', host: 'client' },
});
const replug = (at: number): Step => ({
  at,
  mark: 'replug',
  action: { do: 'plugIn', host: 'client' },
});
const serverSends = (at: number): Step => ({
  at,
  mark: 'send',
  action: { do: 'send', host: 'server', text: 'hello' },
});

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'cable-pulled',
    outcome: 'idle-forever',
    client: {},
    server: {},
    steps: [unplug(1000), replug(10_000)],
    until: 12_000,
    headline: [],
    differs: {
      en: 'replugged at 10 s instead of 5 min',
      zh: '在 10 秒而不是 5 分钟时插回',
    },
    shortened: true,
  },
  {
    id: 'normal-close',
    outcome: 'closed-normally',
    client: {},
    server: { closeOnEof: true },
    steps: [{ at: 1000, mark: 'close', action: { do: 'close', host: 'client' } }],
    until: 3000,
    headline: ['server:fin'],
    differs: {
      en: 'ends at 3 s instead of 2 min, with the client still in TIME_WAIT (60 s)',
      zh: '在 3 秒而不是 2 分钟时结束，客户端仍处于 TIME_WAIT（60 秒）',
    },
    shortened: true,
  },
  {
    id: 'unplug-with-data',
    outcome: 'survives-after-replug',
    client: {},
    server: {},
    steps: [unplug(1000), serverSends(2000), replug(10_000)],
    until: 17_000,
    headline: ['server:delivered'],
    differs: {
      en: 'replugged at 10 s instead of 31 s',
      zh: '在 10 秒而不是 31 秒时插回',
    },
    shortened: true,
  },
  {
    id: 'survives-after-replug',
    outcome: 'survives-after-replug',
    client: {},
    server: {},
    steps: [unplug(1000), serverSends(2000), replug(21_000)],
    until: 32_000,
    headline: ['server:delivered'],
  },
  {
    id: 'sender-aborts',
    outcome: 'sender-aborts',
    client: {},
    server: { sysctl: { tcp_retries2: 6 } },
    steps: [unplug(1000), serverSends(2000)],
    until: 32_000,
    headline: ['server:error:ETIMEDOUT'],
    differs: {
      en: 'tcp_retries2 6 instead of the default 15 (≈ 924 s)',
      zh: 'tcp_retries2 为 6，而不是默认的 15（约 924 秒）',
    },
    shortened: true,
  },
  {
    id: 'retries2-budget',
    outcome: 'sender-aborts',
    client: {},
    server: { sysctl: { tcp_retries2: 5 } },
    steps: [unplug(1000), serverSends(2000)],
    until: 18_000,
    headline: ['server:error:ETIMEDOUT'],
    snippetPath: { rttMs: 1, hz: 1000 },
  },
  {
    id: 'peer-reset-after-abort',
    outcome: 'peer-reset-after-abort',
    client: {},
    server: { sysctl: { tcp_retries2: 5 } },
    steps: [
      unplug(1000),
      serverSends(2000),
      replug(17_000),
      { at: 18_000, mark: 'client-send', action: { do: 'send', host: 'client', text: 'anyone?' } },
    ],
    until: 20_000,
    headline: ['server:error:ETIMEDOUT', 'client:error:ECONNRESET'],
    differs: {
      en: 'tcp_retries2 5 instead of 8; replugged at 17 s and the client sends at 18 s instead of 5 and 6 min',
      zh: 'tcp_retries2 为 5 而不是 8；在 17 秒插回、18 秒客户端发送，而不是 5 分钟和 6 分钟',
    },
    shortened: true,
  },
  {
    id: 'user-timeout',
    outcome: 'user-timeout',
    client: {},
    server: { userTimeoutMs: 10_000 },
    steps: [unplug(1000), serverSends(2000)],
    until: 15_000,
    headline: ['server:error:ETIMEDOUT'],
  },
  {
    id: 'production-settings',
    outcome: 'user-timeout',
    client: {},
    server: { keepAlive: { idle: 60, interval: 10, count: 3 }, userTimeoutMs: 30_000 },
    steps: [unplug(1000), serverSends(2000)],
    until: 35_000,
    headline: ['server:error:ETIMEDOUT'],
  },
  {
    id: 'unplugged-side-unreachable',
    outcome: 'unplugged-side-unreachable',
    client: { sysctl: { tcp_retries2: 5 } },
    server: {},
    steps: [
      unplug(1000),
      { at: 2000, mark: 'client-send', action: { do: 'send', host: 'client', text: 'hello' } },
    ],
    until: 20_000,
    headline: ['client:error:EHOSTUNREACH'],
  },
  {
    id: 'connect-timeout',
    outcome: 'connect-timeout',
    client: { sysctl: { tcp_syn_retries: 2 } },
    server: {},
    steps: [{ at: 0, mark: 'unplug', action: { do: 'unplug', host: 'server' } }],
    until: 12_000,
    headline: ['client:error:ETIMEDOUT'],
    differs: {
      en: 'tcp_syn_retries 2 instead of the default 6 (131 s)',
      zh: 'tcp_syn_retries 为 2，而不是默认的 6（131 秒）',
    },
    shortened: true,
  },
  {
    id: 'process-crash',
    outcome: 'process-crash',
    client: {},
    server: {},
    steps: [{ at: 1000, mark: 'kill', action: { do: 'killProcess', host: 'client' } }],
    until: 4000,
    headline: ['client:fin', 'server:eof'],
    differs: {
      en: 'ends at 4 s instead of 5 min, with the client still in FIN_WAIT2 (tcp_fin_timeout 60 s)',
      zh: '在 4 秒而不是 5 分钟时结束，客户端仍处于 FIN_WAIT2（tcp_fin_timeout 60 秒）',
    },
    shortened: true,
  },
  {
    id: 'host-crash',
    outcome: 'host-crash',
    client: {},
    server: { sysctl: { tcp_retries2: 5 } },
    steps: [
      { at: 1000, mark: 'crash', action: { do: 'crash', host: 'client' } },
      serverSends(2000),
    ],
    until: 18_000,
    headline: ['server:error:ETIMEDOUT'],
    differs: {
      en: 'tcp_retries2 5 instead of 8 (102.2 s)',
      zh: 'tcp_retries2 为 5，而不是 8（102.2 秒）',
    },
    shortened: true,
  },
  {
    id: 'host-reboot-reset',
    outcome: 'host-reboot-reset',
    client: {},
    server: {},
    steps: [
      { at: 1000, mark: 'crash', action: { do: 'crash', host: 'client' } },
      { at: 3000, mark: 'boot', action: { do: 'boot', host: 'client' } },
      serverSends(5000),
    ],
    until: 7000,
    headline: ['server:error:ECONNRESET'],
    differs: {
      en: 'back at 3 s and the server sends at 5 s, instead of 30 s and 1 min',
      zh: '在 3 秒恢复、5 秒服务器发送，而不是 30 秒和 1 分钟',
    },
    shortened: true,
  },
  {
    id: 'hung-process',
    outcome: 'peer-process-hung',
    client: {},
    server: { keepAlive: { idle: 10, interval: 5, count: 3 } },
    steps: [{ at: 1000, mark: 'hang', action: { do: 'hangProcess', host: 'client' } }],
    until: 32_000,
    headline: ['client:probe-answer:1'],
    differs: {
      en: 'ends at 32 s instead of 5 min',
      zh: '在 32 秒而不是 5 分钟时结束',
    },
    shortened: true,
  },
  {
    id: 'hung-process-heartbeat',
    outcome: 'app-heartbeat-detects',
    client: {},
    server: { heartbeat: { every: 5, timeout: 15 } },
    steps: [{ at: 1000, mark: 'hang', action: { do: 'hangProcess', host: 'client' } }],
    until: 18_000,
    headline: ['server:app-close'],
    knownDisagreements: [
      {
        event: 'client:eof',
        reason: {
          en: 'The engine reports EOF to the hung client when the FIN arrives; a stopped process reads nothing, so it sees no EOF until it runs again.',
          zh: '引擎在 FIN 到达时就向挂起的客户端报告 EOF；而停住的进程什么也不读，要等它恢复运行才会看到 EOF。',
        },
      },
    ],
    differs: {
      en: 'ends at 18 s instead of 5 min, with the server still in FIN_WAIT2',
      zh: '在 18 秒而不是 5 分钟时结束，服务器仍处于 FIN_WAIT2',
    },
    shortened: true,
  },
  {
    id: 'app-idle-close',
    outcome: 'app-idle-close',
    client: {},
    server: { closeWhenIdle: 5, sysctl: { tcp_orphan_retries: 3 }, watch: ['CLOSED'] },
    steps: [unplug(1000)],
    until: 14_000,
    headline: ['server:app-close', 'server:state:CLOSED'],
    differs: {
      en: 'closeWhenIdle 5 s instead of 75 s, and tcp_orphan_retries 3 instead of 0 (which means 8)',
      zh: 'closeWhenIdle 为 5 秒而不是 75 秒，tcp_orphan_retries 为 3 而不是 0（即 8）',
    },
    shortened: true,
  },
  {
    id: 'app-heartbeat-detects',
    outcome: 'app-heartbeat-detects',
    client: {},
    server: {
      heartbeat: { every: 1, timeout: 3.5 },
      sysctl: { tcp_orphan_retries: 3 },
      watch: ['CLOSED'],
    },
    steps: [unplug(9500)],
    until: 25_000,
    headline: ['server:app-close', 'server:state:CLOSED'],
    differs: {
      en: 'tcp_orphan_retries 3 instead of 0 (which means 8); unplugged at 9.5 s instead of 10 s, so that the pull does not race the ping sent at 10 s',
      zh: 'tcp_orphan_retries 为 3，而不是 0（即 8）；在 9.5 秒而不是 10 秒拔线，以免拔线与 10 秒时发出的 ping 同时发生',
    },
    shortened: true,
  },
  {
    id: 'idle-forever',
    outcome: 'idle-forever',
    client: {},
    server: {},
    steps: [unplug(1000)],
    until: 20_000,
    headline: [],
    differs: { en: 'ends at 20 s instead of 3 h', zh: '在 20 秒而不是 3 小时时结束' },
    shortened: true,
  },
  {
    id: 'keepalive-detects-dead-peer',
    outcome: 'keepalive-detects-dead-peer',
    client: {},
    server: {
      sysctl: { tcp_keepalive_time: 4, tcp_keepalive_intvl: 1, tcp_keepalive_probes: 9 },
      keepAlive: {},
    },
    steps: [unplug(1000)],
    until: 16_000,
    headline: ['server:error:ETIMEDOUT'],
    differs: {
      en: 'tcp_keepalive_time 4 s and tcp_keepalive_intvl 1 s instead of 7200 s and 75 s (9 probes, as by default)',
      zh: 'tcp_keepalive_time 为 4 秒、tcp_keepalive_intvl 为 1 秒，而不是 7200 秒和 75 秒（探测次数仍为默认的 9）',
    },
    shortened: true,
  },
  {
    id: 'redis-keepalive',
    outcome: 'keepalive-detects-dead-peer',
    client: {},
    server: { keepAlive: { idle: 3, interval: 1, count: 3 } },
    steps: [unplug(1000)],
    until: 9000,
    headline: ['server:error:ETIMEDOUT'],
    differs: {
      en: 'TCP_KEEPIDLE 3 s and TCP_KEEPINTVL 1 s instead of 300 s and 100 s (TCP_KEEPCNT 3, as Redis sets)',
      zh: 'TCP_KEEPIDLE 为 3 秒、TCP_KEEPINTVL 为 1 秒，而不是 300 秒和 100 秒（TCP_KEEPCNT 仍为 Redis 设的 3）',
    },
    shortened: true,
  },
  {
    id: 'keepalive-answered',
    outcome: 'keepalive-answered',
    client: {},
    server: { keepAlive: { idle: 10, interval: 5, count: 3 } },
    steps: [unplug(1000), replug(13_000)],
    until: 20_000,
    headline: ['client:probe-answer:2'],
    differs: { en: 'ends at 20 s instead of 1 min', zh: '在 20 秒而不是 1 分钟时结束' },
    shortened: true,
  },
];

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
