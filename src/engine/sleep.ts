/**
 * Suspend and resume: what a host's TCP sees of the time it slept. Nothing.
 *
 * Every TCP timer is a timer_list on the jiffies counter, and TCP's own clock (tcp_clock_ns(),
 * behind retrans_stamp, the RTT samples and the keepalive stamps) is ktime_get_ns(),
 * CLOCK_MONOTONIC. Neither counts suspended time: timekeeping_resume() (kernel/time/
 * timekeeping.c) adds the sleep to the boot-time offset only (tk_update_sleep_time() →
 * offs_boot, which CLOCK_BOOTTIME reads), and jiffies advance from CLOCK_MONOTONIC
 * (tick_do_update_jiffies64() in kernel/time/tick-sched.c). So on resume every timer has
 * exactly the time left that it had when the machine went to sleep, and every "how long since"
 * a rule computes leaves the sleep out: the host carries on as if it had been paused. The peer
 * kept running meanwhile and may have given up.
 *
 * The lab keeps one clock for both hosts, so the sleeping host's view is made by moving each of
 * its timers and stamps forward by the time it slept.
 */
import type { Neighbour } from './neighbour.ts';
import type { Skb } from './frame.ts';
import type { KernelTimer } from './timer.ts';
import type { TcpSock } from './tcp/sock.ts';

interface Frozen {
  timer: KernelTimer<TcpSock>;
  leftUs: number;
}

/** Move a socket's stamps (µs, −1 or −Infinity when unset) forward by the sleep. */
function shiftStamps(sk: TcpSock, d: number): void {
  if (sk.retransStampUs >= 0) sk.retransStampUs += d;
  if (sk.probesTstampUs >= 0) sk.probesTstampUs += d;
  sk.synackSentUs += d;
  sk.lrcvtimeUs += d;
  sk.rcvTstampUs += d;
  sk.lastOowAckUs += d;
  for (let i = 0; i < sk.skbs.length; i++) {
    const skb: Skb = sk.skbs.at(i)!;
    if (skb.lastXmitUs >= 0) skb.lastXmitUs += d;
  }
}

/** One host's sleep: the timers it froze and when it fell asleep. */
export class HostSleep {
  asleep = false;
  private sinceUs = 0;
  private frozen: Frozen[] = [];
  private neighbourLeftUs = -1;

  /** The machine suspends at `nowUs`: every pending timer of its sockets and its ARP entry stops. */
  suspend(nowUs: number, socks: Iterable<TcpSock>, neighbour: Neighbour): void {
    this.asleep = true;
    this.sinceUs = nowUs;
    this.frozen = [];
    for (const sk of socks) {
      for (const timer of [sk.xmitTimer, sk.keepaliveTimer, sk.twTimer]) {
        const leftUs = timer.freeze();
        if (leftUs >= 0) this.frozen.push({ timer, leftUs });
      }
    }
    this.neighbourLeftUs = neighbour.freeze();
  }

  /** It resumes at `nowUs`: each timer runs on with the time it had left; stamps move with them. */
  resume(nowUs: number, socks: Iterable<TcpSock>, neighbour: Neighbour): number {
    const slept = nowUs - this.sinceUs;
    for (const sk of socks) shiftStamps(sk, slept);
    for (const { timer, leftUs } of this.frozen) timer.thaw(leftUs, slept);
    neighbour.thaw(this.neighbourLeftUs, slept);
    this.frozen = [];
    this.asleep = false;
    return slept;
  }

  /** A crash while asleep: nothing is left to wake. */
  reset(): void {
    this.asleep = false;
    this.frozen = [];
    this.neighbourLeftUs = -1;
  }
}
