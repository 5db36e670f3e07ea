// The kernel counters of both hosts as `nstat -a` prints them after the run: the ones that are
// not zero on either host (zeros would be most of the table, and every Playground carries one).
// A <details> element: closed, it is one line, and opening it needs no JavaScript. Left out of
// the search index: its table and note repeat under every run, and would match every page.
import type { HostName, MibName, RunResult } from 'tcp-lab';
import { MIB_NAMES } from 'tcp-lab';
import { fill, type VizLang, vizStrings } from './strings';

export interface CountersProps {
  result: RunResult;
  lang: VizLang;
}

const hosts: readonly HostName[] = ['client', 'server'];

export function Counters({ result, lang }: CountersProps) {
  const t = vizStrings(lang);
  const value = (host: HostName, name: MibName) => result.counters[host][name];
  const shown = MIB_NAMES.filter((name) => hosts.some((h) => value(h, name) > 0));
  return (
    <details className="viz-counters" data-pagefind-ignore="all">
      <summary>{fill(t.counters.summary, { n: shown.length })}</summary>
      <div className="viz-table-scroll">
        <table>
          <caption>{t.counters.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.counters.counter}</th>
              {hosts.map((host) => (
                <th key={host} scope="col">
                  {t.hosts[host]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((name) => (
              <tr key={name} data-counter={name}>
                <th scope="row">{name}</th>
                {hosts.map((host) => (
                  <td key={host} data-host={host} data-zero={value(host, name) === 0 || undefined}>
                    {value(host, name)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="viz-counters-note">{t.counters.note}</p>
    </details>
  );
}
