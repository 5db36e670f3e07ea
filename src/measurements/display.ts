/**
 * The measurements as the site shows them: for each scenario, the line under its outcome card,
 * and the rows of the comparison page. Plain text and numbers only, so the components that show
 * them need to know nothing of TCP. Runs at build time (the engine runs each scenario once).
 */
import { format, useTranslations, type Lang } from '../i18n/index.ts';
import type { HostName } from '../engine/types.ts';
import { engineTrace, runInEngine } from './engine.ts';
import {
  compare,
  type Comparison,
  type ComparisonRow,
  type Measurement,
  type RowVerdict,
} from './measurement.ts';
import { scenarioById, SCENARIOS, type MarkId, type Scenario } from './scenarios.ts';

const files = import.meta.glob<Measurement>('../../content/measurements/*.json', {
  eager: true,
  import: 'default',
});
const measurements = new Map(Object.values(files).map((m) => [m.scenario, m] as const));

const judged = new Map<string, Comparison>();
function judge(scenario: Scenario, m: Measurement): Comparison {
  let c = judged.get(scenario.id);
  if (!c) {
    c = compare(scenario, m, engineTrace(scenario, runInEngine(scenario, m.kernel.hz)));
    judged.set(scenario.id, c);
  }
  return c;
}

/** '13.37 s', '13.32–13.47 s', '0.12 ms' in the page's language. */
export function formatRange(minMs: number, maxMs: number, lang: Lang): string {
  const { units } = useTranslations(lang).viz;
  const seconds = maxMs >= 1000;
  const decimals = seconds ? 2 : maxMs < 1 ? 2 : maxMs < 10 ? 1 : 0;
  const value = (ms: number) => (seconds ? ms / 1000 : ms).toFixed(decimals);
  const lo = value(minMs);
  const hi = value(maxMs);
  return `${lo === hi ? lo : `${lo}–${hi}`} ${seconds ? units.s : units.ms}`;
}

/** An event key ('server:error:ETIMEDOUT') as words. */
export function eventLabel(key: string, lang: Lang): string {
  const t = useTranslations(lang).measured;
  const [host, kind, detail] = key.split(':') as [HostName, keyof typeof t.events, string?];
  const peer: HostName = host === 'client' ? 'server' : 'client';
  const template = t.events[kind] ?? key;
  return format(template, {
    host: t.hosts[host],
    peer: t.hosts[peer],
    n: detail ?? '',
    errno: detail ?? '',
    state: detail ?? '',
  });
}

export interface MeasuredItem {
  text: string;
  /** The engine's value for the same parameters. */
  engine: string;
  /** The same, as the note that follows the measured text. */
  engineNote: string;
  verdict: RowVerdict;
}

export interface MeasuredLineData {
  heading: string;
  items: MeasuredItem[];
  verdict: RowVerdict;
  verdictText: string;
  variant: string;
  reasons: string[];
  seeAll: string;
}

function item(row: ComparisonRow, lang: Lang): MeasuredItem {
  const t = useTranslations(lang).measured;
  const measured = row.measured as { min: number; max: number } | null;
  const after = row.after ? t.after[row.after as keyof typeof t.after] : '';
  const text = measured
    ? format(t.eventAt, {
        event: eventLabel(row.key, lang),
        after,
        range: formatRange(measured.min, measured.max, lang),
      })
    : `${eventLabel(row.key, lang)}: ${t.page.notSeen}`;
  const sim =
    typeof row.simulated === 'number'
      ? formatRange(row.simulated, row.simulated, lang)
      : t.page.notSeen;
  return {
    text,
    engine: sim,
    engineNote: format(t.engineNote, { value: sim }),
    verdict: row.verdict,
  };
}

const kernelShort = (release: string) => release.split('.').slice(0, 2).join('.');

function variantText(scenario: Scenario, m: Measurement, lang: Lang): string {
  const t = useTranslations(lang).measured;
  const { units } = useTranslations(lang).viz;
  const rtt = m.variant.path.handshakeRttUs;
  const snippet = scenario.snippetPath ?? { rttMs: 20, hz: 1000 };
  const path = format(t.path, {
    rtt: format(t.microseconds, { n: rtt ? Math.round((rtt[0] + rtt[1]) / 2) : 30 }),
    hz: m.kernel.hz,
    snippetRtt: `${snippet.rttMs} ${units.ms}`,
    snippetHz: snippet.hz,
  });
  const differs = scenario.differs ? format(t.differs, { differs: scenario.differs[lang] }) : '';
  return format(t.variant, { path }) + differs + (scenario.shortened ? t.shortened : t.end);
}

/**
 * One value of a scenario's measurement, for a chapter to quote: an event's measured range
 * ('server:error:EHOSTUNREACH' → '15.62–15.64 s', timed from the step `after` names), or
 * 'source' → 'Linux 6.18, HZ=250, 3 runs'. Throws, naming what exists, when there is no such value.
 */
