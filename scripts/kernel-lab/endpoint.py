#!/usr/bin/env python3
"""One end of a kernel-lab connection: a real Linux socket, driven line by line.

Runs inside a network namespace (ip netns exec). Reads one JSON command per line on stdin and
writes one JSON event per line on stdout, each stamped with CLOCK_REALTIME (the clock tcpdump
stamps packets with), so the driver can put application events and packets on one time axis.
It behaves like the simulator's application: it reads everything, answers PING with PONG, and
reports an errno as soon as the kernel sets one (as if blocked in poll()).

Commands: sysctl, listen, connect, options, receive-buffer, send, close, close-on-eof,
close-when-idle, heartbeat, watch, exit. Python's standard library only.
"""
import errno
import heapq
import json
import os
import resource
import select
import socket
import struct
import sys
import time

# Linux socket options Python does not name on every version.
TCP_USER_TIMEOUT = getattr(socket, "TCP_USER_TIMEOUT", 18)
TCP_KEEPIDLE = getattr(socket, "TCP_KEEPIDLE", 4)
TCP_KEEPINTVL = getattr(socket, "TCP_KEEPINTVL", 5)
TCP_KEEPCNT = getattr(socket, "TCP_KEEPCNT", 6)

# TCP state codes (include/net/tcp_states.h), spelled as ss and the simulator do.
STATES = {
    1: "ESTABLISHED", 2: "SYN_SENT", 3: "SYN_RECV", 4: "FIN_WAIT1", 5: "FIN_WAIT2",
    6: "TIME_WAIT", 7: "CLOSED", 8: "CLOSE_WAIT", 9: "LAST_ACK", 10: "LISTEN", 11: "CLOSING",
}
NETLINK_SOCK_DIAG = 4
SOCK_DIAG_BY_FAMILY = 20
WATCH_EVERY = 0.005  # s between /proc/net/tcp reads while a state is watched


def emit(event, t=None, **fields):
    fields["ev"] = event
    fields["t"] = time.time() if t is None else t
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


