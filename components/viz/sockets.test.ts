import { describe, expect, it } from 'vitest';
import { handmadeAbort } from './fixtures/handmade';
import { momentIndexAt, socketMoments, ssAt, ssState } from './sockets';

describe('ss -tn replay', () => {
  it('offers every moment a socket or host changed, from start to end', () => {
    expect(socketMoments(handmadeAbort)).toEqual([0, 10, 20, 30, 50, 100, 6532]);
  });
  it('shows the latest row of each socket at a moment', () => {
    const view = ssAt(handmadeAbort, 'server', 5000);
    expect(view).toEqual({
      down: false,
      rows: [expect.objectContaining({ state: 'ESTABLISHED', sendQ: 100 })],
    });
  });
  it('drops closed sockets, as ss does', () => {
    expect(ssAt(handmadeAbort, 'server', 6532)).toEqual({ down: false, rows: [] });
    expect(ssAt(handmadeAbort, 'client', 6532)).toEqual({
      down: false,
      rows: [expect.objectContaining({ state: 'ESTABLISHED' })],
    });
  });
  it('says when a host is down', () => {
    const crashed = {
      ...handmadeAbort,
      outages: [{ host: 'server' as const, kind: 'host-down' as const, from: 40 }],
    };
    expect(ssAt(crashed, 'server', 50)).toEqual({ down: true });
  });
  it('picks the latest moment at or before a time', () => {
    expect(momentIndexAt([0, 10, 20], 15)).toBe(1);
    expect(momentIndexAt([0, 10, 20], 99)).toBe(2);
    expect(momentIndexAt([5, 10], 0)).toBe(0);
  });
  it('spells states the way ss prints them', () => {
    expect(ssState('ESTABLISHED')).toBe('ESTAB');
    expect(ssState('FIN_WAIT1')).toBe('FIN-WAIT-1');
  });
});
