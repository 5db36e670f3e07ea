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

export function EventTable({ result, lang }: EventTableProps) {
  const t = vizStrings(lang);
  const rows = result.events.map((e) => describeEvent(e, result, lang));
  return (
    <details className="viz-events">
      <summary>{fill(t.events.toggle, { n: rows.length })}</summary>
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
            {rows.map((row, i) => (
              <tr key={i} data-kind={row.kind}>
                <td className="viz-num">{formatCompact(row.t)}</td>
                <td>{row.host}</td>
                <td>{row.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
