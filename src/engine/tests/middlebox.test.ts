/** The middlebox on the path: it learns, refreshes and forgets flows, then drops or resets. */
import { describe, expect, it } from 'vitest';
import { createLab, LabError } from '../index.ts';
import type { MiddleboxOptions } from '../api.ts';
import type { LabEvent, RunResult } from '../types.ts';

type BoxEvent = Extract<LabEvent, { kind: 'middlebox' }>;
const boxEvents = (r: RunResult): BoxEvent[] =>
  r.events.filter((e): e is BoxEvent => e.kind === 'middlebox');

/** One connection, idle from the handshake on; the client writes once at `sendAt`. */
function idleThenSend(middlebox: MiddleboxOptions, sendAt: string, until?: string): RunResult {
  const lab = createLab({ middlebox });
  const conn = lab.connect();
  lab.at(sendAt, () => conn.client.send('hello'));
  return lab.run(until ? { until } : {});
}

describe('middlebox', () => {
  it('learns the flow from the SYN and forgets it after the idle timeout', () => {
    const r = idleThenSend({ kind: 'firewall', idleTimeout: '5m' }, '10m');
    const events = boxEvents(r);
    expect(events[0]).toMatchObject({ action: 'learned', conn: 0, host: 'client' });
    const forgotten = events.find((e) => e.action === 'forgotten')!;
    // The last segment through it is the handshake's ACK, about half an RTT after the start.
    const lastBefore = Math.max(...r.segments.filter((s) => s.t < 60_000).map((s) => s.t));
    expect(forgotten.t - lastBefore).toBeGreaterThanOrEqual(300_000);
    expect(forgotten.t - lastBefore).toBeLessThan(300_000 + r.config.rtt);
  });

  it('drop: the next send vanishes, the sender retransmits to its budget, the peer hears nothing', () => {
    const r = idleThenSend({ kind: 'firewall', idleTimeout: '5m' }, '10m');
    const sent = r.segments.filter((s) => s.from === 'client' && s.t >= 600_000);
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.every((s) => !s.delivered && s.lostBecause === 'middlebox')).toBe(true);
    expect(r.client).toMatchObject({ error: 'ETIMEDOUT', cause: 'retransmission' });
    expect(r.server.state).toBe('ESTABLISHED');
    expect(r.server.error).toBeUndefined();
    expect(r.outcome.id).toBe('middlebox-drop');
    expect(boxEvents(r).filter((e) => e.action === 'dropped')).toHaveLength(sent.length);
  });

  it('rst: when it forgets the flow, both ends get an RST at once, each in the other’s name', () => {
    const lab = createLab({
      middlebox: { kind: 'load-balancer', idleTimeout: '4m', onForgotten: 'rst' },
    });
    lab.connect();
    const r = lab.run();
    const forgotten = boxEvents(r).find((e) => e.action === 'forgotten')!;
    const oneWay = r.config.rtt / 2;
    for (const side of ['client', 'server'] as const) {
      expect(r[side]).toMatchObject({ error: 'ECONNRESET', cause: 'reset', state: 'CLOSED' });
      expect(r[side].errorAt! - forgotten.t).toBeCloseTo(oneWay / 2, 0);
    }
    const rsts = r.segments.filter((s) => s.role === 'rst');
    expect(rsts.map((s) => [s.from, s.to, s.delivered])).toEqual([
      ['server', 'client', true],
      ['client', 'server', true],
    ]);
    // Accepted because each carries exactly the sequence number its receiver expects next.
    expect(rsts.map((s) => s.relSeq)).toEqual([1, 1]);
    expect(r.counters.client.TcpOutRsts + r.counters.server.TcpOutRsts).toBe(0);
    expect(r.outcome.id).toBe('middlebox-reset');
    expect(r.outcome.summary).toMatch(/both ends/);
  });

  it('traffic more often than the timeout keeps the flow', () => {
    const lab = createLab({ middlebox: { kind: 'nat', idleTimeout: '2m' } });
    const conn = lab.connect();
    conn.client.setKeepAlive(true, { idle: '60s', interval: '10s' });
    lab.at('30m', () => conn.server.send('push'));
    const r = lab.run({ until: '31m' });
    expect(boxEvents(r).some((e) => e.action === 'forgotten')).toBe(false);
    expect(r.outcome.id).toBe('still-established');
    expect(r.segments.find((s) => s.role === 'data')?.delivered).toBe(true);
  });

  it('nat: a client send after the timeout brings the mapping back; a server send does not', () => {
    const client = idleThenSend({ kind: 'nat', idleTimeout: '5m' }, '10m', '11m');
    expect(boxEvents(client).map((e) => e.action)).toEqual(['learned', 'forgotten', 'learned']);
    expect(client.segments.find((s) => s.role === 'data')?.delivered).toBe(true);
    expect(client.outcome.id).toBe('still-established');

    const lab = createLab({ middlebox: { kind: 'nat', idleTimeout: '5m' } });
    const conn = lab.connect();
    lab.at('10m', () => conn.server.send('push'));
    const server = lab.run();
    expect(server.server).toMatchObject({ error: 'ETIMEDOUT', cause: 'retransmission' });
    expect(server.client.state).toBe('ESTABLISHED');
    expect(server.outcome.id).toBe('middlebox-drop');
  });

  it('firewall: a client send after the timeout is dropped too (strict: only a SYN opens a flow)', () => {
    const r = idleThenSend({ kind: 'firewall', idleTimeout: '5m' }, '10m', '11m');
    expect(
      boxEvents(r)
        .map((e) => e.action)
        .slice(0, 3),
    ).toEqual(['learned', 'forgotten', 'dropped']);
    expect(r.outcome.id).toBe('middlebox-drop');
    expect(r.outcome.summary).toMatch(/nobody has given up yet/);
  });

  it('reports the middlebox in the result’s config', () => {
    const r = idleThenSend({ kind: 'nat', idleTimeout: '5m' }, '1s', '2s');
    expect(r.config.middlebox).toEqual({ kind: 'nat', idleTimeout: 300_000, onForgotten: 'drop' });
    expect(createLab().run().config.middlebox).toBeUndefined();
  });

  it.each([
    [null, /^middlebox: it must be an object/],
    [{ kind: 'router', idleTimeout: '1m' }, /^middlebox.kind: 'router' is not a middlebox/],
    [{ kind: 'nat' }, /^middlebox.idleTimeout: it is required/],
    [{ kind: 'nat', idleTimeout: 'soon' }, /^middlebox.idleTimeout: 'soon' is not a duration/],
    [{ kind: 'nat', idleTimeout: 0 }, /^middlebox.idleTimeout: 0 is too short/],
    [{ kind: 'nat', idleTimeout: '31d' }, /^middlebox.idleTimeout: '31d' is too long/],
    [{ kind: 'nat', idleTimeout: '1m', onForgotten: 'fin' }, /^middlebox.onForgotten: 'fin'/],
    [{ kind: 'nat', idleTimeout: '1m', timeout: '1m' }, /^middlebox: unknown field 'timeout'/],
  ])('rejects %j with an error naming the field', (middlebox, message) => {
    const make = () => createLab({ middlebox: middlebox as unknown as MiddleboxOptions });
    expect(make).toThrow(LabError);
    expect(make).toThrow(message);
  });
});