export function measuredValue(scenario: string, value: string, lang: Lang, after?: MarkId): string {
  const m = measurements.get(scenario);
  if (!m) {
    throw new Error(
      `No measurement of "${scenario}" in content/measurements/ (measured: ${[...measurements.keys()].sort().join(', ')}).`,
    );
  }
  if (value === 'source') {
    return format(useTranslations(lang).measured.source, {
      kernel: kernelShort(m.kernel.release),
      hz: m.kernel.hz,
      runs: m.runs,
    });
  }
  const event = m.events.find((e) => e.key === value);
  if (!event) {
    throw new Error(
      `The measurement of "${scenario}" has no event "${value}" (it has: source, ${m.events.map((e) => e.key).join(', ')}).`,
    );
  }
  if (after !== undefined && event.after !== after) {
    throw new Error(
      `"${value}" of "${scenario}" is timed from "${event.after}", not from "${after}".`,
    );
  }
  return formatRange(event.min, event.max, lang);
}

/** The line under a snippet's outcome card, or undefined when it has no measurement. */
export function measuredLine(snippet: string, lang: Lang): MeasuredLineData | undefined {
  const scenario = scenarioById(snippet);
  const m = measurements.get(snippet);
  if (!scenario || !m) return undefined;
  const t = useTranslations(lang).measured;
  const c = judge(scenario, m);
  const rows = c.rows.filter((r) => scenario.headline.includes(r.key));
  const items = rows.length
    ? rows.map((r) => item(r, lang))
    : [
        {
          text: format(t.noEvents, { client: m.finalStates.client, server: m.finalStates.server }),
          engine: engineStates(c, lang),
          engineNote: format(t.engineNote, { value: engineStates(c, lang) }),
          verdict: c.verdict,
        },
      ];
  return {
    heading: format(t.line, {
      kernel: kernelShort(m.kernel.release),
      hz: m.kernel.hz,
      runs: m.runs,
    }),
    items,
    verdict: c.verdict,
    verdictText: t.verdicts[c.verdict],
    variant: variantText(scenario, m, lang),
    reasons: (scenario.knownDisagreements ?? [])
      .filter((k) => c.rows.some((r) => r.key === k.event && r.verdict === 'known'))
      .map((k) => format(t.reason, { event: eventLabel(k.event, lang), reason: k.reason[lang] })),
    seeAll: t.seeAll,
  };
}

function engineStates(c: Comparison, lang: Lang): string {
  const t = useTranslations(lang).measured;
  const state = (h: HostName) =>
    String(c.rows.find((r) => r.key === `${h}:final-state`)?.simulated ?? '');
  return format(t.engineStates, { client: state('client'), server: state('server') });
}

export interface ComparisonPageRow {
  scenario: string;
  outcome: Scenario['outcome'];
  line: MeasuredLineData;
  details: {
    label: string;
    measured: string;
    simulated: string;
    interval: string;
    verdict: RowVerdict;
    verdictText: string;
  }[];
}

/** Every scenario with a measurement, for the comparison page. */
export function comparisonPage(lang: Lang): {
  rows: ComparisonPageRow[];
  kernel: Measurement['kernel'] | undefined;
  runs: number;
  date: string;
  counts: Record<RowVerdict, number>;
} {
  const t = useTranslations(lang).measured;
  const rows: ComparisonPageRow[] = [];
  const counts: Record<RowVerdict, number> = { agrees: 0, disagrees: 0, known: 0 };
  let any: Measurement | undefined;
  for (const scenario of SCENARIOS) {
    const m = measurements.get(scenario.id);
    const line = measuredLine(scenario.id, lang);
    if (!m || !line) continue;
    any ??= m;
    const c = judge(scenario, m);
    counts[c.verdict] += 1;
    rows.push({
      scenario: scenario.id,
      outcome: scenario.outcome,
      line,
      details: c.rows.map((r) => {
        const [host, what] = r.key.split(':') as [HostName, string];
        const label =
          what === 'errnos'
            ? format(t.page.errnos, { host: t.hosts[host] })
            : what === 'final-state'
              ? format(t.page.finalState, { host: t.hosts[host] })
              : eventLabel(r.key, lang);
        const show = (v: ComparisonRow['measured'] | ComparisonRow['simulated']) =>
          v === null
            ? t.page.notSeen
            : typeof v === 'string'
              ? v
              : typeof v === 'number'
                ? formatRange(v, v, lang)
                : formatRange(v.min, v.max, lang);
        const after = r.after ? ` ${t.after[r.after as keyof typeof t.after]}` : '';
        return {
          label: label + (lang === 'zh' ? after.replace(/^ /, '，') : after),
          measured: show(r.measured),
          simulated: show(r.simulated),
          interval: r.gap
            ? `${formatRange(r.gap.min, r.gap.max, lang)} / ${formatRange(r.gap.simulated, r.gap.simulated, lang)} ± ${formatRange(r.tolerance!, r.tolerance!, lang)}`
            : '',
          verdict: r.verdict,
          verdictText: t.verdicts[r.verdict],
        };
      }),
    });
  }
  return {
    rows,
    kernel: any?.kernel,
    runs: any?.runs ?? 0,
    date: any?.date.slice(0, 10) ?? '',
    counts,
  };
}
