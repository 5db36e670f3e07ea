/**
 * One host's kernel: its socket table, the listener on port 80, next-hop resolution, and what
 * happens when the host crashes, boots, or its process dies or hangs.
 */
import type { SocketApp } from './app.ts';
import type { HostConfig } from './config.ts';
import { ACK, Frame, RST, SYN } from './frame.ts';
import { Neighbour } from './neighbour.ts';
import type { Sim } from './sim.ts';
import { TimerBase } from './timer.ts';
import { tcpDone } from './tcp/done.ts';
import { tcpRcvStateProcess, tcpV4Err } from './tcp/input.ts';
import { emit, tcpResetXmitTimer, tcpTransmitSkb } from './tcp/output.ts';
import { tcpProbeTimer } from './tcp/persist.ts';
import { TcpSock } from './tcp/sock.ts';
import {
  reqskTimerHandler,
  tcpKeepaliveTimer,
  tcpRetransmitTimer,
  tcpSendLossProbe,
} from './tcp/timers.ts';
import type { HostName } from './types.ts';

/** A sequence number as it appears on the wire: modulo 2^32 (ToUint32). */
const mod32 = (n: number): number => n >>> 0;

export const SERVER_PORT = 80;

export type ProcessState = 'running' | 'hung' | 'dead';

export class HostKernel {
  readonly name: HostName;
  readonly peer: HostName;
  readonly sim: Sim;
  readonly cfg: HostConfig;
  readonly neighbour: Neighbour;
  /** This host's kernel timers (its timer wheel). */
  readonly timers: TimerBase;
  up = true;
  /** The host has booted again after a crash (at least once). */
  booted = false;
  process: ProcessState = 'running';
  listening: boolean;
  /** Established and half-open sockets by their key (TcpSock.key: the client port). */
  readonly socks = new Map<number, TcpSock>();
  /** Server side: the application handle waiting to accept each client port's connection. */
  readonly pendingAccept = new Map<number, SocketApp>();
  /** Every application socket handle on this host. */
  readonly apps: SocketApp[] = [];

  constructor(sim: Sim, name: HostName, cfg: HostConfig) {
    this.sim = sim;
    this.name = name;
    this.peer = name === 'client' ? 'server' : 'client';
    this.cfg = cfg;
    this.listening = name === 'server';
    this.timers = new TimerBase(sim.queue, sim.jiffies, sim.cfg.timerWheel);
    this.neighbour = new Neighbour(sim, name, this.timers, {
      params: cfg.neigh,
      permanent: cfg.staticNeighbour,
      lan: sim.cfg.topology === 'lan',
    });
  }

  /** The socket for (local port, remote port), if this host has one. */
  lookup(localPort: number, remotePort: number): TcpSock | undefined {
    const sk = this.socks.get(this.name === 'client' ? localPort : remotePort);
    return sk !== undefined && sk.lport === localPort && sk.rport === remotePort ? sk : undefined;
  }

  owns(sk: TcpSock): boolean {
    return this.socks.get(sk.key) === sk;
  }

  unhash(sk: TcpSock): void {
    if (this.owns(sk)) this.socks.delete(sk.key);
  }

  /** Record the socket's `ss -tn` row if its state or queues changed. */
  snapshot(sk: TcpSock): void {
    this.sim.rec.sockets.record(this.sim.now, this.name, sk);
  }

  /** ip_queue_xmit() → neighbour output. */
  ipOutput(frame: Frame): void {
    if (!this.up) {
      this.sim.frames.give(frame);
      return;
    }
    this.neighbour.output(frame);
  }

  /** tcp_v4_rcv(): find the socket, or answer a SYN on the listener, or reset. */
  receive(f: Frame): void {
    const sk = this.lookup(f.dport, f.sport);
    if (sk) {
      tcpRcvStateProcess(sk, f);
      return;
    }
    if (f.syn && !f.ackFlag && !f.rst && this.listening && f.dport === SERVER_PORT) {
      this.tcpConnRequest(f);
      return;
    }
    if (!f.rst) this.sendReset(f);
  }

  /** tcp_conn_request(): a SYN for the listener becomes a request socket that answers SYN-ACK. */
  private tcpConnRequest(f: Frame): void {
    const sk = this.newSock(this.sim.connOf(f.sport), SERVER_PORT, f.sport);
    sk.irs = f.seq;
    sk.rcvNxt = f.seq + 1;
    const app = this.pendingAccept.get(f.sport);
    if (app) {
      this.pendingAccept.delete(f.sport);
      app.attach(sk);
    }
    sk.setState('SYN_RECV');
    this.sendSynAck(sk, 'syn-ack');
    tcpResetXmitTimer(sk, 'synack', this.sim.jiffies.timeoutInit);
  }

  sendSynAck(sk: TcpSock, role: 'syn-ack'): void {
    sk.synackSentUs = this.sim.now;
    emit(sk, sk.iss, SYN | ACK, 0, undefined, false, role, undefined, undefined, undefined);
  }

