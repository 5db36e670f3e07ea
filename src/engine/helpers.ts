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
  private readonly sock: HelperSocket;
  private readonly timeoutUs: number;
  private readonly timer: Timer;

  constructor(sock: HelperSocket, timeoutUs: number) {
    this.sock = sock;
    this.timeoutUs = timeoutUs;
    this.timer = new Timer(sock.queue, () => this.expired());
  }

  /** Start counting (on connect), and again after each message received. */
  restart(): void {
    this.timer.armAt(this.sock.queue.now + this.timeoutUs);
  }

  stop(): void {
    this.timer.cancel();
  }

  private expired(): void {
    if (!this.sock.canAct()) return;
    this.sock.logTimer('app-idle');
    this.sock.closeBecause('app-idle');
  }
}

/** heartbeat(): send PING every `everyUs`; close when no PONG came for `timeoutUs`. */
export class Heartbeat {
  private readonly sock: HelperSocket;
  private readonly everyUs: number;
  private readonly timeoutUs: number;
  private readonly pingTimer: Timer;
  private readonly deadline: Timer;

  constructor(sock: HelperSocket, everyUs: number, timeoutUs: number) {
    this.sock = sock;
    this.everyUs = everyUs;
    this.timeoutUs = timeoutUs;
    this.pingTimer = new Timer(sock.queue, () => this.ping());
    this.deadline = new Timer(sock.queue, () => this.expired());
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

  private ping(): void {
    if (!this.sock.canAct()) return;
    this.sock.send(PING);
    this.pingTimer.armAt(this.sock.queue.now + this.everyUs);
  }

  private expired(): void {
    if (!this.sock.canAct()) return;
    this.sock.logTimer('app-heartbeat', 'no pong in time: closing');
    this.sock.closeBecause('app-heartbeat');
  }
}
