// The branch of the lesson a run ended in: what happened, to whom, when, and where to read why.
import type { RunResult, SideResult } from 'tcp-lab';
import { chapterNumber, chapterUrl, outcomeChapter } from './chapters';
import { formatDuration } from './format';
import { OutcomeIcon } from './OutcomeIcon';
import { outcomeTone } from './outcomeMeta';
import { fill, type VizLang, vizStrings } from './strings';
import { connectionOf, detection } from './summary';

export interface OutcomeCardProps {
  result: RunResult;
  lang: VizLang;
  /** Which connection to describe (lab.connect() order); the first by default. */
  conn?: number;
  /** Heading level of the card title, to fit the page's outline. */
  headingLevel?: 2 | 3 | 4;
  /** The site's base path for the chapter link (defaults to the build's BASE_URL). */
  base?: string;
}

const hosts = ['client', 'server'] as const;

export function OutcomeCard({ result, lang, conn = 0, headingLevel = 3, base }: OutcomeCardProps) {
  const t = vizStrings(lang);
  const connection = connectionOf(result, conn);
  const { id } = connection.outcome;
  const tone = outcomeTone[id];
  const text = t.outcomes[id];
  const slug = outcomeChapter[id];
  const detected = detection(result, connection);
  const Heading = `h${headingLevel}` as const;

  const errorCell = (side: SideResult) =>
    side.error
      ? fill(t.card.errorAt, {
          errno: side.error,
          t: side.errorAt === undefined ? '?' : formatDuration(side.errorAt, lang),
        })
      : t.card.noError;

  const rows: { label: string; cell: (side: SideResult) => string; key: string }[] = [
    { key: 'state', label: t.card.state, cell: (s) => s.state },
    { key: 'error', label: t.card.error, cell: errorCell },
    {
      key: 'cause',
      label: t.card.mechanism,
      cell: (s) => (s.cause ? t.causes[s.cause] : t.card.none),
    },
    {
      key: 'retransmissions',
      label: t.card.retransmissions,
      cell: (s) => String(s.retransmissions),
    },
    { key: 'tlps', label: t.card.tlps, cell: (s) => String(s.tlps) },
    { key: 'probes', label: t.card.keepaliveProbes, cell: (s) => String(s.keepaliveProbes) },
  ];
  // Zero-window probes only where the run had some: most runs never close a window.
  if (hosts.some((h) => connection[h].windowProbes)) {
    rows.push({
      key: 'window-probes',
      label: t.card.windowProbes,
      cell: (s) => String(s.windowProbes ?? 0),
    });
  }

  return (
    <section
      className="viz-card"
      data-outcome={id}
      data-tone={tone}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
    >
      <div className="viz-card-head">
        <OutcomeIcon tone={tone} size={28} />
        <div>
          <p className="viz-card-kicker">{t.card.heading}</p>
          <Heading className="viz-card-title">{text.title}</Heading>
        </div>
      </div>
      <p className="viz-card-explanation">{text.explanation}</p>
      <table className="viz-card-sides">
        <thead>
          <tr>
            <td />
            {hosts.map((h) => (
              <th key={h} scope="col">
                {t.hosts[h]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row">{row.label}</th>
              {hosts.map((h) => (
                <td
                  key={h}
                  data-host={h}
                  data-error={row.key === 'error' && connection[h].error ? '' : undefined}
                >
                  {row.cell(connection[h])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {detected && (
        <p className="viz-card-detection">
          {t.card.detection}: <strong>{formatDuration(detected.after, lang)}</strong>
        </p>
      )}
      <p className="viz-card-link">
        <a href={chapterUrl(lang, slug, base)}>
          {fill(t.card.chapterLink, { n: chapterNumber(slug) })} →
        </a>
      </p>
    </section>
  );
}
