/**
 * A stateful middlebox halfway along the path (a NAT, a stateful firewall or a load balancer):
 * it keeps a table of flows, refreshes a flow on every segment it forwards, and forgets a flow
 * that has been idle for its idle timeout. Which segments may create a flow depends on its kind:
 *
 * - every kind learns a flow from the client's SYN (the only opener in the lab);
 * - 'nat' also learns one from any segment the client sends (Linux conntrack's liberal pickup,
 *   nf_conntrack_tcp_loose = 1, the default, with the mapping's old port still free, so the
 *   same external port comes back); a segment from the server of a forgotten flow has no
 *   mapping to follow;
 * - 'firewall' (conntrack with nf_conntrack_tcp_loose = 0 and a rule dropping `ct state
 *   invalid`) and 'load-balancer' (which no longer knows the target) learn only from a SYN.
 *
 * A segment it cannot place is dropped, and nobody is told. With onForgotten 'rst' it also
 * sends an RST to both ends at the moment it forgets the flow, each in the other end's name and
 * at the sequence number it last saw, as Azure Load Balancer documents for "TCP reset on idle".
 */
import { ACK, Frame, RST } from './frame.ts';
import { ofHost, SERVER_PORT } from './names.ts';
import type { MiddleboxConfig } from './middleboxConfig.ts';
import type { EventQueue } from './queue.ts';
import type { Recorder } from './recorder.ts';
import type { HostName } from './types.ts';
import type { PathMiddlebox } from './wire.ts';

const mod32 = (n: number): number => n >>> 0;

/** What the middlebox needs of the simulation around it. */
export interface MiddleboxEnv {
  readonly queue: EventQueue;
  readonly rec: Recorder;
  connOf(clientPort: number): number;
  isnsOf(
    host: HostName,
    localPort: number,
    remotePort: number,
  ): { iss: number; irs: number } | undefined;
}

interface Flow {
  clientPort: number;
  conn: number;
  /** When a segment last crossed it, µs. */
  lastSeenUs: number;
  /** Per sending host, the sequence number after the last segment seen (what its peer expects next). */
  nextSeq: Record<HostName, number>;
}

/** What became of a segment at the middlebox. */
export type Verdict = 'forward' | 'drop';

/** What the middlebox did to one connection, for the outcome. */
export interface MiddleboxMark {
  /** When it first forgot the connection's flow, µs. */
  forgotUs: number;
  /** Segments it dropped since, per sending host. */
  refused: Record<HostName, number>;
  /** RSTs it sent, per receiving host. */
  resets: Record<HostName, number>;
}

export class Middlebox implements PathMiddlebox {
  declare readonly cfg: MiddleboxConfig;
  declare private readonly env: MiddleboxEnv;
  private readonly flows = new Map<number, Flow>();
  /** By connection index. */
  readonly marks = new Map<number, MiddleboxMark>();
  /** Puts a frame the middlebox sends on the second half of the path (set by the cable). */
  emit: (frame: Frame) => void = () => {};

  constructor(cfg: MiddleboxConfig, env: MiddleboxEnv) {
    this.cfg = cfg;
    this.env = env;
  }

  /** A frame reaches the middlebox at `now`. */
  pass(frame: Frame): Verdict {
    const now = this.env.queue.now;
    const clientPort = frame.from === 'client' ? frame.sport : frame.dport;
    let flow = this.flows.get(clientPort);
    if (!flow) {
      const opens = frame.from === 'client' && frame.syn && !frame.ackFlag;
      const picksUp = this.cfg.kind === 'nat' && frame.from === 'client' && !frame.rst;
      if (!opens && !picksUp) {
        const conn = this.env.connOf(clientPort);
        this.markOf(conn, now).refused[frame.from] += 1;
        this.env.rec.segments.lost(now, frame.segment, 'middlebox');
        this.env.rec.events.middlebox(now, conn, 'dropped', frame.from, frame.segment);
        return 'drop';
      }
      flow = this.learn(clientPort, now);
    }
    flow.lastSeenUs = now;
    const end = frame.seq + frame.len + (frame.syn ? 1 : 0) + (frame.fin ? 1 : 0);
    if (!frame.rst && end > ofHost(flow.nextSeq, frame.from)) flow.nextSeq[frame.from] = end;
    return 'forward';
  }

  private learn(clientPort: number, now: number): Flow {
    const flow: Flow = {
      clientPort,
      conn: this.env.connOf(clientPort),
      lastSeenUs: now,
      nextSeq: { client: -1, server: -1 },
    };
    this.flows.set(clientPort, flow);
    this.env.rec.events.middlebox(now, flow.conn, 'learned', 'client');
    this.env.queue.schedule(now + this.cfg.idleTimeoutUs, this.expire, flow);
    return flow;
  }

  /** The flow's idle check: forgotten if nothing crossed it for the timeout, else look again later. */
  private readonly expire = (flow: Flow): void => {
    if (this.flows.get(flow.clientPort) !== flow) return;
    const now = this.env.queue.now;
    const due = flow.lastSeenUs + this.cfg.idleTimeoutUs;
    if (now < due) {
      this.env.queue.schedule(due, this.expire, flow);
      return;
    }
    this.flows.delete(flow.clientPort);
    const mark = this.markOf(flow.conn, now);
    this.env.rec.events.middlebox(now, flow.conn, 'forgotten', 'client');
    if (this.cfg.onForgotten !== 'rst') return;
    for (const to of ['client', 'server'] as const) {
      const from = to === 'client' ? 'server' : 'client';
      // Both directions seen (a flow learned mid-way may lack one): an RST needs its seq.
      if (flow.nextSeq[from] < 0 || flow.nextSeq[to] < 0) continue;
      const rst = this.reset(flow, from, to);
      mark.resets[to] += 1;
      this.env.rec.events.middlebox(now, flow.conn, 'reset', to, rst.segment);
      this.emit(rst);
    }
  };

  private markOf(conn: number, now: number): MiddleboxMark {
    let mark = this.marks.get(conn);
    if (!mark) {
      mark = { forgotUs: now, refused: { client: 0, server: 0 }, resets: { client: 0, server: 0 } };
      this.marks.set(conn, mark);
    }
    return mark;
  }

  /** An RST to `to` in the name of `from`, at the sequence number `to` expects next. */
  private reset(flow: Flow, from: HostName, to: HostName): Frame {
    const seq = flow.nextSeq[from];
    const ack = flow.nextSeq[to];
    const flags = RST | ACK;
    const clientPort = flow.clientPort;
    const local = to === 'client' ? clientPort : SERVER_PORT;
    const remote = to === 'client' ? SERVER_PORT : clientPort;
    // The receiver's socket: its irs is the RST's sender's ISN, its iss the acknowledged side's.
    const receiver = this.env.isnsOf(to, local, remote);
    const frame = new Frame({
      conn: flow.conn,
      from,
      to,
      sport: remote,
      dport: local,
      seq,
      ack,
      flags,
      len: 0,
      role: 'rst',
      relSeq: receiver ? mod32(seq - receiver.irs) : 0,
      relAck: receiver ? mod32(ack - receiver.iss) : 0,
    });
    this.env.rec.segments.add(this.env.queue.now, frame);
    return frame;
  }
}
