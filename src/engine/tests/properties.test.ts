/**
 * Property tests over random scenarios: the same inputs give a byte-identical trace, and every
 * trace keeps TCP's and the wire's invariants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLab } from '../index.ts';
import { fcParams, host, play, scenario } from './scenarios.ts';
import type { HostName, RunResult } from '../types.ts';

const U32 = 2 ** 32;

function checkInvariants(r: RunResult): void {
  const oneWayMs = r.config.rtt / 2;
  // The log is in time order, and nothing happens after the end.
  for (let i = 1; i < r.events.length; i++)
    expect(r.events[i]!.t).toBeGreaterThanOrEqual(r.events[i - 1]!.t);
  expect(r.events.at(-1)?.t ?? 0).toBeLessThanOrEqual(r.end);
  const sentAt = new Map<number, number>();
  r.events.forEach((e, i) => {
    if (e.kind !== 'segment') return;
    if (e.phase === 'sent') sentAt.set(e.segment, i);
    else
      expect(
        sentAt.get(e.segment),
        `segment ${e.segment} ${e.phase} before it was sent`,
      ).toBeLessThan(i);
  });
  for (const seg of r.segments) {
    expect(seg.seq).toBeGreaterThanOrEqual(0);
    expect(seg.seq).toBeLessThan(U32);
    expect(seg.ack).toBeLessThan(U32);
    if (seg.delivered) {
      // No effect before its cause: a segment arrives one one-way delay after it left.
      expect(seg.arrivedAt! - seg.t).toBeGreaterThanOrEqual(
        Math.floor(r.config.rtt * 500) / 1000 - 1e-9,
      );
      expect(seg.lostBecause).toBeUndefined();
    } else {
      // Every segment that did not arrive is accounted for.
      expect(
        seg.lostBecause !== undefined || seg.pending === true,
        `segment ${seg.id} neither delivered nor lost`,
      ).toBe(true);
      if (seg.pending) expect(r.end - seg.t).toBeLessThanOrEqual(Math.max(oneWayMs, 3000) + 1e-6);
      if (seg.lostBecause === 'unplugged') {
        const cut = r.outages.some(
          (o) =>
            o.kind === 'unplugged' &&
            o.from <= seg.t + oneWayMs + 1e-6 &&
            (o.to ?? Infinity) >= seg.t - 1e-6,
        );
        expect(cut, `segment ${seg.id} lost to an unplug that never happened`).toBe(true);
      }
      if (seg.lostBecause === 'loss') expect(r.config.loss).toBeGreaterThan(0);
    }
  }
  // Sequence numbers: first transmissions of data move forward; ACK numbers never go back.
  const key = (s: { conn: number; from: string }) => `${s.conn}/${s.from}`;
  const lastData = new Map<string, number>();
  const lastAck = new Map<string, number>();
  for (const seg of r.segments) {
    if (seg.role === 'data') {
      const prev = lastData.get(key(seg));
      if (prev !== undefined) expect(seg.relSeq).toBeGreaterThanOrEqual(prev);
      lastData.set(key(seg), seg.relSeq + seg.len);
    }
    if (seg.role === 'retransmission' || seg.role === 'tlp') {
      const high = lastData.get(key(seg));
      if (seg.len > 0 && high !== undefined) expect(seg.relSeq + seg.len).toBeLessThanOrEqual(high);
    }
    if (seg.flags.includes('.') && !seg.flags.startsWith('R') && !seg.flags.startsWith('S')) {
      const prev = lastAck.get(key(seg));
      if (prev !== undefined) expect(seg.relAck).toBeGreaterThanOrEqual(prev);
      lastAck.set(key(seg), seg.relAck);
    }
  }
  // Effects follow their causes: a reset errno needs an RST that arrived first; a SYN-ACK or a
  // keepalive answer needs the SYN or probe it answers.
  const arrivedAt = (to: HostName, roles: string[], conn: number, t: number) =>
    r.segments.some(
      (s) =>
        s.to === to &&
        s.conn === conn &&
        roles.includes(s.role) &&
        s.delivered &&
        s.arrivedAt! <= t,
    );
  for (const e of r.events) {
    if (
      e.kind === 'app' &&
      e.notice === 'error' &&
      (e.errno === 'ECONNRESET' || e.errno === 'ECONNREFUSED')
    ) {
      expect(arrivedAt(e.host, ['rst'], e.conn, e.t), `${e.errno} at ${e.t} without an RST`).toBe(
        true,
      );
    }
  }
  for (const s of r.segments) {
    if (s.role === 'syn-ack' && s.retransmission === undefined) {
      expect(arrivedAt(s.from, ['syn', 'syn-retransmission'], s.conn, s.t)).toBe(true);
    }
    if (s.role === 'keepalive-ack')
      expect(arrivedAt(s.from, ['keepalive'], s.conn, s.t)).toBe(true);
  }
  // Socket rows and side results agree on the end state.
  for (const c of r.connections) {
    for (const side of [c.client, c.server]) {
      if (side.error) expect(side.errorAt).toBeDefined();
    }
  }
}

describe('property: determinism', () => {
  it('the same scenario gives a byte-identical JSON trace', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(JSON.stringify(play(s))).toBe(JSON.stringify(play(s)));
      }),
      fcParams(60),
    );
  });

  it('a different seed changes the ISNs and the client port', () => {
    const a = createLab({ seed: 1 });
    a.connect();
    const b = createLab({ seed: 2 });
    b.connect();
    const ra = a.run({ until: '1s' });
    const rb = b.run({ until: '1s' });
    expect(ra.segments[0]!.seq).not.toBe(rb.segments[0]!.seq);
  });
});

describe('property: invariants', () => {
  it('ordered log, causes before effects, every lost segment explained, sequence numbers move forward', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        checkInvariants(play(s));
      }),
      fcParams(300),
    );
  });
});

describe('property: reliable delivery', () => {
  it('over a lossy path every message arrives once, in order, in both directions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.array(
          fc.tuple(
            fc.boolean(),
            fc.integer({ min: 0, max: 20_000 }),
            fc.integer({ min: 1, max: 4000 }),
          ),
          {
            maxLength: 25,
          },
        ),
        (seed, loss, writes) => {
          const lab = createLab({ seed, loss });
          const conn = lab.connect();
          const got: Record<HostName, string[]> = { client: [], server: [] };
          const sent: Record<HostName, string[]> = { client: [], server: [] };
          conn.client.on('data', (text) => got.client.push(text));
          conn.server.on('data', (text) => got.server.push(text));
          const ordered = [...writes].sort((a, b) => a[1] - b[1]);
          ordered.forEach(([fromClient, t, size], i) => {
            const from: HostName = fromClient ? 'client' : 'server';
            const text = `${i}:${'x'.repeat(size)}`;
            sent[from === 'client' ? 'server' : 'client'].push(text);
            lab.at(t, () => conn[from].send(text));
          });
          const r = lab.run({ until: '2h' });
          expect(r.client.error).toBeUndefined();
          expect(got.server).toEqual(sent.server);
          expect(got.client).toEqual(sent.client);
        },
      ),
      fcParams(100),
    );
  });
});

describe('property: recovery after a replug', () => {
  // Outages start after the handshake: a connect() whose ARP resolution fails ends in
  // EHOSTUNREACH at once, which is right but not what this property is about.
  it('writes made while either cable is out arrive once, in order, after it is back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(
          fc.record({
            host,
            from: fc.integer({ min: 100, max: 60_000 }),
            span: fc.integer({ min: 1, max: 120_000 }),
          }),
          { maxLength: 3 },
        ),
        fc.array(
          fc.tuple(
            fc.boolean(),
            fc.integer({ min: 0, max: 200_000 }),
            fc.integer({ min: 1, max: 3000 }),
          ),
          {
            maxLength: 20,
          },
        ),
        (seed, outages, writes) => {
          const lab = createLab({ seed });
          const conn = lab.connect();
          const got: Record<HostName, string[]> = { client: [], server: [] };
          const sent: Record<HostName, string[]> = { client: [], server: [] };
          conn.client.on('data', (text) => got.client.push(text));
          conn.server.on('data', (text) => got.server.push(text));
          for (const o of outages) {
            lab.at(o.from, () => lab[o.host].unplug());
            lab.at(o.from + o.span, () => lab[o.host].plugIn());
          }
          [...writes]
            .sort((a, b) => a[1] - b[1])
            .forEach(([fromClient, t, size], i) => {
              const from: HostName = fromClient ? 'client' : 'server';
              const text = `${i}:${'y'.repeat(size)}`;
              sent[from === 'client' ? 'server' : 'client'].push(text);
              lab.at(t, () => conn[from].send(text));
            });
          const r = lab.run({ until: '3h' });
          expect([r.client.error, r.server.error]).toEqual([undefined, undefined]);
          expect(got.server).toEqual(sent.server);
          expect(got.client).toEqual(sent.client);
        },
      ),
      fcParams(100),
    );
  });
});

/** The state `host`'s socket had just before event `i`. */
function stateBefore(r: RunResult, host: HostName, i: number): string | undefined {
  for (let k = i - 1; k >= 0; k--) {
    const e = r.events[k]!;
    if (e.kind === 'state' && e.host === host) return e.to;
  }
  return undefined;
}

