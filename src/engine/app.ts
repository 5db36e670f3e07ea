/**
 * The application's side of a socket: what a program sees (connect, data, EOF, errno) and the
 * lesson's application helpers (closeWhenIdle, heartbeat), written as ordinary code over the
 * socket API — timers, send() and close(), nothing the kernel does for it.
 */
import type { HeartbeatOptions, KeepAliveOptions, SocketEvent, SocketHandle } from './api.ts';
import { checkInteger } from './config.ts';
import { parseMicros } from './duration.ts';
import { LabError } from './errors.ts';
import type { HostKernel, HostSocketApp } from './host.ts';
import { Heartbeat, IdleClose, PING, PONG } from './helpers.ts';
import type { HelperSocket } from './helpers.ts';
import type { AppNotice } from './eventlog.ts';
import { tcpClose } from './tcp/close.ts';
import { tcpCleanupRbuf } from './tcp/input.ts';
import { tcpQueueData, tcpWriteXmit } from './tcp/output.ts';
import type { TcpSock } from './tcp/sock.ts';
import { MSS, RCVBUF_MAX, rcvSpaceForBuffer } from './tcp/window.ts';
import { tcpSetKeepaliveOptions } from './tcp/sockopt.ts';
import type { KeepaliveSettings } from './tcp/sockopt.ts';
import type { Cause, Errno, HostName, TcpStateName } from './types.ts';

type Listener = (...args: never[]) => void;

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4; // a surrogate pair: one 4-byte character
      i += 1;
    } else n += 3;
  }
  return n;
}

export class SocketApp implements SocketHandle, HostSocketApp {
  declare readonly host: HostName;
  declare readonly conn: number;
  declare readonly k: HostKernel;
  sock: TcpSock | undefined;
  /** First errno the application saw, and when (µs). */
  error: Errno | undefined;
  errorAtUs = 0;
  /** Why this side's connection ended, as the application would explain it. */
  cause: Cause | undefined;
  /** close() was called (by the program, an application helper, or process exit). */
  closed = false;
  /** The process that owned it is gone. */
  dead = false;
  sawEof = false;
  private paused = false;
  private connected = false;
  private everConnected = false;
  /** The program's listeners, once it adds one (most sockets never have any). */
  private listeners: Map<SocketEvent, Listener[]> | undefined;
  /** Messages the kernel holds that the application has not read yet. */
  private unread: { text: string | undefined; bytes: number; partial: boolean }[] = [];
  /** Bytes read so far of a text message that has not fully arrived. */
  private carried = 0;
  /** Writes made before the connection was established. */
  private early: (string | number)[] = [];
  private keepalive: KeepaliveSettings | undefined;
  private userTimeoutMs: number | undefined;
  private rcvSpace: number | undefined;
  private idle: IdleClose | undefined;
  private beat: Heartbeat | undefined;
  /** The socket as the application helpers see it, made when a helper is first set up. */
  private helperView: HelperSocket | undefined;

  constructor(k: HostKernel, conn: number) {
    this.k = k;
    this.host = k.name;
    this.conn = conn;
    k.apps.push(this);
  }

  private get helpers(): HelperSocket {
    return (this.helperView ??= {
      queue: this.k.queue,
      canAct: () => this.running && !this.closed,
      send: (text) => this.send(text),
      closeBecause: (cause) => this.closeBecause(cause),
      logTimer: (timer, detail) =>
        this.k.record.events.timer(this.now, this.host, this.conn, timer, detail),
    });
  }

  private get now(): number {
    return this.k.now;
  }

  get state(): TcpStateName {
    if (this.sock) return this.sock.state;
    return this.host === 'server' && !this.closed && this.k.listening ? 'LISTEN' : 'CLOSED';
  }

  private log(notice: AppNotice, extra?: { errno?: Errno; detail?: string }): void {
    this.k.record.events.app(
      this.now,
      this.host,
      this.conn,
      notice,
      extra?.errno,
      undefined,
      extra?.detail,
    );
  }

  // Listeners get exactly the arguments of their event; one function per arity, so that the
  // common case (nobody listening) costs no lookup and no argument array.
  private emit(event: 'connect' | 'end' | 'close'): void {
    const list = this.listeners?.get(event);
    if (list) for (const fn of list) (fn as () => void)();
  }

  private emitError(errno: Errno): void {
    const list = this.listeners?.get('error');
    if (list) for (const fn of list) (fn as (errno: Errno) => void)(errno);
  }

  private emitData(text: string, bytes: number): void {
    const list = this.listeners?.get('data');
    if (list) for (const fn of list) (fn as (text: string, bytes: number) => void)(text, bytes);
  }

  /** The process can run code (not hung, not dead, host up). */
  private get running(): boolean {
    return !this.dead && this.k.up && this.k.process === 'running';
  }

  // ——— Kernel → application ———

