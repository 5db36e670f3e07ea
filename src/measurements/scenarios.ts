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
import type { NeighSysctls, Sysctls, Topology } from '../engine/api.ts';
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
  | 'client-send'
  | 'interface-down'
  | 'interface-up'
  | 'address-change';

export type Action =
  | { do: 'unplug' | 'plugIn' | 'crash' | 'boot' | 'killProcess' | 'hangProcess'; host: HostName }
  | { do: 'send'; host: HostName; text: string }
  | { do: 'send'; host: HostName; bytes: number }
  | { do: 'close'; host: HostName }
  | { do: 'interfaceDown' | 'interfaceUp' | 'removeAddress' | 'addAddress'; host: 'client' };

export interface Step {
  /** ms after the client's connect(); steps at 0 happen before it. */
  at: number;
  mark: MarkId;
  action: Action;
}

/** What one side's application sets up on its socket at the start. */
export interface SideSetup {
  sysctl?: Partial<Sysctls>;
  /** ARP settings of the host's interface (net.ipv4.neigh.eth0.*). */
  neigh?: Partial<NeighSysctls>;
  /** SO_RCVBUF, bytes (set before the handshake, as the window scale depends on it). */
  receiveBuffer?: number;
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

/**
 * An event the engine is known to get wrong, with the reason; the test holds it to disagreeing.
 * `event` is an event key (trace.ts), or `<host>:ss:<state>`: ss samples in which the kernel's
 * socket on that host is still in that state where the engine's has moved on.
 */
export interface KnownDisagreement {
  event: string;
  reason: Bilingual;
}

export interface Scenario {
  /** The chapter snippet this variant replays (content/snippets/<id>.ts). */
  id: string;
  /** The branch the snippet ends in (its Playground's `expect`). */
  outcome: OutcomeId;
  /**
   * The engine's name for the branch the variant ends in, when the variant reaches the
   * snippet's branch by other means that the engine names differently (say, a lost frame made
   * deterministic by a brief cable pull); `differs` says how.
   */
  variantOutcome?: OutcomeId;
  /** Where the hosts sit (the engine's `topology`); 'routed' unless given. */
  topology?: Topology;
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

const clientInterface = (at: number, up: boolean): Step => ({
  at,
  mark: up ? 'interface-up' : 'interface-down',
  action: { do: up ? 'interfaceUp' : 'interfaceDown', host: 'client' },
});
const clientSends = (at: number): Step => ({
  at,
  mark: 'client-send',
  action: { do: 'send', host: 'client', bytes: 100 },
});
const retries2Five: Bilingual = {
  en: 'tcp_retries2 5 instead of the default 15 (about 15 minutes)',
  zh: 'tcp_retries2 为 5，而不是默认的 15（大约 15 分钟）',
};

const CORE: readonly Scenario[] = [
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
    id: 'lan-sender-aborts',
    outcome: 'sender-aborts',
    topology: 'lan',
    client: {},
    server: {
      sysctl: { tcp_retries2: 5 },
      neigh: { base_reachable_time_ms: 1000, delay_first_probe_time: 1 },
    },
    steps: [unplug(1000), serverSends(2000)],
    until: 20_000,
    headline: ['server:error:EHOSTUNREACH'],
    differs: {
      en: "tcp_retries2 5 instead of the default 15 (≈ 924 s), and the server's ARP timers shortened (base_reachable_time_ms 1000 instead of 30000, delay_first_probe_time 1 s instead of 5 s) so that its entry for the client fails within that budget",
      zh: 'tcp_retries2 为 5，而不是默认的 15（约 924 秒）；服务器的 ARP 计时器也缩短了（base_reachable_time_ms 为 1000 而不是 30000，delay_first_probe_time 为 1 秒而不是 5 秒），使它对客户端的表项在这段预算内失败',
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
    id: 'keepalive-under-loss',
    outcome: 'still-established',
    variantOutcome: 'keepalive-answered',
    client: {},
    server: { keepAlive: { idle: 6, interval: 1, count: 3 }, userTimeoutMs: 9000 },
    steps: [unplug(5000), replug(6500)],
    until: 10_000,
    headline: ['client:probe-answer:2'],
    differs: {
      en: "one keepalive probe lost for certain instead of 1 % of frames at random: the client's cable is out from 5 s to 6.5 s, over the first probe. Keepalive 6 s, 1 s, 3 probes and TCP_USER_TIMEOUT 9 s instead of 60 s, 10 s, 3 and 90 s (times divided by 10); ends at 10 s instead of 1 h. The engine names this branch after the pulled cable (“a keepalive probe was answered”); as in the snippet, the next probe is answered and the connection lives on",
      zh: '确定地丢失一个 keepalive 探测，而不是随机丢失 1%的帧：客户端的网线在 5 秒到 6.5 秒之间拔出，正好盖住第一个探测。keepalive 为 6 秒、1 秒、3 个探测，TCP_USER_TIMEOUT 为 9 秒，而不是 60 秒、10 秒、3 个和 90 秒（时间都除以 10）；在 10 秒而不是 1 小时时结束。引擎按拔出的网线给这一分支命名（“keepalive 探测得到了应答”）；和代码片段中一样，下一个探测得到应答，连接继续存在',
    },
    shortened: true,
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
    id: 'lan-connect-unreachable',
    outcome: 'connect-timeout',
    topology: 'lan',
    client: {},
    server: {},
    steps: [{ at: 0, mark: 'unplug', action: { do: 'unplug', host: 'server' } }],
    until: 6000,
    headline: ['client:error:EHOSTUNREACH'],
  },
  {
    id: 'process-crash',
    outcome: 'process-crash',
    client: {},
    server: {},
    steps: [{ at: 1000, mark: 'kill', action: { do: 'killProcess', host: 'client' } }],
    until: 4000,
    headline: ['client:fin', 'server:eof'],
    knownDisagreements: [
      {
        event: 'client:fin',
        reason: {
          en: 'The kernel sends the FIN when the killed process runs its exit and closes its files, which waits until the scheduler runs it: on a busy machine that can take longer than the 4 ms tolerance. The engine closes the socket at the instant of the kill; it does not model process scheduling. The moment of death cannot be measured apart from this FIN, which is its first visible sign.',
          zh: '内核要等被杀的进程执行退出、关闭它的文件时才发出 FIN，而这要等调度器让它运行：在繁忙的机器上可能超过 4 毫秒的容差。引擎在 kill 的瞬间就关闭套接字，不模拟进程调度。进程死去的时刻无法脱离这个 FIN 单独测量，FIN 就是它第一个可见的迹象。',
        },
      },
    ],
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
      {
        event: 'server:ss:FIN_WAIT1',
        reason: {
          en: 'The kernel’s client acknowledges the server’s FIN with a delayed ACK: receiving a FIN puts the socket in pingpong mode (tcp_fin()), which waits for the application to answer, so the ACK leaves when the delayed-ACK timer fires, 40 ms on; until then ss shows the server in FIN_WAIT1. The engine acknowledges a FIN at once.',
          zh: '内核中的客户端用延迟 ACK 确认服务器的 FIN：收到 FIN 会让套接字进入 pingpong 模式（tcp_fin()），等待应用程序回应，所以 ACK 要等延迟 ACK 定时器在 40 毫秒后触发才发出；在此之前 ss 显示服务器处于 FIN_WAIT1。引擎收到 FIN 会立即确认。',
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
    id: 'hung-process-user-timeout',
    outcome: 'user-timeout',
    client: { receiveBuffer: 4344 },
    server: { userTimeoutMs: 30_000 },
    steps: [
      { at: 1000, mark: 'hang', action: { do: 'hangProcess', host: 'client' } },
      { at: 2000, mark: 'send', action: { do: 'send', host: 'server', bytes: 10_000 } },
    ],
    until: 36_000,
    headline: ['server:error:ETIMEDOUT'],
    knownDisagreements: [
      {
        event: 'server:resend:1',
        reason: {
          en: "The kernel's client offers a window that is not a whole number of segments (here 24 bytes more than three), so the server sends three full segments and a 24-byte tail; the client acknowledges the tail only with its delayed ACK, 40 ms later, and before that the server's tail loss probe (2 jiffies on this 30 µs path) re-sends it. The engine offers whole segments and its client acknowledges each at once.",
          zh: '内核中的客户端通告的窗口不是整数个报文段（这里比三个多 24 字节），于是服务器发出三个完整报文段和一个 24 字节的尾段；客户端要到 40 毫秒后才用延迟 ACK 确认这个尾段，而在此之前，服务器的尾部丢失探测（在这条 30 微秒的路径上为 2 个 jiffy）已把它重发了一次。引擎只通告整数个报文段，它的客户端也会立即确认每一个报文段。',
        },
      },
      {
        event: 'server:delivered',
        reason: {
          en: 'The re-sent 24-byte tail (see server:resend:1) reaches the client; in the engine nothing is re-sent.',
          zh: '重发的 24 字节尾段（见 server:resend:1）到达了客户端；引擎中没有任何重发。',
        },
      },
      {
        event: 'server:error:ETIMEDOUT',
        reason: {
          en: 'TCP_USER_TIMEOUT counts from the first zero-window probe, and the kernel and the engine both give up a little over 30 s after it (the last timer, too, runs late). The comparison times the errno from the last probe before it, and that probe carries the lateness of six backed-off probe timers: on the kernel they ran later in all than the engine’s timer wheel puts them (by about half a second), which leaves the last interval outside its tolerance.',
          zh: 'TCP_USER_TIMEOUT 从第一个零窗口探测开始计时，内核和引擎都在它之后 30 秒多一点放弃（最后一个计时器同样会晚一些运行）。比较时 errno 从它之前的最后一个探测算起，而这个探测带着六个退避后的探测计时器的延迟：在内核上它们总共比引擎的时间轮算出的晚（约半秒），于是最后这段间隔超出了容差。',
        },
      },
    ],
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

/** The Wi-Fi chapter (wifi-off): the client's own interface or address goes away (ip link, ip addr). */
const WIFI_OFF: readonly Scenario[] = [
  {
    id: 'wifi-off-in-flight',
    outcome: 'interface-down',
    client: { sysctl: { tcp_retries2: 5 } },
    server: {},
    steps: [
      { at: 500, mark: 'unplug', action: { do: 'unplug', host: 'server' } },
      clientSends(1000),
      clientInterface(1620, false),
    ],
    until: 20_000,
    headline: ['client:error:ENETUNREACH'],
    differs: {
      en: "the server's cable is pulled half a second before the write, so that the data is still unacknowledged 0.62 s later, when the client's interface goes down (between its first and second RTO retransmissions) (on the veth path an ACK comes back in 30 µs; the snippet takes the interface down 5 ms after the write, before its ACK returns); tcp_retries2 5 instead of 15",
      zh: '写入前半秒先拔掉服务器的网线，让数据在 0.62 秒后客户端关闭网卡时（第一次和第二次 RTO 重传之间）仍未被确认（veth 路径上确认 30 微秒就回来了；代码片段在写入 5 毫秒后、确认回来之前关闭网卡）；tcp_retries2 为 5，而不是 15',
    },
    shortened: true,
  },
  {
    id: 'wifi-off-write',
    outcome: 'interface-down',
    client: { sysctl: { tcp_retries2: 5 } },
    server: {},
    steps: [clientInterface(1000, false), clientSends(2000)],
    until: 20_000,
    headline: ['client:error:ETIMEDOUT'],
    differs: retries2Five,
    shortened: true,
  },
  {
    id: 'wifi-off-connect',
    outcome: 'interface-down',
    client: {},
    server: {},
    steps: [clientInterface(0, false)],
    until: 2000,
    headline: ['client:error:ENETUNREACH'],
  },
  {
    id: 'wifi-off-back',
    outcome: 'interface-down',
    client: {},
    server: {},
    steps: [clientInterface(1000, false), serverSends(2000), clientInterface(10_000, true)],
    until: 20_000,
    headline: ['server:delivered'],
  },
  {
    id: 'wifi-off-address-removed',
    outcome: 'interface-down',
    client: { sysctl: { tcp_retries2: 5 } },
    server: {},
    steps: [
      { at: 1000, mark: 'address-change', action: { do: 'removeAddress', host: 'client' } },
      clientSends(2000),
    ],
    until: 20_000,
    headline: ['client:error:ETIMEDOUT'],
    differs: retries2Five,
    shortened: true,
  },
  {
    id: 'new-address',
    outcome: 'address-changed',
    client: { sysctl: { tcp_retries2: 5 } },
    server: { sysctl: { tcp_retries2: 5 } },
    steps: [
      { at: 1000, mark: 'address-change', action: { do: 'removeAddress', host: 'client' } },
      { at: 1000, mark: 'address-change', action: { do: 'addAddress', host: 'client' } },
      clientSends(2000),
      serverSends(2000),
    ],
    until: 20_000,
    headline: ['client:error:ETIMEDOUT', 'server:error:ETIMEDOUT'],
    differs: {
      en: 'no new connection from the new address afterwards (the lab makes one connection per run)',
      zh: '之后不从新地址建立新连接（实验每次只建立一条连接）',
    },
  },
];

export const SCENARIOS: readonly Scenario[] = [...CORE, ...WIFI_OFF];

/**
 * Chapter snippets the kernel lab cannot replay, with the reason: their path has a stateful
 * middlebox, and the lab's switch is a plain bridge; or a host suspends, which a network
 * namespace cannot do on its own. Their Playgrounds show no "Measured on Linux" line, and the
 * branches only they reach are not measured.
 */
const MIDDLEBOX_SNIPPETS: readonly { id: string; outcome: OutcomeId; reason: Bilingual }[] = [
  'middlebox-drop',
  'middlebox-reset',
  'nat-server-push',
  'middlebox-keepalive',
  'middlebox-heartbeat',
].map((id) => ({
  id,
  outcome:
    id === 'middlebox-reset'
      ? 'middlebox-reset'
      : id === 'middlebox-keepalive' || id === 'middlebox-heartbeat'
        ? 'still-established'
        : 'middlebox-drop',
  reason: {
    en: 'The path has a middlebox; the kernel lab has none on its switch.',
    zh: '路径上有中间设备，而内核实验的交换机上没有。',
  },
}));

export const NOT_MEASURED: readonly { id: string; outcome: OutcomeId; reason: Bilingual }[] = [
  ...MIDDLEBOX_SNIPPETS,
  {
    id: 'laptop-sleep',
    outcome: 'peer-reset-after-abort',
    reason: {
      en: 'a host cannot be suspended inside a network namespace: the whole machine would sleep',
      zh: '网络命名空间里的主机无法单独休眠：要休眠就是整台机器',
    },
  },
];

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
