// The chapters as data: both languages embed the same runs and quote the same computed values,
// every chapter ends with its "try this" prompts, and every number or answer the prose takes
// from a run really exists in that run on the current engine.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapterSlugs } from '../viz/chapters';
import { findTags, type MdxTag } from './mdxTags';
import { chapterProse, snippetText, type TextLine } from './testing/chineseText';
import { formatValue } from './formatValue';
import { langOfPath, pageLang } from './pageLang';
import { readValue } from './runValues';
import { measuredValue } from '../../src/measurements/display';
import type { MarkId } from '../../src/measurements/scenarios';
import type { Measurement } from '../../src/measurements/measurement';
import { shareOf, snippetSweep } from './sweeps';
import { applyEdits, normaliseEdits, snippetRun, type Edit } from './snippetRuns';

const contentDir = join(import.meta.dirname, '..', '..', 'content');
const read = (lang: string, slug: string) =>
  readFileSync(join(contentDir, lang, `${slug}.mdx`), 'utf8');

/** What a tag asks of a run, without the prose around it. */
function runFacts(tag: MdxTag) {
  const {
    snippet,
    scenario,
    value,
    minus,
    shortOf,
    after,
    replace,
    expect: promised,
    choices,
  } = tag.attributes;
  return {
    tag: tag.name,
    snippet,
    scenario,
    value,
    minus,
    shortOf,
    after,
    replace,
    expect: promised,
    choices: choices ? Object.keys(choices as object).sort() : undefined,
  };
}

const runTags = (source: string) =>
  ['Playground', 'Computed', 'Predict', 'Sweep', 'Measured']
    .flatMap((name) => findTags(source, name))
    .sort((a, b) => a.line - b.line);

const BRANCH_CHAPTERS = [
  'data-in-flight',
  'idle-connection',
  'application-keepalive',
  'crashes',
  'user-timeout',
  'middleboxes',
];

/** Lines that say keepalive or socket where the cards say 保活 and 套接字. */
const englishTerms = (lines: TextLine[]) =>
  lines
    .map((l) => ({ ...l, text: l.text.replace(/（(keepalive|socket)）/g, '') })) // the English term glossed where it is introduced
    .filter((l) => /(?<![\w-])(keepalive|socket)(?![\w-])/.test(l.text))
    .map((l) => `${l.line}: ${l.text}`);