  attach(sk: TcpSock): void {
    this.sock = sk;
    sk.app = this;
    if (this.keepalive) this.applyKeepalive();
    if (this.userTimeoutMs !== undefined) sk.userTimeoutMs = this.userTimeoutMs;
    if (this.rcvSpace !== undefined) sk.rcvSpace = this.rcvSpace;
  }

  kernelConnected(): void {
    this.connected = true;
    this.everConnected = true;
    this.log('connected');
    if (this.closed) {
      this.kernelClose(this.cause ?? 'close');
      return;
    }
    this.emit('connect');
    const early = this.early;
    this.early = [];
    for (const data of early) this.send(data);
    this.idle?.restart();
    this.beat?.start();
  }

  kernelData(text: string | undefined, bytes: number, partial: boolean): void {
    const sk = this.sock;
    if (sk && this.unread.length === 0 && this.canRead) {
      this.deliver(sk, text, bytes, partial);
      return;
    }
    this.unread.push({ text, bytes, partial });
    this.read();
  }

  private get canRead(): boolean {
    return !this.paused && this.running && !this.closed;
  }

  /** recv(): hand queued messages to the program, if it is reading. */
  private read(): void {
    const sk = this.sock;
    if (!sk || !this.canRead) return;
    const batch = this.unread;
    this.unread = [];
    for (const { text, bytes, partial } of batch) this.deliver(sk, text, bytes, partial);
  }

  private deliver(sk: TcpSock, text: string | undefined, bytes: number, partial: boolean): void {
    sk.rcvQueue = Math.max(0, sk.rcvQueue - bytes);
    this.k.snapshot(sk);
    tcpCleanupRbuf(sk);
    // A text message longer than one segment is handed over whole, with its last piece.
    if (partial) {
      this.carried += bytes;
      return;
    }
    bytes += this.carried;
    this.carried = 0;
    this.k.record.events.app(this.now, this.host, this.conn, 'data', undefined, bytes, text);
    this.idle?.restart();
    this.emitData(text ?? '', bytes);
    if (text === undefined) return;
    // The peer side of the heartbeat: every application here answers a PING.
    if (text === PING && this.running && !this.closed) this.send(PONG);
    this.beat?.received(text);
  }

  kernelEof(): void {
    this.sawEof = true;
    if (this.dead) return;
    this.log('eof');
    this.emit('end');
  }

  kernelError(errno: Errno, cause: Cause): void {
    this.stopTimers();
    if (this.dead || this.closed) return;
    this.noteError(errno);
    this.cause ??= cause;
    this.emitError(errno);
    this.emit('close');
  }

  private noteError(errno: Errno): void {
    if (this.error === undefined) {
      this.error = errno;
      this.errorAtUs = this.now;
    }
    this.log('error', { errno });
  }

  hostCrashed(): void {
    this.stopTimers();
    this.dead = true;
    if (this.sock) this.cause ??= 'host-crash';
  }

  processExit(): void {
    if (this.dead) return;
    this.stopTimers();
    if (!this.closed && this.sock && this.sock.state !== 'CLOSED') {
      this.closed = true;
      this.cause ??= 'process-exit';
      this.kernelClose('process-exit');
    }
    this.dead = true;
  }

  /** close() reaches the kernel: tcp_close(). */
  private kernelClose(cause: Cause): void {
    if (this.sock) tcpClose(this.sock, cause);
  }

  // ——— The program's socket API ———

  /** A sleeping machine runs no program: say so instead of acting. */
  private mustBeAwake(call: string): void {
    if (this.k.sleep.asleep)
      throw new LabError(
        call,
        `${call}: the ${this.host} is suspended and runs no code; call lab.${this.host}.resume() first.`,
      );
  }

  send(data: string | number): void {
    this.mustBeAwake('send()');
    let bytes: number;
    let text: string | undefined;
    if (typeof data === 'string') {
      text = data;
      bytes = utf8Length(data);
    } else {
      bytes = checkInteger('send(data)', data, 0, 1e9, 'a string or a whole number of bytes');
    }
    if (this.k.process === 'hung' && !this.dead) {
      this.log('log', { detail: 'send() not run: the process is hung' });
      return;
    }
    const sk = this.sock;
    if (this.closed || this.dead || (this.everConnected && (!sk || sk.state === 'CLOSED'))) {
      // sk_stream_error(): a write on a dead or closed socket fails with EPIPE (+ SIGPIPE).
      this.noteError('EPIPE');
      this.emitError('EPIPE');
      return;
    }
    if (!this.connected || !sk) {
      this.early.push(data);
      return;
    }
    if (bytes === 0) return;
    tcpQueueData(sk, bytes, text);
    this.k.record.events.app(this.now, this.host, this.conn, 'sent', undefined, bytes, text);
    tcpWriteXmit(sk);
    this.k.snapshot(sk);
  }

  close(): void {
    this.mustBeAwake('close()');
    this.closeBecause('close');
  }