class Endpoint:
    def __init__(self):
        self.sock = None
        self.listener = None
        self.tuple = None  # (local ip, local port, peer ip, peer port) as /proc/net/tcp hex
        self.poll = select.poll()
        self.poll.register(sys.stdin.fileno(), select.POLLIN)
        self.timers = []  # heap of (when, seq, name)
        self.seq = 0
        self.eof = False
        self.closed = False
        self.close_on_eof = False
        self.idle_timeout = None
        self.heartbeat = None  # (every, timeout)
        self.watching = False
        self.last_state = None
        self.stdin_buf = b""
        self.pending_options = None
        self.receive_buffer = None  # SO_RCVBUF for sockets made from now on
        self.diag = None

    # ----- timers (the application's own, like the simulator's helpers) -----
    def arm(self, name, delay):
        self.timers = [x for x in self.timers if x[2] != name]
        heapq.heapify(self.timers)
        self.seq += 1
        heapq.heappush(self.timers, (time.time() + delay, self.seq, name))

    def cancel_app_timers(self):
        self.timers = [x for x in self.timers if x[2] == "watch"]
        heapq.heapify(self.timers)

    def fire(self, name):
        if name == "watch":
            self.check_state()
            self.arm("watch", WATCH_EVERY)
        elif name == "idle" and not self.closed:
            emit("app-close", reason="idle")
            self.close()
        elif name == "ping" and not self.closed:
            self.send(b"PING")
            self.arm("ping", self.heartbeat[0])
        elif name == "deadline" and not self.closed:
            emit("app-close", reason="heartbeat")
            self.close()

    # ----- socket -----
    def adopt(self, sock):
        self.sock = sock
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.setblocking(False)
        local, peer = sock.getsockname(), sock.getpeername()
        self.tuple = (local[0], local[1], peer[0], peer[1])
        self.poll.register(sock.fileno(), select.POLLIN)
        if self.pending_options:
            self.apply_options(self.pending_options)
        if self.idle_timeout is not None:
            self.arm("idle", self.idle_timeout)
        if self.heartbeat is not None:
            self.arm("ping", self.heartbeat[0])
            self.arm("deadline", self.heartbeat[1])

    def apply_options(self, o):
        s = self.sock
        if "keepalive" in o:
            k = o["keepalive"]
            s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
            if "idle" in k:
                s.setsockopt(socket.IPPROTO_TCP, TCP_KEEPIDLE, k["idle"])
            if "interval" in k:
                s.setsockopt(socket.IPPROTO_TCP, TCP_KEEPINTVL, k["interval"])
            if "count" in k:
                s.setsockopt(socket.IPPROTO_TCP, TCP_KEEPCNT, k["count"])
        if "userTimeoutMs" in o:
            s.setsockopt(socket.IPPROTO_TCP, TCP_USER_TIMEOUT, o["userTimeoutMs"])
        emit("options")

    def error(self, code):
        emit("error", errno=errno.errorcode.get(code, str(code)))

    def send(self, data):
        if self.sock is None or self.closed:
            return
        t = time.time()  # the moment of the call, as the simulator times a send
        try:
            n = self.sock.send(data)
            emit("sent", t=t, bytes=n)
        except OSError as e:
            self.error(e.errno)

    def close(self):
        if self.sock is not None and not self.closed:
            self.closed = True
            self.cancel_app_timers()
            try:
                self.poll.unregister(self.sock.fileno())
            except KeyError:
                pass
            t = time.time()
            self.sock.close()
            emit("closed", t=t)

    def readable(self, events):
        if self.eof:
            # After EOF only errors matter (an RST in CLOSE_WAIT): fetch and report them. A
            # socket shut both ways has nothing more to say: stop polling it.
            code = self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code:
                self.error(code)
            if code or events & (select.POLLHUP | select.POLLNVAL):
                self.poll.unregister(self.sock.fileno())
            return
        try:
            data = self.sock.recv(65536)
        except BlockingIOError:
            return
        except OSError as e:
            self.error(e.errno)
            self.poll.unregister(self.sock.fileno())
            return
        if not data:
            self.eof = True
            emit("eof")
            if self.close_on_eof:
                self.close()
            else:
                self.poll.modify(self.sock.fileno(), 0)  # POLLERR and POLLHUP only
            return
        emit("data", bytes=len(data), text=data[:64].decode("latin-1"))
        if self.idle_timeout is not None:
            self.arm("idle", self.idle_timeout)
        if self.heartbeat is not None and b"PONG" in data:
            self.arm("deadline", self.heartbeat[1])
        for _ in range(data.count(b"PING")):
            self.send(b"PONG")

    # ----- kernel state of our connection, asked of sock_diag by its exact 4-tuple -----
    # (Reading /proc/net/tcp walks the whole host's connection table: tens of ms on a busy
    # machine. An exact sock_diag lookup costs microseconds.)
    def read_state(self):
        if self.tuple is None:
            return "CLOSED"
        if self.diag is None:
            self.diag = socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, NETLINK_SOCK_DIAG)
        local_ip, local_port, peer_ip, peer_port = self.tuple
        sockid = struct.pack(
            "!HH16s16s", local_port, peer_port,
            socket.inet_aton(local_ip) + bytes(12), socket.inet_aton(peer_ip) + bytes(12),
        ) + struct.pack("=III", 0, 0xFFFFFFFF, 0xFFFFFFFF)
        req = struct.pack("=BBBBI", socket.AF_INET, socket.IPPROTO_TCP, 0, 0, 0xFFFFFFFF) + sockid
        self.diag.send(struct.pack("=IHHII", 16 + len(req), SOCK_DIAG_BY_FAMILY, 1, 0, 0) + req)
        reply = self.diag.recv(8192)
        kind = struct.unpack_from("=H", reply, 4)[0]
        # No such connection any more: NLMSG_ERROR (ENOENT), or the lookup falls back to the
        # listener on the same port.
        if kind != SOCK_DIAG_BY_FAMILY or reply[17] == 10:
            return "CLOSED"
        return STATES.get(reply[17], str(reply[17]))

    def check_state(self):
        state = self.read_state()
        if state != self.last_state:
            self.last_state = state
            emit("state", state=state)

    # ----- commands -----
    def command(self, c):
        op = c["op"]
        if op == "sysctl":
            for key, value in c["values"].items():
                with open("/proc/sys/" + key.replace(".", "/"), "w") as f:
                    f.write(str(value))
            emit("ready")
        elif op == "listen":
            self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.listener.bind((c["ip"], c["port"]))
            self.listener.listen(8)
            self.listener.setblocking(False)
            self.poll.register(self.listener.fileno(), select.POLLIN)
            emit("listening")
        elif op == "connect":
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self.receive_buffer is not None:
                # Before the handshake: the window scale it offers depends on the buffer.
                s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, self.receive_buffer)
            emit("connecting")
            try:
                s.connect((c["ip"], c["port"]))  # blocking: the handshake or the errno
            except OSError as e:
                self.error(e.errno)
                return
            self.adopt(s)
            emit("connected", local=list(self.tuple[:2]))
        elif op == "options":
            if self.sock is None:
                self.pending_options = c
            else:
                self.apply_options(c)
        elif op == "receive-buffer":
            self.receive_buffer = c["bytes"]
            if self.listener is not None:  # accepted sockets inherit it from the listener
                self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, c["bytes"])
        elif op == "send":
            self.send(c["text"].encode() if "text" in c else b"x" * c["bytes"])
        elif op == "close":
            self.close()
        elif op == "close-on-eof":
            self.close_on_eof = True
        elif op == "close-when-idle":
            self.idle_timeout = c["seconds"]
            if self.sock is not None:
                self.arm("idle", self.idle_timeout)
        elif op == "heartbeat":
            self.heartbeat = (c["every"], c["timeout"])
            if self.sock is not None:
                self.arm("ping", c["every"])
                self.arm("deadline", c["timeout"])
        elif op == "watch":
            self.watching = True
            self.check_state()
            self.arm("watch", WATCH_EVERY)
        elif op == "exit":
            sys.exit(0)
        else:
            emit("bad-command", op=op)

    def accept(self):
        try:
            s, _ = self.listener.accept()
        except BlockingIOError:
            return
        if self.sock is not None:
            s.close()
            return
        self.adopt(s)
        emit("accepted", peer=list(self.tuple[2:]))

    def stdin_ready(self):
        chunk = os.read(sys.stdin.fileno(), 65536)
        if not chunk:
            sys.exit(0)  # the driver is gone
        self.stdin_buf += chunk
        while b"\n" in self.stdin_buf:
            line, self.stdin_buf = self.stdin_buf.split(b"\n", 1)
            if line.strip():
                self.command(json.loads(line))

    def loop(self):
        emit("hello", pid=os.getpid())
        stdin = sys.stdin.fileno()
        while True:
            now = time.time()
            while self.timers and self.timers[0][0] <= now:
                _, _, name = heapq.heappop(self.timers)
                self.fire(name)
                now = time.time()
            timeout = None
            if self.timers:
                timeout = max(0, (self.timers[0][0] - now) * 1000)
            for fd, events in self.poll.poll(timeout):
                if fd == stdin:
                    self.stdin_ready()
                elif self.listener is not None and fd == self.listener.fileno():
                    self.accept()
                elif self.sock is not None and not self.closed and fd == self.sock.fileno():
                    self.readable(events)


if __name__ == "__main__":
    # Under SCHED_FIFO a runaway loop would starve the machine: let the kernel kill this process
    # if it ever runs 0.2 s without sleeping (SIGXCPU). It sleeps in poll() between events.
    resource.setrlimit(resource.RLIMIT_RTTIME, (200_000, 300_000))
    Endpoint().loop()