describe('the chapters', () => {
  it('exist in both languages, one file per slug, and nothing else', () => {
    for (const lang of ['zh', 'en']) {
      expect(readdirSync(join(contentDir, lang)).sort()).toEqual(
        chapterSlugs.map((s) => `${s}.mdx`).sort(),
      );
    }
  });

  it('say 保活 and 套接字 in the Chinese snippets’ comments and output, as the cards do', () => {
    const snippetDir = join(contentDir, 'snippets');
    for (const name of readdirSync(snippetDir).filter((n) => n.endsWith('.zh.ts'))) {
      const source = readFileSync(join(snippetDir, name), 'utf8');
      expect(englishTerms(snippetText(source)), name).toEqual([]);
    }
  });

  for (const slug of chapterSlugs) {
    describe(slug, () => {
      const zh = read('zh', slug);
      const en = read('en', slug);

      it('leaves chapter numbers to the chapter order: "#" in every chapter link', () => {
        for (const source of [zh, en]) {
          for (const link of findTags(source, 'ChapterLink')) {
            expect(chapterSlugs, `${slug}.mdx:${link.line}`).toContain(link.attributes.slug);
            expect(link.children, `${slug}.mdx:${link.line}`).toMatch(/^[^\d]*#[^\d]*$/);
          }
        }
      });

      it('says 保活 and 套接字 in Chinese prose, as the cards do', () => {
        expect(englishTerms(chapterProse(zh))).toEqual([]);
      });

      it('embeds the same runs and quotes the same values in Chinese and English', () => {
        expect(runTags(en).map(runFacts)).toEqual(runTags(zh).map(runFacts));
      });

      if (slug !== 'summary') {
        it('ends with two or three "try this" prompts', () => {
          for (const source of [zh, en]) {
            const boxes = findTags(source, 'TryThis');
            expect(boxes).toHaveLength(1);
            const prompts = boxes[0]!.children.split('\n').filter((line) => line.startsWith('- '));
            expect(prompts.length).toBeGreaterThanOrEqual(2);
            expect(prompts.length).toBeLessThanOrEqual(3);
            expect(source.trimEnd().endsWith('</TryThis>')).toBe(true);
          }
        });
      }

      if (BRANCH_CHAPTERS.includes(slug)) {
        it('leads back to the summary', () => {
          for (const source of [zh, en]) expect(findTags(source, 'BackToSummary')).toHaveLength(1);
        });
      }

      it('takes every quoted value and predicted answer from a real run', () => {
        for (const tag of [...findTags(zh, 'Computed'), ...findTags(zh, 'Predict')]) {
          const { snippet, value, minus, shortOf, replace, choices } = tag.attributes as {
            snippet: string;
            value?: string;
            minus?: string;
            shortOf?: number;
            replace?: unknown;
            choices?: Record<string, string>;
          };
          const where = `zh/${slug}.mdx:${tag.line} <${tag.name} snippet="${snippet}">`;
          const run = snippetRun(snippet, normaliseEdits(replace));
          const read = readValue(run, value ?? 'outcome.id');
          if (minus) expect(typeof readValue(run, minus), where).toBe('number');
          if (shortOf !== undefined) {
            const short =
              shortOf - (read as number) + (minus ? (readValue(run, minus) as number) : 0);
            expect(short, `${where}: falls short of ${shortOf}`).toBeGreaterThan(0);
          }
          if (tag.name === 'Predict')
            expect(Object.keys(choices ?? {}), where).toContain(String(read));
        }
      });

      it('takes every measured value from a kernel lab record', () => {
        for (const [lang, source] of [
          ['zh', zh],
          ['en', en],
        ] as const) {
          for (const tag of findTags(source, 'Measured')) {
            const { scenario, value, after } = tag.attributes as {
              scenario: string;
              value: string;
              after?: MarkId;
            };
            expect(
              measuredValue(scenario, value, lang, after),
              `${lang}/${slug}.mdx:${tag.line}`,
            ).toMatch(/\d/);
          }
        }
      });
    });
  }
});

// A sweep runs a snippet hundreds of times; on a busy machine that takes a while.
const SWEEP_TIMEOUT_MS = 300_000;

/** `ms` is `promised`, or later by the timer wheel's rounding (at most 12.5 % + 1 jiffy). */
const expectPromisedAtLeast = (ms: number, promised: number) => {
  expect(ms).toBeGreaterThanOrEqual(promised);
  expect(ms).toBeLessThanOrEqual(promised * 1.125 + 4);
};

describe('what the prose says about Linux, checked against the engine', () => {
  const abortAfterSend = (edits: [string, string][] = []) => {
    const run = snippetRun('retries2-budget', edits);
    return (readValue(run, 'server.errorAt') as number) - (readValue(run, 'firstSendAt') as number);
  };

  // The textbook timing: the timer wheel off, every timer exactly on time.
  const textbook: [string, string] = ['createLab({', 'createLab({\n  timerWheel: false,'];
  const textbookNoOptions: [string, string] = ['createLab()', 'createLab({ timerWheel: false })'];
  /** `ms` is the promised time, or later by the timer wheel's rounding (at most 12.5 % + 1 jiffy). */
  const expectLate = (ms: number, promised: number) => {
    expect(ms).toBeGreaterThanOrEqual(promised);
    expect(ms).toBeLessThanOrEqual(promised * 1.125 + 4);
  };
  const sinceHeard = (run: ReturnType<typeof snippetRun>) =>
    (run.server.errorAt ?? 0) - (readValue(run, 'lastReceivedAt:server') as number);

  it('a writer to a hung peer: without TCP_USER_TIMEOUT the probes are answered (all but one early one) and nothing detects the hang; with it the writer aborts 30 s after its first probe', () => {
    const noTimeout = snippetRun('hung-process-user-timeout', [
      ["conn.server.setUserTimeout('30s');", ''],
    ]);
    expect(noTimeout.outcome.id).toBe('peer-process-hung');
    expect(noTimeout.server.state).toBe('ESTABLISHED');
    const probes = noTimeout.segments.filter((s) => s.role === 'window-probe');
    const answers = noTimeout.segments.filter((s) => s.role === 'window-probe-ack' && s.delivered);
    expect(probes.length).toBeGreaterThan(10);
    expect(answers).toHaveLength(probes.length - 1);
    const run = snippetRun('hung-process-user-timeout');
    expect(run.outcome.id).toBe('user-timeout');
    const sinceFirstProbe =
      (run.server.errorAt ?? 0) - (readValue(run, 'windowProbeAt:1') as number);
    expectPromisedAtLeast(sinceFirstProbe, 30_000);
  });

  it('on one LAN: connect() to an unplugged server fails with EHOSTUNREACH after about 3 s; the sender still gives up after about a quarter of an hour, with EHOSTUNREACH', () => {
    const connect = snippetRun('lan-connect-unreachable');
    expect(connect.client.error).toBe('EHOSTUNREACH');
    expectPromisedAtLeast(readValue(connect, 'client.errorAt') as number, 3000);
    const sender = snippetRun('lan-sender-aborts');
    expect(sender.server.error).toBe('EHOSTUNREACH');
    expect(sender.server.errorAt).toBeGreaterThan(924_600);
    expect(sender.server.errorAt).toBeLessThan(20 * 60_000);
  });

  it('tcp_retries2 = 5, textbook timing: aborts after about 26 s with a 201 ms RTO and about 13 s with 204 ms', () => {
    expect(abortAfterSend([textbook])).toBeCloseTo(25_728, -1);
    expect(abortAfterSend([textbook, ['hz: 1000', 'hz: 250']])).toBeGreaterThan(13_000);
    expect(abortAfterSend([textbook, ['hz: 1000', 'hz: 250']])).toBeLessThan(13_600);
  });

  it('tcp_retries2 = 5 with the timer wheel: aborts after about 13 s at HZ=1000 as well as at HZ=250', () => {
    for (const edits of [[], [['hz: 1000', 'hz: 250']]] as [string, string][][]) {
      expect(abortAfterSend(edits)).toBeGreaterThan(13_000);
      expect(abortAfterSend(edits)).toBeLessThan(13_600);
    }
  });

  it(
    'over the timer phases, tcp_retries2 = 5 gives up after five retransmissions at HZ=1000 and 250, in a range that holds the measurement',
    () => {
      for (const hz of ['hz: 1000', 'hz: 250']) {
        const edits: Edit[] = [['hz: 1000', hz]];
        expect(
          shareOf(
            snippetSweep('retries2-budget', edits, 'timerPhase', 'server.retransmissions'),
            '5',
          ),
        ).toBe(1);
      }
      const at250 = snippetSweep(
        'retries2-budget',
        [['hz: 1000', 'hz: 250']],
        'timerPhase',
        'server.errorAt',
        'firstSendAt',
      );
      // The kernel lab's run of this program (content/measurements/retries2-budget.json), which
      // chapter 2 quotes.
      const measured = JSON.parse(
        readFileSync(join(contentDir, 'measurements', 'retries2-budget.json'), 'utf8'),
      ) as Measurement;
      const abort = measured.events.find((e) => e.key === 'server:error:ETIMEDOUT')!;
      expect(abort.after).toBe('send');
      expect(at250.min).toBeLessThanOrEqual(abort.min);
      expect(at250.max).toBeGreaterThanOrEqual(abort.max);
    },
    SWEEP_TIMEOUT_MS,
  );

  it('default keepalive gives up 7875 s after the last segment received (later by the timer wheel’s rounding), after 9 probes, with an RST', () => {
    const run = snippetRun('keepalive-detects-dead-peer');
    expect(sinceHeard(run)).toBeGreaterThanOrEqual(7_875_000);
    expect(sinceHeard(run)).toBeLessThanOrEqual(7_875_000 * 1.125);
    const exact = snippetRun('keepalive-detects-dead-peer', [textbookNoOptions]);
    expect(sinceHeard(exact)).toBeCloseTo(7_875_000, -1);
    expect(run.server.keepaliveProbes).toBe(9);
    expect(run.segments.some((s) => s.from === 'server' && s.role === 'rst')).toBe(true);
  });

  it('the retransmission abort sends no RST, and the first re-send is a TLP', () => {
    const run = snippetRun('sender-aborts');
    expect(run.segments.some((s) => s.role === 'rst')).toBe(false);
    expect(readValue(run, 'tlpAt')).toBeLessThan(readValue(run, 'retransmission:1') as number);
  });

  const idle: Edit = ["lab.at('2s', () => conn.server.send('hello'));", ''];
  const userTimeout = (value: string): Edit => [
    "setUserTimeout('90s')",
    `setUserTimeout('${value}')`,
  ];
  const died = (edits: Edit[] = []) =>
    1 -
    shareOf(snippetSweep('keepalive-under-loss', edits, 'seed', 'outcome.id'), 'still-established');

  it('a user timeout of TCP_KEEPIDLE + TCP_KEEPINTVL × TCP_KEEPCNT gives up where keepalive says', () => {
    const run = snippetRun('production-settings', [idle]);
    expect(run.server.keepaliveProbes).toBe(3);
    expect(run.outcome.id).toBe('user-timeout');
  });

  it('with TCP_USER_TIMEOUT set, TCP_KEEPCNT is ignored: a shorter one gives up after one probe, a longer one sends more', () => {
    expect(
      snippetRun('production-settings', [idle, userTimeout('30s')]).server.keepaliveProbes,
    ).toBe(1);
    expect(
      snippetRun('production-settings', [idle, userTimeout('120s')]).server.keepaliveProbes,
    ).toBeGreaterThan(3);
  });

  it(
    'at 1 % loss for an hour, the recommended setting keeps 100 idle connections alive; 30 s kills most; keepalive alone none',
    () => {
      expect(died()).toBe(0);
      expect(died([userTimeout('30s')])).toBeGreaterThan(0.5);
      expect(died([["conn.server.setUserTimeout('90s');", '']])).toBe(0);
    },
    SWEEP_TIMEOUT_MS,
  );

  it('the RTO retransmission count equals tcp_retries2 for an ordinary RTT, is one more for a small N on a 1 ms path, and fewer with a very long RTT', () => {
    for (let n = 3; n <= 15; n++) {
      const run = snippetRun('sender-aborts', [
        ['createLab()', `createLab({ server: { sysctl: { tcp_retries2: ${n} } } })`],
      ]);
      expect(run.server.retransmissions, `tcp_retries2 = ${n}`).toBe(n);
    }
    // On a 1 ms path the textbook timing needs one more; the timer wheel's lateness takes it back.
    expect(snippetRun('retries2-budget', [textbook]).server.retransmissions).toBe(6);
    expect(snippetRun('retries2-budget').server.retransmissions).toBe(5);
    const far = snippetRun('sender-aborts', [['createLab()', "createLab({ rtt: '300ms' })"]]);
    expect(far.server.retransmissions).toBeLessThan(15);
  });

  it('the TLP is not one of the counted retransmissions', () => {
    const run = snippetRun('sender-aborts');
    expect(run.server.tlps).toBe(1);
    const rtoResends = run.segments.filter(
      (s) => s.from === 'server' && s.role === 'retransmission',
    );
    expect(rtoResends).toHaveLength(run.server.retransmissions);
  });

  it('ETIMEDOUT reaches a waiting application at the moment of the abort', () => {
    const run = snippetRun('sender-aborts');
    expect(run.server.error).toBe('ETIMEDOUT');
    expect(run.server.errorAt).toBe(readValue(run, 'closedAt:server'));
  });

  it("the unplugged side's neighbour entry is gone at once: its first send after the pull already needs ARP", () => {
    const run = snippetRun('unplugged-side-unreachable');
    const first = run.segments.find((s) => s.from === 'client' && s.role === 'data');
    expect(first?.lostBecause).toBe('no-neighbour');
  });

  it('the unplugged side sends no TLP and re-sends only every 3 s, the ARP-failure cadence of the model', () => {
    const run = snippetRun('unplugged-side-unreachable');
    expect(run.client.tlps).toBe(0);
    const sends = readValue(run, 'times:data,retransmission') as number[];
    const gaps = sends.slice(1).map((t, i) => t - sends[i]!);
    expect(gaps.length).toBeGreaterThan(2);
    for (const gap of gaps) expectLate(gap, 3_000);
  });

  it('connect() from the unplugged side fails after a whole resolution (3 s), or with a pending one (2.5 s)', () => {
    const own = snippetRun('connect-timeout', [['lab.server.unplug();', 'lab.client.unplug();']]);
    expectLate((own.client.errorAt ?? 0) - (readValue(own, 'connectAt') as number), 3_000);
    const send = "lab.at('2s', () => conn.client.send('hello'));";
    const joined = snippetRun('unplugged-side-unreachable', [
      [send, `${send}\nlab.at('2.5s', () => lab.connect());`],
    ]);
    expect(joined.connections[1]?.client.error).toBe('EHOSTUNREACH');
    expectLate(
      (readValue(joined, 'connections.1.client.errorAt') as number) -
        (readValue(joined, 'connectAt:1') as number),
      2_500,
    );
  });

  it('SYNs leave 1 s apart up to 5 s, then back off; without linear timeouts connect() gives up at 127 s', () => {
    const synTimes = (edits: Edit[]) => {
      const syns = readValue(snippetRun('connect-timeout', edits), 'times:syn,syn-retransmission');
      return (syns as number[]).map((t, _, all) => t - all[0]!);
    };
    const textbookSyns = synTimes([textbookNoOptions]);
    expect(textbookSyns.slice(0, 7)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 7000]);
    synTimes([]).forEach((t, i) => {
      const gap = i ? t - synTimes([])[i - 1]! : 0;
      if (i) expectLate(gap, textbookSyns[i]! - textbookSyns[i - 1]!);
    });
    const noLinear: Edit = [
      'createLab()',
      'createLab({ timerWheel: false, client: { sysctl: { tcp_syn_linear_timeouts: 0 } } })',
    ];
    const old = snippetRun('connect-timeout', [noLinear]);
    expect((old.client.errorAt ?? 0) - (readValue(old, 'connectAt') as number)).toBe(127_000);
  });

  it('Wi-Fi off with data in flight: the RTO timer runs on, not one copy leaves, and the abort reports ENETUNREACH', () => {
    const run = snippetRun('wifi-off-in-flight');
    expect(run.client.error).toBe('ENETUNREACH');
    expect(readValue(run, 'ssTimer:client@3000')).toMatch(/^timer:\(on,/);
    expect(run.counters.client.TcpRetransSegs).toBe(0);
    expect(run.counters.client.TcpExtTCPTimeouts).toBeGreaterThan(15);
    expect(run.segments.some((s) => s.from === 'client' && s.t > 1005)).toBe(false);
  });

  it('Wi-Fi off before the write: the persist timer, one IpOutNoRoutes for the write and one per probe, ETIMEDOUT; the same with the address removed', () => {
    for (const snippet of ['wifi-off-write', 'wifi-off-address-removed']) {
      const run = snippetRun(snippet);
      expect(run.client.error, snippet).toBe('ETIMEDOUT');
      expect(run.counters.client.TcpRetransSegs, snippet).toBe(0);
      expect(run.counters.client.IpOutNoRoutes, snippet).toBe(1 + 15);
      expect(run.segments.some((s) => s.from === 'client' && s.t >= 1000)).toBe(false);
    }
    expect(readValue(snippetRun('wifi-off-write'), 'ssTimer:client@3000')).toMatch(
      /^timer:\(persist,/,
    );
  });

  it('connect() with the interface down fails at once with ENETUNREACH, and sends no SYN', () => {
    const run = snippetRun('wifi-off-connect');
    expect(run.client.error).toBe('ENETUNREACH');
    expect(run.client.errorAt).toBe(0);
    expect(run.segments).toHaveLength(0);
  });

  it('back with a new address: no RST either way, both old ends time out, and a new connection works', () => {
    const run = snippetRun('new-address');
    expect(run.segments.some((s) => s.role === 'rst')).toBe(false);
    expect([run.client.error, run.server.error]).toEqual(['ETIMEDOUT', 'ETIMEDOUT']);
    expect(run.counters.client.IpInAddrErrors).toBeGreaterThan(0);
    expect(run.connections[1]?.client.state).toBe('ESTABLISHED');
  });

  it('a suspended laptop counts no sleep: a 60 s keepalive set before a 20-minute sleep probes 59 s after the wake (later by the timer wheel’s rounding)', () => {
    const run = snippetRun('laptop-sleep', [
      [
        "lab.at('2s', () => conn.server.send('while you slept'));",
        "conn.client.setKeepAlive(true, { idle: '60s' });",
      ],
      ["  conn.client.send('good morning');\n", ''],
    ]);
    const sinceWake =
      (readValue(run, 'probeAt:1') as number) - (readValue(run, 'hostAction:resume') as number);
    expectLate(sinceWake, 59_000);
  });

  it('behind a dropping load balancer: every segment after the idle timeout stops at the box, the sender runs its whole budget, the peer hears nothing', () => {
    const run = snippetRun('middlebox-drop');
    const forgotten = readValue(run, 'middleboxAt:forgotten') as number;
    expectPromisedAtLeast(forgotten - (readValue(run, 'connectAt') as number), 240_000);
    const after = run.segments.filter((s) => s.t >= (readValue(run, 'firstSendAt') as number));
    expect(after.length).toBe(run.client.retransmissions + run.client.tlps + 1);
    expect(after.every((s) => s.from === 'client' && s.lostBecause === 'middlebox')).toBe(true);
    expect(run.client.cause).toBe('retransmission');
    expect(run.client.errorAt! - (readValue(run, 'firstSendAt') as number)).toBeGreaterThan(
      924_600,
    );
    expect(run.server.state).toBe('ESTABLISHED');
    expect(run.server.error).toBeUndefined();
  });

  it('a load balancer that resets on idle: both RSTs leave the box when it forgets, each accepted a quarter of a round trip later; the later write gets EPIPE', () => {
    const run = snippetRun('middlebox-reset');
    const forgotten = readValue(run, 'middleboxAt:forgotten') as number;
    for (const side of ['client', 'server'] as const) {
      expect(run[side].error).toBe('ECONNRESET');
      expect(run[side].errorAt! - forgotten).toBeCloseTo(run.config.rtt / 4, 3);
    }
    const resets = run.segments.filter((s) => s.role === 'rst');
    expect(resets.map((s) => s.t)).toEqual([forgotten, forgotten]);
    expect(run.counters.client.TcpOutRsts + run.counters.server.TcpOutRsts).toBe(0);
    expect(
      run.events.some((e) => e.kind === 'app' && e.host === 'client' && e.errno === 'EPIPE'),
    ).toBe(true);
  });

  it('behind a NAT at RFC 5382’s floor: the server’s push after the timeout dies, the client never learns; a client send would have brought the mapping back', () => {
    const run = snippetRun('nat-server-push');
    expect(readValue(run, 'middleboxAt:forgotten')).toBeGreaterThanOrEqual(124 * 60_000);
    expect(run.server).toMatchObject({ error: 'ETIMEDOUT', cause: 'retransmission' });
    expect(run.client.state).toBe('ESTABLISHED');
    const firewall = snippetRun('nat-server-push', [
      ["kind: 'nat'", "kind: 'firewall'"],
      ["conn.server.send('you have mail')", "conn.client.send('any mail?')"],
    ]);
    expect(firewall.outcome.id).toBe('middlebox-drop');
  });

  it('keepalive or a heartbeat more often than the timeout: the box never forgets, and the request at 10 minutes arrives', () => {
    for (const name of ['middlebox-keepalive', 'middlebox-heartbeat']) {
      const run = snippetRun(name);
      expect(run.events.some((e) => e.kind === 'middlebox' && e.action === 'forgotten')).toBe(
        false,
      );
      const request = run.segments.find((s) => s.role === 'data' && s.t >= 600_000);
      expect(request?.delivered, name).toBe(true);
    }
    // The kernel's default keepalive (7200 s) is too long for the 4-minute box.
    const defaults = snippetRun('middlebox-keepalive', [
      ["setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 })", 'setKeepAlive(true)'],
    ]);
    expect(defaults.outcome.id).toBe('middlebox-drop');
  });

  it('Redis-style keepalive (300 s, 100 s, 3) gives up after 600 s (later by the timer wheel’s rounding)', () => {
    expect(sinceHeard(snippetRun('redis-keepalive', [textbookNoOptions]))).toBeCloseTo(600_000, -1);
    const withWheel = sinceHeard(snippetRun('redis-keepalive'));
    expect(withWheel).toBeGreaterThanOrEqual(600_000);
    expect(withWheel).toBeLessThanOrEqual(600_000 * 1.125);
  });
});

describe('runValues', () => {
  it('names the expression and the known metrics when a run has no such value', () => {
    const run = snippetRun('idle-forever');
    expect(() => readValue(run, 'server.errorAt')).toThrow(
      /"server\.errorAt".*idle-forever.*firstSendAt/,
    );
    expect(() => readValue(run, 'closedAt')).toThrow(/needs a host/);
    expect(() => readValue(run, 'retransmission:0')).toThrow(/from 1 up/);
  });
});

describe('edits applied to a snippet before a run', () => {
  it('replace exactly the text a reader would change, and refuse text that is not there', () => {
    expect(applyEdits('x', "hz: 1000, rtt: '1ms'", [['hz: 1000', 'hz: 250']])).toBe(
      "hz: 250, rtt: '1ms'",
    );
    expect(() => applyEdits('x', 'hz: 1000', [['hz: 300', 'hz: 250']])).toThrow(
      /does not contain "hz: 300"/,
    );
  });

  it('accept one pair or a list of pairs, and nothing else', () => {
    expect(normaliseEdits(undefined)).toEqual([]);
    expect(normaliseEdits(['a', 'b'])).toEqual([['a', 'b']]);
    expect(
      normaliseEdits([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(() => normaliseEdits('a')).toThrow(/pair of strings/);
  });
});

describe('formatValue', () => {
  it('writes durations, milliseconds and counts in the page language', () => {
    expect(formatValue(925_824, 'duration', 'en')).toBe('15 min 25.8 s');
    expect(formatValue(925_824, 'duration', 'zh')).toBe('15 分钟 25.8 秒');
    expect(formatValue(220, 'ms', 'zh')).toBe('220 毫秒');
    expect(formatValue(12.6 * 1000, 'seconds', 'en')).toBe('12.6 s');
    expect(formatValue(15, 'count', 'en')).toBe('15');
    expect(() => formatValue('ETIMEDOUT', 'duration', 'en')).toThrow(/needs a number/);
    expect(formatValue([0, 1000, 67_000], 'seconds-list', 'zh')).toBe('0、1、67 秒');
    expect(formatValue([0, 1000, 67_000], 'seconds-list', 'en')).toBe('0, 1, 67 s');
    expect(() => formatValue([1], 'duration', 'en')).toThrow(/seconds-list/);
  });
});

describe('the page language', () => {
  it('comes from the first path segment after the base', () => {
    expect(langOfPath('/tcp-unplugged/en/summary/', '/tcp-unplugged/')).toBe('en');
    expect(langOfPath('/zh/summary/', '/')).toBe('zh');
    expect(pageLang('en', '/zh/x/', '/')).toBe('en');
    expect(() => langOfPath('/tcp-unplugged/search/', '/tcp-unplugged')).toThrow(/chapter pages/);
  });
});
