// Reads the switch's capture (tcpdump -i any -w): each TCP segment is seen twice, entering the
// switch on the sender's port (the moment it left the sender) and leaving on the receiver's
// port (the moment it was delivered). A port that is down delivers nothing.
import type { HostName } from '../../src/engine/types.ts';
import type { TracePacket } from '../../src/measurements/trace.ts';
import { ADDR } from './topology.ts';

const LINKTYPE_LINUX_SLL = 113;
const LINKTYPE_LINUX_SLL2 = 276;
const PACKET_OUTGOING = 4;

interface Frame {
  t: number; // s since the epoch
  outgoing: boolean;
  from: HostName;
  flags: string;
  seq: number;
  len: number;
}

const hostOf = (ip: string): HostName | undefined =>
  ip === ADDR.server ? 'server' : ip === ADDR.client ? 'client' : undefined;

/** tcpdump's flag notation: S, F, P, R, then '.' for ACK. */
function flagText(bits: number): string {
  let s = '';
  if (bits & 0x02) s += 'S';
  if (bits & 0x01) s += 'F';
  if (bits & 0x08) s += 'P';
  if (bits & 0x04) s += 'R';
  if (bits & 0x10) s += '.';
  return s;
}

function frames(file: Buffer): Frame[] {
  if (file.length < 24) return [];
  const magic = file.readUInt32LE(0);
  const le = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  if (!le && file.readUInt32BE(0) !== 0xa1b2c3d4 && file.readUInt32BE(0) !== 0xa1b23c4d)
    throw new Error('not a pcap file');
  const nano = (le ? file.readUInt32LE(0) : file.readUInt32BE(0)) === 0xa1b23c4d;
  const u32 = (o: number) => (le ? file.readUInt32LE(o) : file.readUInt32BE(o));
  const linktype = u32(20);
  const out: Frame[] = [];
  for (let o = 24; o + 16 <= file.length;) {
    const t = u32(o) + u32(o + 4) / (nano ? 1e9 : 1e6);
    const caplen = u32(o + 8);
    const p = o + 16;
    o = p + caplen;
    if (o > file.length) break; // a record cut short when tcpdump stopped
    let ip: number;
    let pkttype: number;
    if (linktype === LINKTYPE_LINUX_SLL2) {
      if (file.readUInt16BE(p) !== 0x0800) continue;
      pkttype = file.readUInt8(p + 10);
      ip = p + 20;
    } else if (linktype === LINKTYPE_LINUX_SLL) {
      if (file.readUInt16BE(p + 14) !== 0x0800) continue;
      pkttype = file.readUInt16BE(p);
      ip = p + 16;
    } else throw new Error(`unexpected capture link type ${linktype}`);
    if (file.readUInt8(ip + 9) !== 6) continue; // TCP only
    const ihl = (file.readUInt8(ip) & 0x0f) * 4;
    const total = file.readUInt16BE(ip + 2);
    const src = hostOf([...file.subarray(ip + 12, ip + 16)].join('.'));
    if (!src) continue;
    const tcp = ip + ihl;
    const doff = (file.readUInt8(tcp + 12) >> 4) * 4;
    out.push({
      t,
      outgoing: pkttype === PACKET_OUTGOING,
      from: src,
      flags: flagText(file.readUInt8(tcp + 13)),
      seq: file.readUInt32BE(tcp + 4),
      len: total - ihl - doff,
    });
  }
  return out;
}

/** The capture as trace packets, times in ms after `t0` (s since the epoch). */
export function readCapture(file: Buffer, t0: number): TracePacket[] {
  const packets: TracePacket[] = [];
  const same = (a: Frame, b: TracePacket) =>
    a.from === b.from && a.seq === b.seq && a.len === b.len && a.flags === b.flags;
  for (const f of frames(file)) {
    const t = (f.t - t0) * 1000;
    if (f.outgoing) {
      // Delivered: the latest matching segment that entered the switch and has not left it yet.
      const sent = packets.findLast(
        (p) => same(f, p) && p.arrivedAt === undefined && p.t <= t + 0.001,
      );
      if (sent) sent.arrivedAt = t;
    } else if (!packets.some((p) => same(f, p) && Math.abs(p.t - t) < 0.5)) {
      // (a flooded frame is also seen entering the bridge device itself: count it once)
      packets.push({ t, from: f.from, flags: f.flags, seq: f.seq, len: f.len });
    }
  }
  return packets;
}
