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

/** Minutes and hours, rounded to `resolution` ms first so 59.96 s never prints as "60 s". */
function longDuration(abs: number, units: Units, resolution: number): string {
  const j = units.join;
  const steps = Math.round(abs / resolution);
  const perMinute = MINUTE / resolution;
  const perHour = HOUR / resolution;
  const h = Math.floor(steps / perHour);
  const min = Math.floor((steps - h * perHour) / perMinute);
  const sec = ((steps - h * perHour - min * perMinute) * resolution) / SECOND;
  const decimals = Math.max(0, Math.round(3 - Math.log10(resolution)));
  const parts: string[] = [];
  if (h > 0) parts.push(j(String(h), units.h));
  if (h === 0 || min > 0 || sec > 0) parts.push(j(String(min), units.min));
  if (sec > 0) parts.push(j(trimmed(sec, decimals), units.s));
  return parts.join(' ');
}

/** Beyond a million hours (114 years) the hours are written as a power of ten. */
const HUGE = 1e6 * HOUR;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 2.7777e293 → '2.78 × 10²⁹³' (three significant digits). */
function powerOfTen(value: number): string {
  const [mantissa, exponent] = value.toExponential(2).split('e');
  const digits = String(Number(exponent)).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
  return `${trimmed(Number(mantissa), 2)} × 10${digits}`;
}

function durationWith(ms: number, units: Units, spaceMs: boolean, precise: boolean): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  const j = units.join;
  if (abs >= HUGE) return sign + j(powerOfTen(abs / HOUR), units.h);
  if (abs < SECOND) {
    const text = trimmed(abs, abs < 10 ? 2 : abs < 100 ? 1 : 0);
    return sign + (spaceMs ? `${text} ${units.ms}` : j(text, units.ms));
  }
  if (abs < MINUTE) return sign + j(trimmed(abs / SECOND, 3), units.s);
  // Prose keeps a tenth of a second under an hour and whole seconds beyond; axes keep the
  // millisecond, so that 6 min and 6 min 0.01 s get different labels.
  const resolution = precise ? 1 : abs < HOUR ? 100 : SECOND;
  return sign + longDuration(abs, units, resolution);
}

/** A duration for prose, in the page's language: '201 ms', '1.608 s', '2 小时 11 分钟 15 秒'. */
export function formatDuration(ms: number, lang: VizLang): string {
  return durationWith(ms, proseUnits(lang), true, false);
}

/** A compact, millisecond-exact duration for axes, gutters and tables, the same in both
 *  languages: '1.608s', '15m 25.824s', '2h 11m 15s'. */
export function formatCompact(ms: number): string {
  return durationWith(ms, compactUnits, false, true);
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