  /** tcp_v4_send_reset(): answer a segment that no socket owns. Never in reply to a RST. */
  sendReset(f: Frame): void {
    if (f.rst) return;
    const seq = f.ackFlag ? f.ack : 0;
    const ack = f.ackFlag ? 0 : f.seq + (f.syn ? 1 : 0) + (f.fin ? 1 : 0) + f.len;
    const ackFlag = !f.ackFlag;
    const clientPort = this.name === 'client' ? f.dport : f.sport;
    const peerSock = this.sim.hosts[f.from].lookup(f.sport, f.dport);
    const flags = RST | (ackFlag ? ACK : 0);
    const id = this.sim.rec.segments.add(
      this.sim.now,
      this.sim.connOf(clientPort),
      this.name,
      flags,
      mod32(seq),
      mod32(ack),
      peerSock ? mod32(seq - peerSock.irs) : 0,
      peerSock && ackFlag ? mod32(ack - peerSock.iss) : 0,
      0,
      'rst',
      undefined,
      undefined,
    );
    this.ipOutput(
      this.sim.frames.take(
        this.name,
        f.from,
        f.dport,
        f.sport,
        seq,
        ack,
        flags,
        0,
        undefined,
        false,
        id,
        'rst',
        undefined,
      ),
    );
  }

  /** A local ICMP host-unreachable for a packet that could not be sent (ARP failed). */
  icmpHostUnreachable(f: Frame): void {
    if (!this.up || f.rst) return;
    const sk = this.lookup(f.sport, f.dport);
    if (sk) tcpV4Err(sk, f);
  }

  /** A socket in this host's table with a fresh ISN (its SYN or SYN-ACK is yet to be sent). */
  private newSock(conn: number, localPort: number, remotePort: number): TcpSock {
    const sk = new TcpSock(this, conn, localPort, remotePort, this.peer);
    sk.iss = this.sim.prng.nextU32();
    sk.sndUna = sk.iss;
    sk.sndNxt = sk.iss + 1;
    sk.writeSeq = sk.iss + 1;
    sk.rto = this.sim.jiffies.timeoutInit;
    this.socks.set(sk.key, sk);
    return sk;
  }

  /** tcp_v4_connect() + tcp_connect(): SYN now, retransmission timer at TCP_TIMEOUT_INIT. */
  connect(app: SocketApp, port: number, conn: number): TcpSock {
    const sk = this.newSock(conn, port, SERVER_PORT);
    app.attach(sk);
    sk.setState('SYN_SENT');
    const syn = {
      seq: sk.iss,
      len: 0,
      syn: true,
      fin: false,
      endSeq: sk.iss + 1,
      text: undefined,
      partial: false,
      lastXmitUs: -1,
      inHostQueue: false,
      lost: false,
    };
    sk.skbs.push(syn);
    sk.sendHead = 1;
    sk.retransStampUs = this.sim.now;
    tcpTransmitSkb(sk, syn, 'syn');
    tcpResetXmitTimer(sk, 'rto', sk.rto);
    return sk;
  }

  /** tcp_write_timer_handler(): dispatch on icsk_pending. */
  onXmitTimer(sk: TcpSock): void {
    const pending = sk.pending;
    sk.pending = 'none';
    if (pending === 'rto') tcpRetransmitTimer(sk);
    else if (pending === 'tlp') {
      sk.pending = 'tlp';
      tcpSendLossProbe(sk);
    } else if (pending === 'synack') reqskTimerHandler(sk);
    else if (pending === 'probe0') tcpProbeTimer(sk);
  }

  onKeepaliveTimer(sk: TcpSock): void {
    tcpKeepaliveTimer(sk);
  }

  /** TIME_WAIT over, or an orphan's FIN_WAIT2 lasted tcp_fin_timeout. */
  onTimeWaitTimer(sk: TcpSock): void {
    this.sim.rec.events.timer(
      this.sim.now,
      this.name,
      sk.conn,
      sk.state === 'TIME_WAIT' ? 'time-wait' : 'fin-wait2',
    );
    tcpDone(sk, sk.cause ?? 'close');
  }

  /** The host dies: sockets vanish without a segment, the wire sees nothing more from it. */
  crash(): void {
    if (!this.up) return;
    const now = this.sim.now;
    this.sim.rec.events.hostAction(now, this.name, 'crash');
    this.sim.rec.outageStart(now, this.name, 'host-down');
    for (const sk of [...this.socks.values()]) {
      sk.cause = 'host-crash';
      tcpDone(sk, 'host-crash');
    }
    for (const app of this.apps) app.hostCrashed();
    this.neighbour.reset();
    this.up = false;
    this.listening = false;
    this.process = 'dead';
  }

  /** The host comes back with an empty stack; the service listens again. */
  boot(): void {
    if (this.up) return;
    const now = this.sim.now;
    this.up = true;
    this.booted = true;
    this.process = 'running';
    this.listening = this.name === 'server';
    this.neighbour.reset();
    this.sim.rec.outageEnd(now, this.name, 'host-down');
    this.sim.rec.events.hostAction(now, this.name, 'boot');
  }

  /** The process dies: its kernel closes every socket it had (FIN, or RST with unread data). */
  killProcess(): void {
    if (!this.up || this.process === 'dead') return;
    this.sim.rec.events.hostAction(this.sim.now, this.name, 'kill-process');
    this.listening = false;
    for (const app of this.apps) app.processExit();
  }

  /** The process hangs: no more reads, timers or answers; the kernel carries on. */
  hangProcess(): void {
    if (!this.up || this.process !== 'running') return;
    this.sim.rec.events.hostAction(this.sim.now, this.name, 'hang-process');
    this.process = 'hung';
  }
}
