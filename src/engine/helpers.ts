/**
 * The lesson's application-level helpers, as a program would write them: timers, send() and
 * close() on an ordinary socket. The kernel knows nothing about them.
 */
import { Timer } from './queue.ts';
import type { EventQueue } from './queue.ts';
import type { Cause } from './types.ts';

export const PING = 'PING';
export const PONG = 'PONG';

/** What a helper may do with its socket. */
export interface HelperSocket {
  readonly queue: EventQueue;
  /** The program can run code now (process alive and not hung, socket not closed by it). */
  canAct(): boolean;
  send(text: string): void;
  closeBecause(cause: Cause): void;
  logTimer(timer: 'app-idle' | 'app-heartbeat', detail?: string): void;
}

/** closeWhenIdle(): close after `timeoutUs` without receiving anything (an HTTP server's keepalive_timeout). */
export class IdleClose {
  declare private readonly sock: HelperSocket;
  declare private readonly timeoutUs: number;
  declare private readonly timer: Timer<IdleClose>;

  constructor(sock: HelperSocket, timeoutUs: number) {
    this.sock = sock;
    this.timeoutUs = timeoutUs;
    this.timer = new Timer<IdleClose>(sock.queue, this, IdleClose.expired);
  }

  /** Start counting (on connect), and again after each message received. */
  restart(): void {
    this.timer.armAt(this.sock.queue.now + this.timeoutUs);
  }

  stop(): void {
    this.timer.cancel();
  }

  private static expired(idle: IdleClose): void {
    if (!idle.sock.canAct()) return;
    idle.sock.logTimer('app-idle');
    idle.sock.closeBecause('app-idle');
  }
}

/** heartbeat(): send PING every `everyUs`; close when no PONG came for `timeoutUs`. */
export class Heartbeat {
  declare private readonly sock: HelperSocket;
  declare private readonly everyUs: number;
  declare private readonly timeoutUs: number;
  declare private readonly pingTimer: Timer<Heartbeat>;
  declare private readonly deadline: Timer<Heartbeat>;

  constructor(sock: HelperSocket, everyUs: number, timeoutUs: number) {
    this.sock = sock;
    this.everyUs = everyUs;
    this.timeoutUs = timeoutUs;
    this.pingTimer = new Timer<Heartbeat>(sock.queue, this, Heartbeat.ping);
    this.deadline = new Timer<Heartbeat>(sock.queue, this, Heartbeat.expired);
  }

  start(): void {
    const now = this.sock.queue.now;
    this.pingTimer.armAt(now + this.everyUs);
    this.deadline.armAt(now + this.timeoutUs);
  }

  /** A message arrived: a PONG pushes the deadline back. */
  received(text: string): void {
    if (text === PONG) this.deadline.armAt(this.sock.queue.now + this.timeoutUs);
  }

  stop(): void {
    this.pingTimer.cancel();
    this.deadline.cancel();
  }

  private static ping(beat: Heartbeat): void {
    if (!beat.sock.canAct()) return;
    beat.sock.send(PING);
    beat.pingTimer.armAt(beat.sock.queue.now + beat.everyUs);
  }

  private static expired(beat: Heartbeat): void {
    if (!beat.sock.canAct()) return;
    beat.sock.logTimer('app-heartbeat', 'no pong in time: closing');
    beat.sock.closeBecause('app-heartbeat');
  }
}
