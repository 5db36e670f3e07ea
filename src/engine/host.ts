/**
 * One host's kernel: its socket table, the listener on port 80, next-hop resolution, and what
 * happens when the host crashes, boots, or its process dies or hangs.
 */
import type { Sysctls } from './api.ts';
import type { HostConfig } from './config.ts';
import { ACK, Frame, RST } from './frame.ts';
import { LabError } from './errors.ts';
import { LocalLink } from './link.ts';
import { Neighbour } from './neighbour.ts';
import { HostSleep } from './sleep.ts';
import type { ArpPeer, HostEnv } from './env.ts';
import type { EventLog } from './eventlog.ts';
import type { Jiffies } from './jiffies.ts';
import type { EventQueue } from './queue.ts';
import type { SegmentTable } from './segments.ts';
import { TimerBase } from './timer.ts';
import type { SocketOwner, TcpKernel } from './tcp/context.ts';
import { tcpDone, tcpDoneWithError } from './tcp/done.ts';
import { tcpRcvStateProcess, tcpV4Err } from './tcp/input.ts';
import { tcpResetXmitTimer, tcpSendSynAck, tcpTransmitSkb } from './tcp/output.ts';
import { TcpSock } from './tcp/sock.ts';
import { tcpInitXmitTimers } from './tcp/timers.ts';
import { Mib } from './mib.ts';
import { SERVER_PORT } from './names.ts';
import type { HostName, LossReason } from './types.ts';

/** A sequence number as it appears on the wire: modulo 2^32 (ToUint32). */
const mod32 = (n: number): number => n >>> 0;

export type ProcessState = 'running' | 'hung' | 'dead';

/** An application socket on this host (app.ts): what TCP tells it, and what the host does to it. */
export interface HostSocketApp extends SocketOwner {
  /** The kernel socket is made (connect(), or accept() of the client's SYN). */
  attach(sk: TcpSock): void;
  hostCrashed(): void;
  processExit(): void;
}

export class HostKernel implements TcpKernel, ArpPeer {
  declare readonly name: HostName;
  declare readonly peer: HostName;
  declare readonly sim: HostEnv;
  declare readonly cfg: HostConfig;
  declare readonly neighbour: Neighbour;
  /** This host's kernel timers (its timer wheel). */
  declare readonly timers: TimerBase;
  readonly mib = new Mib();
  /** Its interface and address (ip link, ip addr). */
  readonly link = new LocalLink();
  /** Suspend and resume: the timers a sleeping machine holds. */
  readonly sleep = new HostSleep();
  up = true;
  /** The host has booted again after a crash (at least once). */
  booted = false;
  process: ProcessState = 'running';
  declare listening: boolean;
  /** Established and half-open sockets by their key (TcpSock.key: the client port). */
  readonly socks = new Map<number, TcpSock>();
  /** Server side: the application handle waiting to accept each client port's connection. */
  readonly pendingAccept = new Map<number, HostSocketApp>();
  /** Every application socket handle on this host. */
  readonly apps: HostSocketApp[] = [];

  constructor(sim: HostEnv, name: HostName, cfg: HostConfig) {
    this.sim = sim;
    this.name = name;
    this.peer = name === 'client' ? 'server' : 'client';
    this.cfg = cfg;
    this.listening = name === 'server';
    this.timers = new TimerBase(sim.queue, sim.jiffies, sim.cfg.timerWheel);
    this.neighbour = new Neighbour(
      sim,
      name,
      this.timers,
      {
        isUp: () => this.up && this.link.up && !this.sleep.asleep,
        icmpHostUnreachable: (f) => this.icmpHostUnreachable(f),
      },
      { params: cfg.neigh, permanent: cfg.staticNeighbour, lan: sim.cfg.topology === 'lan' },
    );
  }

  // ——— The kernel as TCP sees it (tcp/context.ts) ———

  get now(): number {
    return this.sim.queue.now;
  }

  get jiffies(): Jiffies {
    return this.sim.jiffies;
  }

  get sysctl(): Sysctls {
    return this.cfg.sysctl;
  }

  get queue(): EventQueue {
    return this.sim.queue;
  }

  get record(): { readonly segments: SegmentTable; readonly events: EventLog } {
    return this.sim.rec;
  }

  /** ArpPeer: the peer's request reached this host (topology 'lan'). */
  arpRequestArrived(): void {
    this.neighbour.learnFromRequest();
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
    this.sim.rec.sockets.record(this.now, this.name, sk);
  }

