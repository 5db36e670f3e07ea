#!/usr/bin/env python3
"""How many TCP segments Linux keeps queued for an address it cannot resolve.

Usage: arp-queue.py [connections]     (root; Linux with `ip netns`)

net/core/neighbour.c __neigh_event_send() queues a packet for an INCOMPLETE entry and, while the
queue's skb->truesize would pass unres_qlen_bytes, drops the oldest (counted in
unresolved_discards). The engine models that limit (src/engine/neighbour.ts, skbTruesize), and
this is where its sizes come from: for each kind of segment, `connections` sockets each put one
into the queue at once, and how many were dropped says what one segment counts.

Two namespaces joined by a veth. Every socket connects while ARP still works; then the peer stops
answering ARP requests (arp_ignore 8, with a permanent entry of its own so that it never asks and
teaches its address that way), the near side's entry is flushed, and each socket sends. Prints
one JSON object per kind. Nothing is created outside the two namespaces, which are removed.
Python's standard library only.
"""
import ctypes
import json
import os
import socket
import subprocess
import sys
import time

NEAR, FAR = "tul-arpq-a", "tul-arpq-b"
NEAR_ADDR, FAR_ADDR = "10.201.0.1", "10.201.0.2"
CLONE_NEWNET = 0x40000000
libc = ctypes.CDLL(None, use_errno=True)
HOME = os.open("/proc/self/ns/net", os.O_RDONLY)


def ip(*args):
    subprocess.run(["ip", *args], check=True)


def in_ns(ns, *cmd):
    return subprocess.run(["ip", "netns", "exec", ns, *cmd], check=True, capture_output=True, text=True).stdout


def enter(fd):
    if libc.setns(fd, CLONE_NEWNET) != 0:
        raise OSError(ctypes.get_errno(), "setns")


def enter_ns(ns):
    fd = os.open(f"/run/netns/{ns}", os.O_RDONLY)
    try:
        enter(fd)
    finally:
        os.close(fd)


def unresolved_discards():
    """The ARP table's drop counter: one table for every namespace, so the caller takes a difference."""
    lines = open("/proc/1/net/stat/arp_cache").read().split("\n")
    col = lines[0].split().index("unresolved_discards")
    return sum(int(line.split()[col], 16) for line in lines[1:] if line.strip())


def measure(n, kind, payload=b""):
    """`n` sockets each queue one segment of `kind` behind an unresolved entry; how many were dropped."""
    for ns in (NEAR, FAR):
        subprocess.run(["ip", "netns", "del", ns], stderr=subprocess.DEVNULL)
        ip("netns", "add", ns)
    try:
        ip("-n", NEAR, "link", "add", "a0", "type", "veth", "peer", "name", "b0", "netns", FAR)
        ip("-n", NEAR, "addr", "add", f"{NEAR_ADDR}/24", "dev", "a0")
        ip("-n", FAR, "addr", "add", f"{FAR_ADDR}/24", "dev", "b0")
        ip("-n", NEAR, "link", "set", "a0", "up")
        ip("-n", FAR, "link", "set", "b0", "up")
        limit = int(in_ns(NEAR, "sysctl", "-n", "net.ipv4.neigh.a0.unres_qlen_bytes"))
        near_mac = in_ns(NEAR, "cat", "/sys/class/net/a0/address").strip()

        enter_ns(FAR)
        listener = socket.socket()
        listener.bind((FAR_ADDR, 80))
        listener.listen(4096)
        enter_ns(NEAR)
        socks = []
        if kind != "syn":
            for _ in range(n):
                s = socket.socket()
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                s.connect((FAR_ADDR, 80))
                socks.append(s)
        enter(HOME)
        accepted = [listener.accept()[0] for _ in socks] if kind == "ack" else []

        ip("-n", FAR, "neigh", "replace", NEAR_ADDR, "lladdr", near_mac, "nud", "permanent", "dev", "b0")
        in_ns(FAR, "sysctl", "-q", "net.ipv4.conf.all.arp_ignore=8")
        time.sleep(0.3)
        ip("-n", NEAR, "neigh", "flush", "dev", "a0")
        before = unresolved_discards()
        if kind == "syn":
            enter_ns(NEAR)
            for _ in range(n):
                s = socket.socket()
                s.setblocking(False)
                try:
                    s.connect((FAR_ADDR, 80))
                except BlockingIOError:
                    pass
                socks.append(s)
            enter(HOME)
        elif kind == "data":
            for s in socks:
                s.send(payload)
        elif kind == "keepalive":
            for s in socks:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 1)
            time.sleep(1.5)  # the probes leave 1 s after; ARP fails only 3 s after the first request
        elif kind == "ack":
            for s in accepted:  # the far side sends; the near side's ACKs queue
                s.send(b"x")
            time.sleep(0.3)
        time.sleep(0.05)
        dropped = unresolved_discards() - before
        kept = n - dropped
        return {
            "kind": kind,
            "payload": len(payload),
            "queued": n,
            "dropped": dropped,
            "kept": kept,
            "unres_qlen_bytes": limit,
            # kept × truesize ≤ limit < (kept + 1) × truesize
            "truesize": [limit // (kept + 1) + 1, limit // kept] if dropped else None,
        }
    finally:
        enter(HOME)
        for ns in (NEAR, FAR):
            subprocess.run(["ip", "netns", "del", ns], stderr=subprocess.DEVNULL)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    print(json.dumps({"kernel": os.uname().release, "machine": os.uname().machine}))
    for kind, payload in [("syn", b""), ("keepalive", b""), ("data", b"ping"), ("data", b"x" * 100),
                          ("data", b"x" * 1448), ("ack", b"")]:
        print(json.dumps(measure(n, kind, payload)), flush=True)


if __name__ == "__main__":
    main()
