// The ss line reader against lines ss (iproute2 6.1) printed on Linux 6.18 in the lab's
// namespaces: each timer kind, a connection retransmitting into an unplugged cable, a SYN that
// gets no answer, and sockets without a timer.
import { describe, expect, it } from 'vitest';
import { parseSsLine, parseSsOutput, parseSsTimerText } from './ss.ts';

const RETRANSMITTING =
  'ESTAB      0      5      10.9.0.1:39382 10.9.0.2:80 timer:(on,364ms,4) ts sack bbr wscale:0,10 rto:1632 backoff:3 rtt:0.006/0.003 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:1 bytes_sent:10 bytes_retrans:5 bytes_acked:1 segs_out:4 segs_in:1 data_segs_out:2 bbr:(bw:0bps,mrtt:0.006,pacing_gain:1,cwnd_gain:1) send 1930666667bps lastsnd:1268 lastrcv:5228 lastack:5228 pacing_rate 55175586184bps delivered:1 app_limited busy:4320ms unacked:1 retrans:1/1 lost:1 rcv_space:14480 rcv_ssthresh:64088 minrtt:0.006 snd_wnd:2896';
const PERSIST =
  'ESTAB      0      43440  10.9.0.1:39370 10.9.0.2:80 timer:(persist,1.012ms,2) ts sack bbr wscale:0,10 rto:208 backoff:3 rtt:5.382/10.752 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:14 bytes_sent:5792 bytes_retrans:1448 bytes_acked:4345 segs_out:9 segs_in:4 data_segs_out:4 bbr:(bw:551619008bps,mrtt:0.007,pacing_gain:2.88672,cwnd_gain:2.88672) send 30133036bps lastsnd:2204 lastrcv:2212 lastack:1956 pacing_rate 47293359864bps delivery_rate 816976bps delivered:5 busy:2212ms rwnd_limited:2212ms(100.0%) retrans:0/1 dsack_dups:1 rcv_space:14480 rcv_ssthresh:64088 notsent:43440 minrtt:0.007';
const KEEPALIVE =
  'ESTAB      0      0      10.9.0.1:39366 10.9.0.2:80 timer:(keepalive,29sec,0) ts sack bbr wscale:0,10 rto:204 rtt:0.049/0.024 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_acked:1 segs_out:2 segs_in:1 bbr:(bw:0bps,mrtt:0.049,pacing_gain:1,cwnd_gain:1) send 2364081633bps lastsnd:900 lastrcv:900 lastack:900 pacing_rate 6756193136bps delivered:1 app_limited rcv_space:14480 rcv_ssthresh:64088 minrtt:0.049 snd_wnd:2896                                                                                                                                                              ';
const SYN_SENT =
  'SYN-SENT   0      1      10.9.0.1:40976 10.9.0.2:81 timer:(on,700ms,1) bbr rto:1000 mss:524 pmtu:1500 rcvmss:88 advmss:1460 cwnd:1 segs_out:1 bbr:(bw:0bps,mrtt:0) lastsnd:766796 lastrcv:766796 lastack:766796 app_limited unacked:1 lost:1 rcv_ssthresh:64240';
const TIME_WAIT = 'TIME-WAIT  0      0      10.9.0.1:39374 10.9.0.2:80 timer:(timewait,59sec,0)';
const FIN_WAIT2 = 'FIN-WAIT-2 0      0      10.9.0.1:39374 10.9.0.2:80 timer:(timewait,48sec,0)';
const NO_TIMER =
  'CLOSE-WAIT 1      0      10.9.0.2:80 10.9.0.1:39374 ts sack bbr wscale:10,0 rto:204 rtt:0.008/0.004 ato:40 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:10 bytes_received:1 segs_out:1 segs_in:3 send 14480000000bps lastsnd:904 lastrcv:904 lastack:904 pacing_rate 41381690624bps delivered:1 app_limited rcv_space:2896 rcv_ssthresh:2896 minrtt:0.008 snd_wnd:64512';

describe('ss -tanoiOH lines', () => {
  it('reads a connection retransmitting into an unplugged cable', () => {
    const s = parseSsLine(RETRANSMITTING);
    expect(s).toEqual({
      state: 'ESTABLISHED',
      local: '10.9.0.1:39382',
      peer: '10.9.0.2:80',
      recvQ: 0,
      sendQ: 5,
      timer: { name: 'on', expiresMs: 364, count: 4 },
      rto: 1632,
      backoff: 3,
      // bytes_retrans:5 is another field: only retrans:<now>/<total> is read
      retrans: { now: 1, total: 1 },
      unacked: 1,
      lastsnd: 1268,
      lastrcv: 5228,
      lastack: 5228,
      raw: RETRANSMITTING,
    });
  });

  it('reads each timer kind, and ss writing 1.012 s as "1.012ms"', () => {
    expect(parseSsLine(PERSIST).timer).toEqual({ name: 'persist', expiresMs: 1012, count: 2 });
    expect(parseSsLine(PERSIST).retrans).toEqual({ now: 0, total: 1 });
    expect(parseSsLine(KEEPALIVE).timer).toEqual({
      name: 'keepalive',
      expiresMs: 29_000,
      count: 0,
    });
    expect(parseSsLine(SYN_SENT)).toMatchObject({
      state: 'SYN_SENT',
      timer: { name: 'on', expiresMs: 700, count: 1 },
      rto: 1000,
      unacked: 1,
    });
    expect(parseSsLine(TIME_WAIT)).toMatchObject({
      state: 'TIME_WAIT',
      timer: { name: 'timewait', expiresMs: 59_000, count: 0 },
    });
    expect(parseSsLine(FIN_WAIT2).state).toBe('FIN_WAIT2');
  });

  it('leaves out what ss does not print', () => {
    const s = parseSsLine(NO_TIMER);
    expect(s.state).toBe('CLOSE_WAIT');
    expect(s.timer).toBeUndefined();
    expect(s.backoff).toBeUndefined();
    expect(s.retrans).toBeUndefined();
    expect(s.unacked).toBeUndefined();
    expect(s.rto).toBe(204);
    const t = parseSsLine(TIME_WAIT);
    expect(Object.keys(t)).toEqual(['state', 'local', 'peer', 'recvQ', 'sendQ', 'timer', 'raw']);
  });

  it('keeps the raw line without the padding ss adds', () => {
    expect(parseSsLine(KEEPALIVE).raw).toBe(KEEPALIVE.trimEnd());
    expect(parseSsOutput(`${TIME_WAIT}\n${NO_TIMER}\n\n`).map((s) => s.state)).toEqual([
      'TIME_WAIT',
      'CLOSE_WAIT',
    ]);
    expect(parseSsOutput('')).toEqual([]);
  });

  it('reads every form of the expiry ss prints', () => {
    expect(parseSsTimerText('164ms')).toBe(164);
    expect(parseSsTimerText('1.852ms')).toBe(1852);
    expect(parseSsTimerText('12sec')).toBe(12_000);
    expect(parseSsTimerText('2min3sec')).toBe(123_000);
    expect(parseSsTimerText('119min')).toBe(7_140_000);
    expect(parseSsTimerText('')).toBe(0);
  });

  it('names what it cannot read', () => {
    expect(() => parseSsLine('State Recv-Q Send-Q Local Address:Port Peer Address:Port')).toThrow(
      /not a socket line of ss -tanoiOH: "State/,
    );
    expect(() => parseSsTimerText('1.5s')).toThrow(/ss timer expiry "1.5s"/);
  });
});
