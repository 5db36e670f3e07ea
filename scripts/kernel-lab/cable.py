#!/usr/bin/env python3
"""Pulls and replugs a run's cables at the scenario's times: the switch ports, up or down.

Usage: cable.py <switch namespace>

Started under SCHED_FIFO (cable.ts), with its own `ip -batch` shell that inherits the policy:
a cable pull happens at its time even on a busy machine, where the driver (an ordinary
process) may wake tens of ms late. That matters where a host's ARP timer fires at about the
same time as the pull: a late pull lets the probe through and its answer changes the branch.
Times are CLOCK_REALTIME, as the endpoints and tcpdump stamp.

Commands, one JSON object per line on stdin:
  {"op": "at", "id": <n>, "t": <s since the epoch>, "port": "<name>", "up": <bool>}
Events, one JSON object per line on stdout:
  {"ev": "hello"}
  {"ev": "done", "id": <n>, "t": <s>}    t: when the command went to ip
Python's standard library only.
"""
import heapq
import json
import os
import select
import subprocess
import sys
import time


def emit(**fields):
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def main():
    ip = subprocess.Popen(
        ["ip", "-n", sys.argv[1], "-force", "-batch", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stdin = sys.stdin.fileno()
    buf = b""
    due = []  # (t, id, port, up)
    emit(ev="hello")
    while True:
        timeout = None if not due else max(0.0, due[0][0] - time.time())
        ready, _, _ = select.select([stdin], [], [], timeout)
        if ready:
            chunk = os.read(stdin, 65536)
            if not chunk:
                ip.stdin.close()
                ip.wait()
                return  # the driver is gone
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                if line.strip():
                    c = json.loads(line)
                    heapq.heappush(due, (c["t"], c["id"], c["port"], c["up"]))
        while due and due[0][0] <= time.time():
            _, id_, port, up = heapq.heappop(due)
            ip.stdin.write(f"link set {port} {'up' if up else 'down'}\n".encode())
            ip.stdin.flush()
            emit(ev="done", id=id_, t=time.time())


if __name__ == "__main__":
    main()
