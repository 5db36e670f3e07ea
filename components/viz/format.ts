// Text for times and segments, the same on the server and in the browser (no locale APIs).
import type { SegmentRecord } from 'tcp-lab';
import { fill, type VizLang, vizStrings } from './strings';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Fixed decimals without trailing zeros: 12.8640 → '12.864', 10.000 → '10'. */
export function trimmed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

interface Units {
  ms: string;
  s: string;
  min: string;
  h: string;
  /** Joins a number to its unit. */
  join: (value: string, unit: string) => string;
}

const compactUnits: Units = { ms: 'ms', s: 's', min: 'm', h: 'h', join: (v, u) => v + u };

function proseUnits(lang: VizLang): Units {
  const u = vizStrings(lang).units;
  return { ...u, join: (v, unit) => `${v} ${unit}` };
}

function durationWith(ms: number, units: Units, spaceMs: boolean): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  const j = units.join;
  if (abs < SECOND) {
    const text = trimmed(abs, abs < 10 ? 2 : abs < 100 ? 1 : 0);
    return sign + (spaceMs ? `${text} ${units.ms}` : j(text, units.ms));
  }
  if (abs < MINUTE) return sign + j(trimmed(abs / SECOND, 3), units.s);
  if (abs < HOUR) {
    // Round to a tenth of a second first so 59.96 s never prints as "60 s".
    const tenths = Math.round(abs / 100);
    const min = Math.floor(tenths / 600);
    const sec = (tenths - min * 600) / 10;
    const parts = [j(String(min), units.min)];
    if (sec > 0) parts.push(j(trimmed(sec, 1), units.s));
    return sign + parts.join(' ');
  }
  const totalSec = Math.round(abs / SECOND);
  const h = Math.floor(totalSec / 3600);
  const min = Math.floor((totalSec - h * 3600) / 60);
  const sec = totalSec - h * 3600 - min * 60;
  const parts = [j(String(h), units.h)];
  if (min > 0) parts.push(j(String(min), units.min));
  if (sec > 0) parts.push(j(String(sec), units.s));
  return sign + parts.join(' ');
}

/** A duration for prose, in the page's language: '201 ms', '1.608 s', '2 小时 11 分钟 15 秒'. */
export function formatDuration(ms: number, lang: VizLang): string {
  return durationWith(ms, proseUnits(lang), true);
}

/** A compact duration for axes and gutters, the same in both languages: '1.608s', '2h 11m 15s'. */
export function formatCompact(ms: number): string {
  return durationWith(ms, compactUnits, false);
}

/** The tcpdump-like part of a segment's label: '[P.] seq 1:101 ack 1 len 100'. */
export function captureText(segment: SegmentRecord): string {
  const parts = [`[${segment.flags}]`];
  parts.push(
    segment.len > 0
      ? `seq ${segment.relSeq}:${segment.relSeq + segment.len}`
      : `seq ${segment.relSeq}`,
  );
  if (segment.flags.includes('.')) parts.push(`ack ${segment.relAck}`);
  if (segment.len > 0) parts.push(`len ${segment.len}`);
  return parts.join(' ');
}

/** What the segment is for, as a reader would say it: 'retransmission #3', '保活探测 #2'. */
export function roleText(segment: SegmentRecord, lang: VizLang): string {
  const template = vizStrings(lang).roles[segment.role];
  return fill(template, { n: segment.retransmission ?? segment.probe ?? '' });
}

/** Roles whose name adds nothing to the flags and length already shown. */
const SELF_EVIDENT_ROLES = new Set<SegmentRecord['role']>(['ack', 'data', 'syn', 'syn-ack', 'fin']);

/** The label drawn on an arrow: capture text, plus the role when the flags do not tell it. */
export function arrowLabel(
  segment: SegmentRecord,
  lang: VizLang,
): { capture: string; role?: string } {
  const capture = captureText(segment);
  return SELF_EVIDENT_ROLES.has(segment.role)
    ? { capture }
    : { capture, role: roleText(segment, lang) };
}