  private closeBecause(cause: Cause): void {
    if (this.closed || this.dead) return;
    if (this.k.process === 'hung') {
      this.log('log', { detail: 'close() not run: the process is hung' });
      return;
    }
    this.closed = true;
    this.cause ??= cause;
    this.stopTimers();
    this.log('closed', { detail: cause });
    if (this.sock && this.connected) this.kernelClose(cause);
    else if (this.sock && (this.sock.state === 'SYN_SENT' || this.sock.state === 'SYN_RECV'))
      this.kernelClose(cause);
    this.emit('close');
  }

  setKeepAlive(enable: boolean, options: KeepAliveOptions = {}): void {
    if (typeof enable !== 'boolean') {
      throw new LabError(
        'setKeepAlive(enable)',
        'setKeepAlive(enable): enable must be true or false.',
      );
    }
    const seconds = (value: KeepAliveOptions['idle'], name: string): number => {
      if (value === undefined) return 0;
      const us = parseMicros(value, name);
      if (us % 1_000_000 !== 0 || us < 1_000_000 || us > 32767_000_000) {
        throw new LabError(
          name,
          `${name}: the kernel takes whole seconds from 1 s to 32767 s; ${String(value)} is not one.`,
        );
      }
      return us / 1_000_000;
    };
    const idleS = seconds(options.idle, 'setKeepAlive idle (TCP_KEEPIDLE)');
    const intvlS = seconds(options.interval, 'setKeepAlive interval (TCP_KEEPINTVL)');
    const cnt =
      options.count === undefined
        ? 0
        : checkInteger('setKeepAlive count (TCP_KEEPCNT)', options.count, 1, 127);
    const prev = this.keepalive;
    this.keepalive = {
      on: enable,
      idleS: idleS || prev?.idleS || 0,
      intvlS: intvlS || prev?.intvlS || 0,
      cnt: cnt || prev?.cnt || 0,
    };
    this.applyKeepalive();
  }

  private applyKeepalive(): void {
    if (this.sock && this.keepalive) tcpSetKeepaliveOptions(this.sock, this.keepalive);
  }

  setUserTimeout(timeout: string | number): void {
    const us = parseMicros(timeout, 'setUserTimeout(timeout)');
    if (us > 2_147_483_647_000)
      throw new LabError(
        'setUserTimeout(timeout)',
        'setUserTimeout(timeout): the kernel takes at most 2147483647 ms.',
      );
    this.userTimeoutMs = Math.round(us / 1000);
    if (this.sock) this.sock.userTimeoutMs = this.userTimeoutMs;
  }

  setReceiveBuffer(bytes: number): void {
    const value = checkInteger(
      'setReceiveBuffer(bytes)',
      bytes,
      MSS,
      RCVBUF_MAX,
      'a whole number of bytes',
    );
    this.rcvSpace = rcvSpaceForBuffer(value);
    if (this.sock) this.sock.rcvSpace = this.rcvSpace;
  }

  closeWhenIdle(timeout: string | number): void {
    const us = parseMicros(timeout, 'closeWhenIdle(timeout)');
    if (us <= 0)
      throw new LabError(
        'closeWhenIdle(timeout)',
        'closeWhenIdle(timeout): the idle timeout must be longer than 0.',
      );
    this.idle?.stop();
    this.idle = new IdleClose(this.helpers, us);
    if (this.connected) this.idle.restart();
  }

  heartbeat(options: HeartbeatOptions): void {
    if (options === null || typeof options !== 'object') {
      throw new LabError(
        'heartbeat(options)',
        "heartbeat(options): pass { every: '1s', timeout: '3.5s' }.",
      );
    }
    const everyUs = parseMicros(options.every, 'heartbeat every');
    const timeoutUs = parseMicros(options.timeout, 'heartbeat timeout');
    if (everyUs <= 0)
      throw new LabError(
        'heartbeat every',
        'heartbeat every: the ping interval must be longer than 0.',
      );
    if (timeoutUs <= 0)
      throw new LabError(
        'heartbeat timeout',
        'heartbeat timeout: the timeout must be longer than 0.',
      );
    this.beat?.stop();
    this.beat = new Heartbeat(this.helpers, everyUs, timeoutUs);
    if (this.connected) this.beat.start();
  }

  private stopTimers(): void {
    this.idle?.stop();
    this.beat?.stop();
  }

  pauseReading(): void {
    this.paused = true;
  }

  resumeReading(): void {
    this.paused = false;
    this.read();
  }

  on(event: 'data', listener: (text: string, bytes: number) => void): void;
  on(event: 'error', listener: (errno: Errno) => void): void;
  on(event: 'connect' | 'end' | 'close', listener: () => void): void;
  on(event: SocketEvent, listener: Listener): void {
    const known: SocketEvent[] = ['connect', 'data', 'end', 'error', 'close'];
    if (!known.includes(event)) {
      throw new LabError(
        'on(event)',
        `on(event): '${String(event)}' is not a socket event; use ${known.join(', ')}.`,
      );
    }
    if (typeof listener !== 'function')
      throw new LabError('on(listener)', 'on(event, listener): listener must be a function.');
    this.listeners ??= new Map();
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
  }
}