describe('property: orderly close', () => {
  // Linux promises an orderly close only while the path carries the segments: a closed socket
  // is an orphan, and an orphan that cannot get its data and FIN acknowledged gives up after
  // tcp_orphan_retries (0 means 8 while its RTO is under the cap) and vanishes without a word
  // (tcp_write_timeout()). So: either both ends close normally with every byte delivered once,
  // in order, before the EOF; or an orphan gave up, and what the peer got is still an in-order
  // prefix of what was sent, each message once (the peer may never hear of it: ESTABLISHED).
  it('after the writes, both closing leads to closed-normally with every byte delivered first, unless an orphan gave up under loss', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.array(
          fc.tuple(
            fc.boolean(),
            fc.integer({ min: 0, max: 5000 }),
            fc.integer({ min: 1, max: 3000 }),
          ),
          {
            maxLength: 10,
          },
        ),
        fc.integer({ min: 0, max: 10_000 }),
        fc.boolean(),
        (seed, loss, writes, gap, serverFirst) => {
          const lab = createLab({ seed, loss });
          const conn = lab.connect();
          const got: Record<HostName, string[]> = { client: [], server: [] };
          const sent: Record<HostName, string[]> = { client: [], server: [] };
          const order: string[] = [];
          for (const h of ['client', 'server'] as const) {
            conn[h].on('data', (text) => got[h].push(text));
            conn[h].on('end', () => order.push(`${h} EOF after ${got[h].length}`));
          }
          [...writes]
            .sort((a, b) => a[1] - b[1])
            .forEach(([fromClient, t, size], i) => {
              const from: HostName = fromClient ? 'client' : 'server';
              const text = `${i}:${'z'.repeat(size)}`;
              sent[from === 'client' ? 'server' : 'client'].push(text);
              lab.at(t, () => conn[from].send(text));
            });
          const first: HostName = serverFirst ? 'server' : 'client';
          const second: HostName = serverFirst ? 'client' : 'server';
          // The first closes once everything sent to it has arrived (no earlier than 60 s: under heavy
          // loss, backed-off retransmissions can take longer, and data reaching a closed socket draws
          // an RST by design); the second closes on EOF, or later.
          const closeFirstWhenAllArrived = (): void => {
            if (got[first].length === sent[first].length) conn[first].close();
            else lab.at(lab.now() + 1000, closeFirstWhenAllArrived);
          };
          lab.at(60_000, closeFirstWhenAllArrived);
          conn[second].on('end', () => lab.at(lab.now() + gap, () => conn[second].close()));
          const r = lab.run({ until: '2h' });
          const orphanGaveUp = r.events.some(
            (e, i) =>
              e.kind === 'timer' &&
              e.detail?.startsWith('abort') === true &&
              ['FIN_WAIT1', 'CLOSING', 'LAST_ACK'].includes(stateBefore(r, e.host, i) ?? ''),
          );
          if (orphanGaveUp) {
            expect(r.config.loss).toBeGreaterThan(0);
            for (const h of ['client', 'server'] as const)
              expect(got[h]).toEqual(sent[h].slice(0, got[h].length));
            return;
          }
          expect(got).toEqual(sent);
          expect(order).toEqual([`${second} EOF after ${sent[second].length}`]);
          expect([r.client.state, r.server.state]).toEqual(['CLOSED', 'CLOSED']);
          expect(r.outcome.id).toBe('closed-normally');
        },
      ),
      fcParams(100, [
        // 18 % loss stretches the retransmissions past 60 s.
        [
          580430310,
          0.18178094038739803,
          [
            [false, 0, 2895],
            [false, 0, 1],
          ],
          0,
          false,
        ],
        // Found by a random run in CI: the receiver dropped out-of-order segments (so '7:z'
        // arrived three times and was never delivered), then the server's orphan gave up.
        [
          1456277654,
          0.17754602292552593,
          [1447, 1447, 1, 1447, 1, 1, 1447, 1].map((n): [boolean, number, number] => [false, 0, n]),
          0,
          true,
        ],
      ]),
    );
  });
});
