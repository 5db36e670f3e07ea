// Every event of the run as a plain table, behind a disclosure: for screen readers, for
// copy-paste, and for anyone who prefers numbers to pictures. Works without JavaScript.
import type { RunResult } from 'tcp-lab';
import { describeEvent } from './eventText';
import { formatCompact } from './format';
import { fill, type VizLang, vizStrings } from './strings';

export interface EventTableProps {
  result: RunResult;
  lang: VizLang;
}

/** A page with more rows than this would be slow to render; keep both ends of such a run. */
export const MAX_ROWS = 3000;

export function EventTable({ result, lang }: EventTableProps) {
  const t = vizStrings(lang);
  const all = result.events;
  const half = MAX_ROWS / 2;
  const head = all.length > MAX_ROWS ? all.slice(0, half) : all;
  const tail = all.length > MAX_ROWS ? all.slice(all.length - half) : [];
  const row = (event: (typeof all)[number], key: number) => {
    const r = describeEvent(event, result, lang);
    return (
      <tr key={key} data-kind={r.kind}>
        <td className="viz-num">{formatCompact(r.t)}</td>
        <td>{r.host}</td>
        <td>{r.what}</td>
      </tr>
    );
  };
  return (
    <details className="viz-events">
      <summary>{fill(t.events.toggle, { n: all.length })}</summary>
      <div className="viz-table-scroll">
        <table>
          <caption>{t.events.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.events.time}</th>
              <th scope="col">{t.events.host}</th>
              <th scope="col">{t.events.what}</th>
            </tr>
          </thead>
          <tbody>
            {head.map((e, i) => row(e, i))}
            {tail.length > 0 && (
              <tr>
                <td colSpan={3} className="viz-muted">
                  {fill(t.events.omittedRows, { n: all.length - MAX_ROWS })}
                </td>
              </tr>
            )}
            {tail.map((e, i) => row(e, all.length - half + i))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