  confirmNeighbour(): void {
    this.neighbour.confirm();
  }

  /** ip_route_output_ports() for a socket's source address: the host has a route (link.ts). */
  hasRoute(sk: { readonly lport: number }): boolean {
    return this.link.routes(sk.lport);
  }

  /** ip_queue_xmit() → neighbour output; with no route the packet is dropped here (IpOutNoRoutes). */
  transmit(frame: Frame): void {
    if (!this.up) return;
    if (!this.link.routes(frame.sport)) {
      this.mib.inc('IpOutNoRoutes');
      this.sim.rec.segments.lost(this.now, frame.segment, 'no-route');
      return;
    }
    this.neighbour.output(frame);
  }

  /**
   * Why a frame that reached this host's NIC goes no further, if it does not: the host is down
   * or asleep, its interface is down, or the frame is for an address it no longer has
   * (ip_route_input_slow() → ip_error(): IpInAddrErrors, no ICMP when not forwarding).
   */
  refuses(f: Frame): LossReason | undefined {
    if (!this.up) return 'host-down';
    if (this.sleep.asleep) return 'suspended';
    if (!this.link.up) return 'link-down';
    if (!this.link.owns(f.dport)) {
      this.mib.inc('IpInAddrErrors');
      return 'not-local';
    }
    return undefined;
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
    tcpSendSynAck(sk);
    tcpResetXmitTimer(sk, 'synack', this.sim.jiffies.timeoutInit);
  }

  /** tcp_v4_send_reset(): answer a segment that no socket owns. Never in reply to a RST. */
  sendReset(f: Frame): void {
    if (f.rst) return;
    this.mib.inc('TcpOutRsts');
    const seq = f.ackFlag ? f.ack : 0;
    const ack = f.ackFlag ? 0 : f.seq + (f.syn ? 1 : 0) + (f.fin ? 1 : 0) + f.len;
    const ackFlag = !f.ackFlag;
    const clientPort = this.name === 'client' ? f.dport : f.sport;
    const peerSock = this.sim.isnsOf(f.from, f.sport, f.dport);
    const flags = RST | (ackFlag ? ACK : 0);
    const frame = new Frame({
      conn: this.sim.connOf(clientPort),
      from: this.name,
      to: f.from,
      sport: f.dport,
      dport: f.sport,
      seq,
      ack,
      flags,
      len: 0,
      role: 'rst',
      relSeq: peerSock ? mod32(seq - peerSock.irs) : 0,
      relAck: peerSock && ackFlag ? mod32(ack - peerSock.iss) : 0,
    });
    this.sim.rec.segments.add(this.sim.queue.now, frame);
    this.transmit(frame);
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
    tcpInitXmitTimers(sk);
    sk.iss = this.sim.prng.nextU32();
    sk.sndUna = sk.iss;
    sk.sndNxt = sk.iss + 1;
    sk.writeSeq = sk.iss + 1;
    sk.rto = this.sim.jiffies.timeoutInit;
    this.socks.set(sk.key, sk);
    return sk;
  }

