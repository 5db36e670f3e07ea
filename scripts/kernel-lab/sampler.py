#!/usr/bin/env python3
"""Samples `ss -tanoiOH` in the host namespaces of one kernel-lab run, each sample time-stamped.

Usage: sampler.py client=<namespace> server=<namespace> -- <ss arguments>

A process of its own, under SCHED_FIFO below the endpoints' priority (sampler.ts), so that on
a busy machine an ss runs at once (its time and span say when it read the kernel) and still
never takes a CPU from an endpoint. Each sample is one ss process, started in the
host's network namespace with setns(2) (not `ss -N`, which also remounts /sys in a new mount
namespace: global mount locks that a dying endpoint's exit needs too); while one runs for a
host, further requests for that host are merged into the next.

Commands, one JSON object per line on stdin:
  {"op": "start", "t0": <s>, "every": <ms>, "phase": <ms>}  sample both hosts at
                                                    t0 + phase + k·every (s since the epoch)
  {"op": "sample", "hosts": [...], "why": "<reason>"}        sample these hosts now
  {"op": "host", "host": "server", "up": false}              the host is gone (crashed), or back
  {"op": "stop"}                                             no more periodic samples
Events, one JSON object per line on stdout:
  {"ev": "hello"}
  {"ev": "sample", "host", "t", "span", "why": [...], "text"}   t: s since the epoch (CLOCK_REALTIME,
      as the endpoints and tcpdump stamp), taken as ss starts; span: s until it finished
  {"ev": "failed", "host", "t", "why", "error"}
Python's standard library only.
"""
import ctypes
import json
import os
import select
import subprocess
import sys
import time

CLONE_NEWNET = 0x40000000
libc = ctypes.CDLL(None, use_errno=True)



def emit(**fields):
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


class Host:
    def __init__(self, name, namespace, ss_args):
        self.name = name
        self.ss_args = ss_args
        self.namespace = namespace
        self.up = True
        self.proc = None
        self.out = b""
        self.started = 0.0
        self.why = []  # reasons of the sample that runs
        self.pending = []  # reasons of the next one

    def request(self, why):
        if why not in self.pending:
            self.pending.append(why)

    def launch(self, poll):
        if self.proc is not None or not self.pending or not self.up:
            return
        self.why, self.pending = self.pending, []
        self.out = b""
        self.started = time.time()
        try:
            # By name each time: a host that boots again has a new namespace under the same name.
            netns = os.open("/run/netns/" + self.namespace, os.O_RDONLY)
        except OSError as e:
            emit(ev="failed", host=self.name, t=self.started, why=self.why, error=str(e))
            return

        def enter():
            if libc.setns(netns, CLONE_NEWNET) != 0:
                os._exit(127)

        try:
            self.proc = subprocess.Popen(
                ["ss", *self.ss_args],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                preexec_fn=enter,
                pass_fds=(netns,),
            )
        finally:
            os.close(netns)
        poll.register(self.proc.stdout.fileno(), select.POLLIN)

    def readable(self, poll):
        chunk = os.read(self.proc.stdout.fileno(), 65536)
        if chunk:
            self.out += chunk
            return
        poll.unregister(self.proc.stdout.fileno())
        self.proc.stdout.close()
        code = self.proc.wait()
        span = time.time() - self.started
        text = self.out.decode("utf-8", "replace")
        if code == 0:
            emit(ev="sample", host=self.name, t=self.started, span=span, why=self.why, text=text)
        else:
            emit(ev="failed", host=self.name, t=self.started, why=self.why, error=text.strip())
        self.proc = None


def main():
    split = sys.argv.index("--")
    ss_args = sys.argv[split + 1 :]
    hosts = {}
    for arg in sys.argv[1:split]:
        name, _, namespace = arg.partition("=")
        hosts[name] = Host(name, namespace, ss_args)
    poll = select.poll()
    stdin = sys.stdin.fileno()
    poll.register(stdin, select.POLLIN)
    buf = b""
    every = None
    due = None
    emit(ev="hello")
    while True:
        now = time.time()
        if due is not None and now >= due:
            for h in hosts.values():
                h.request("every")
            while due <= now:  # a late wake-up skips the slots it missed
                due += every
        for h in hosts.values():
            h.launch(poll)
        timeout = None if due is None else max(0.0, (due - time.time()) * 1000)
        for fd, _ in poll.poll(timeout):
            if fd == stdin:
                chunk = os.read(stdin, 65536)
                if not chunk:
                    return  # the driver is gone
                buf += chunk
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)
                    if not line.strip():
                        continue
                    c = json.loads(line)
                    if c["op"] == "start":
                        every = c["every"] / 1000
                        due = c["t0"] + c["phase"] / 1000
                    elif c["op"] == "sample":
                        for name in c["hosts"]:
                            hosts[name].request(c["why"])
                    elif c["op"] == "host":
                        hosts[c["host"]].up = c["up"]
                        if not c["up"]:
                            hosts[c["host"]].pending = []
                    elif c["op"] == "stop":
                        due = None
                    else:
                        emit(ev="bad-command", op=c["op"])
            else:
                for h in hosts.values():
                    if h.proc is not None and h.proc.stdout.fileno() == fd:
                        h.readable(poll)
                        break


if __name__ == "__main__":
    main()
