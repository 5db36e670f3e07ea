import { describe, expect, it } from 'vitest';
import { arrowLabel, captureText, formatCompact, formatDuration, trimmed } from './format';
import { handmadeAbort } from './fixtures/handmade';
import { vizStrings } from './strings';

describe('durations', () => {
  it.each([
    [0, '0 ms', '0 毫秒', '0ms'],
    [0.5, '0.5 ms', '0.5 毫秒', '0.5ms'],
    [201, '201 ms', '201 毫秒', '201ms'],
    [1608, '1.608 s', '1.608 秒', '1.608s'],
    [10_000, '10 s', '10 秒', '10s'],
    [925_824, '15 min 25.8 s', '15 分钟 25.8 秒', '15m 25.824s'],
    [360_010, '6 min', '6 分钟', '6m 0.01s'],
    [7_200_030, '2 h', '2 小时', '2h 0m 0.03s'],
    [120_000, '2 min', '2 分钟', '2m'],
    [59_960, '59.96 s', '59.96 秒', '59.96s'],
    [7_875_000, '2 h 11 min 15 s', '2 小时 11 分钟 15 秒', '2h 11m 15s'],
    [7_200_000, '2 h', '2 小时', '2h'],
  ])('%d ms reads %s / %s / %s', (ms, en, zh, compact) => {
    expect(formatDuration(ms, 'en')).toBe(en);
    expect(formatDuration(ms, 'zh')).toBe(zh);
    expect(formatCompact(ms)).toBe(compact);
  });

  it('does not print 60 s for a duration just under a minute after rounding', () => {
    expect(formatDuration(119_990, 'en')).toBe('2 min');
  });

  it('writes absurdly long runs (until: 1e300) as a power of ten, not 17 digits', () => {
    expect(formatDuration(1e300, 'en')).toBe('2.78 × 10²⁹³ h');
    expect(formatDuration(1e300, 'zh')).toBe(`2.78 × 10²⁹³ ${vizStrings('zh').units.h}`);
    expect(formatCompact(3.6e15)).toBe('1 × 10⁹h');
    // Up to a million hours, hours and minutes as before.
    expect(formatDuration(999_999 * 3_600_000, 'en')).toBe('999999 h');
  });

  it('trims trailing zeros only after the decimal point', () => {
    expect(trimmed(100, 0)).toBe('100');
    expect(trimmed(12.864, 3)).toBe('12.864');
    expect(trimmed(10, 3)).toBe('10');
  });
});

describe('segment labels', () => {
  const [syn, , ack, data, tlp, rto1] = handmadeAbort.segments;
  it('reads like tcpdump', () => {
    expect(captureText(syn!)).toBe('[S] seq 0');
    expect(captureText(ack!)).toBe('[.] seq 1 ack 1');
    expect(captureText(data!)).toBe('[P.] seq 1:101 ack 1 len 100');
  });
  it('names the role only when the flags do not', () => {
    expect(arrowLabel(data!, 'en').role).toBeUndefined();
    expect(arrowLabel(tlp!, 'en').role).toBe('TLP (tail loss probe)');
    expect(arrowLabel(rto1!, 'en').role).toBe('retransmission #1');
    expect(arrowLabel(rto1!, 'zh').role).toBe('重传 #1');
  });
});