  /** tcp_v4_connect() + tcp_connect(): SYN now, retransmission timer at TCP_TIMEOUT_INIT. */
  connect(app: HostSocketApp, port: number, conn: number): TcpSock {
    this.link.bind(port);
    const sk = this.newSock(conn, port, SERVER_PORT);
    app.attach(sk);
    if (!this.link.routes(port)) {
      // ip_route_connect() found no route: connect() fails with ENETUNREACH before any SYN.
      // The error reaches the program at once, after it has had a chance to listen for it.
      this.sim.queue.schedule(this.now, () => tcpDoneWithError(sk, 'ENETUNREACH', 'no-route'));
      return sk;
    }
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
      sacked: false,
    };
    sk.skbs.push(syn);
    sk.sendHead = 1;
    sk.retransStampUs = this.sim.queue.now;
    this.mib.inc('TcpActiveOpens'); // tcp_connect()
    tcpTransmitSkb(sk, syn, 'syn');
    tcpResetXmitTimer(sk, 'rto', sk.rto);
    return sk;
  }

  /** The host dies: sockets vanish without a segment, the wire sees nothing more from it. */
  crash(): void {
    if (!this.up) return;
    const now = this.sim.queue.now;
    this.sim.rec.events.hostAction(now, this.name, 'crash');
    this.sim.rec.outageStart(now, this.name, 'host-down');
    this.mib.freeze();
    for (const sk of [...this.socks.values()]) {
      sk.cause = 'host-crash';
      tcpDone(sk, 'host-crash');
    }
    for (const app of this.apps) app.hostCrashed();
    this.neighbour.reset();
    this.sleep.reset();
    this.up = false;
    this.listening = false;
    this.process = 'dead';
  }

  /** The host comes back with an empty stack; the service listens again. */
  boot(): void {
    if (this.up) return;
    const now = this.sim.queue.now;
    this.up = true;
    this.booted = true;
    this.mib.reset();
    this.process = 'running';
    this.listening = this.name === 'server';
    this.neighbour.reset();
    this.link.reset();
    for (const kind of ['link-down', 'suspended'] as const)
      this.sim.rec.outageEnd(now, this.name, kind);
    this.sim.rec.outageEnd(now, this.name, 'host-down');
    this.sim.rec.events.hostAction(now, this.name, 'boot');
  }

  /** The process dies: its kernel closes every socket it had (FIN, or RST with unread data). */
  killProcess(): void {
    if (!this.up || this.process === 'dead') return;
    this.sim.rec.events.hostAction(this.sim.queue.now, this.name, 'kill-process');
    this.listening = false;
    for (const app of this.apps) app.processExit();
  }

  /** The process hangs: no more reads, timers or answers; the kernel carries on. */
  hangProcess(): void {
    if (!this.up || this.process !== 'running') return;
    this.sim.rec.events.hostAction(this.sim.queue.now, this.name, 'hang-process');
    this.process = 'hung';
  }

  // ——— The interface, its address, and sleep (link.ts, sleep.ts) ———

  /** A host that cannot take `action` now says why. */
  private mustBeAwake(action: string): void {
    if (!this.up)
      throw new LabError(
        action,
        `${action}: the ${this.name} host is down (it crashed); call lab.${this.name}.boot() first.`,
      );
    if (this.sleep.asleep)
      throw new LabError(
        action,
        `${action}: the ${this.name} is suspended; call lab.${this.name}.resume() first.`,
      );
  }

  /** `ip link set dev eth0 down`: every route through the interface goes; sockets are told nothing. */
  interfaceDown(): void {
    this.mustBeAwake('interfaceDown()');
    if (!this.link.up) return;
    this.link.up = false;
    this.sim.rec.events.hostAction(this.now, this.name, 'interface-down');
    this.sim.rec.outageStart(this.now, this.name, 'link-down');
    this.neighbour.carrierDown(); // neigh_ifdown(): the interface's entries go
  }

  /** `ip link set dev eth0 up`: the connected route comes back (with the address, if it has one). Nothing is sent. */
  interfaceUp(): void {
    this.mustBeAwake('interfaceUp()');
    if (this.link.up) return;
    this.link.up = true;
    this.sim.rec.events.hostAction(this.now, this.name, 'interface-up');
    this.sim.rec.outageEnd(this.now, this.name, 'link-down');
  }

  /** `ip addr del`, then (with `newAddress`) `ip addr add` of a different address. */
  changeAddress(newAddress: boolean): void {
    const action = newAddress ? 'addAddress()' : 'removeAddress()';
    this.mustBeAwake(action);
    if (this.name !== 'client')
      throw new LabError(
        action,
        `${action}: only the client's address can change in the lab (the server stays at 10.0.0.1, where the client's connections go).`,
      );
    if (newAddress) this.link.addAddress();
    else if (!this.link.hasAddress) return;
    else this.link.removeAddress();
    this.sim.rec.events.hostAction(this.now, this.name, 'address-change');
  }

  /** The machine suspends: nothing runs, nothing is received, its timers hold what they had left. */
  suspend(): void {
    this.mustBeAwake('suspend()');
    this.sleep.suspend(this.now, this.socks.values(), this.neighbour);
    this.sim.rec.events.hostAction(this.now, this.name, 'suspend');
    this.sim.rec.outageStart(this.now, this.name, 'suspended');
  }

  /** It resumes: every timer runs on with the time it had left (sleep.ts). */
  resume(): void {
    if (!this.up)
      throw new LabError(
        'resume()',
        `resume(): the ${this.name} host is down (it crashed); call lab.${this.name}.boot() first.`,
      );
    if (!this.sleep.asleep)
      throw new LabError(
        'resume()',
        `resume(): the ${this.name} is not suspended; call lab.${this.name}.suspend() first.`,
      );
    this.sim.rec.events.hostAction(this.now, this.name, 'resume');
    this.sim.rec.outageEnd(this.now, this.name, 'suspended');
    this.sleep.resume(this.now, this.socks.values(), this.neighbour);
  }
}
