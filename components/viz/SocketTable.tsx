// `ss -tno` on both hosts at a chosen moment: the socket that still says ESTAB long after the
// cable was pulled, made live, with the timer each socket is waiting on. A slider picks the moment; the sequence diagram can pick it too.
import { useId, useMemo, useState } from 'react';
import { formatSsTimer } from 'tcp-lab';
import type { RunResult } from 'tcp-lab';
import { formatDuration } from './format';
import { momentIndexAt, socketMoments, ssAt, ssState } from './sockets';
import { fill, type VizLang, vizStrings } from './strings';

export interface SocketTableProps {
  result: RunResult;
  lang: VizLang;
  /** The moment to show, ms (controlled). Without it the table starts at the end of the run. */
  at?: number;
  onAtChange?: (t: number) => void;
}

const hosts = ['client', 'server'] as const;

export function SocketTable({ result, lang, at, onAtChange }: SocketTableProps) {
  const t = vizStrings(lang);
  const id = useId();
  const moments = useMemo(() => socketMoments(result), [result]);
  const [own, setOwn] = useState(result.end);
  const time = at ?? own;
  const index = momentIndexAt(moments, time);
  const shown = moments[index] ?? 0;

  const pick = (i: number) => {
    const next = moments[i] ?? 0;
    setOwn(next);
    onAtChange?.(next);
  };

  const momentText = fill(t.sockets.at, { t: formatDuration(shown, lang) });

  return (
    // A group, not a region: every Playground on a page has one, and landmarks must be unique.
    <div className="viz-sockets" role="group" aria-labelledby={`${id}-title`}>
      <p className="viz-caption">
        <span className="viz-caption-title" id={`${id}-title`}>
          {t.sockets.title}
        </span>
        <output className="viz-caption-hint" htmlFor={`${id}-moment`}>
          {momentText}
        </output>
      </p>
      <div className="viz-moment">
        <label htmlFor={`${id}-moment`}>{t.sockets.moment}</label>
        <input
          id={`${id}-moment`}
          type="range"
          min={0}
          max={Math.max(moments.length - 1, 0)}
          step={1}
          value={index}
          aria-valuetext={momentText}
          onChange={(e) => pick(Number(e.currentTarget.value))}
        />
      </div>
      <div className="viz-terminals">
        {hosts.map((host) => {
          const view = ssAt(result, host, shown);
          return (
            <div key={host} className="viz-terminal" data-host={host}>
              <p className="viz-prompt">{fill(t.sockets.prompt, { host: t.hosts[host] })}</p>
              {view.down ? (
                <p className="viz-terminal-note">{t.sockets.hostDown}</p>
              ) : (
                <div className="viz-table-scroll">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">State</th>
                        <th scope="col">Recv-Q</th>
                        <th scope="col">Send-Q</th>
                        <th scope="col">Local Address:Port</th>
                        <th scope="col">Peer Address:Port</th>
                        <th scope="col">{t.sockets.timer}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {view.rows.length === 0 ? (
                        <tr>
                          <td colSpan={6} className="viz-terminal-note">
                            {t.sockets.empty}
                          </td>
                        </tr>
                      ) : (
                        view.rows.map((row) => (
                          <tr key={row.conn} data-state={row.state}>
                            <td>{ssState(row.state)}</td>
                            <td>{row.recvQ}</td>
                            <td>{row.sendQ}</td>
                            <td>{row.local}</td>
                            <td>{row.peer}</td>
                            <td className="viz-ss-timer">
                              {row.timer ? formatSsTimer(row.timer, shown) : ''}
                            </td>
                          </tr>
                        ))
                      )}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
