// Everything a run shows, composed: the outcome card, the sequence diagram, the timeline, the
// `ss -tno` table, the `nstat` counters and the event table. Playgrounds embed this with the run they computed.
// Focusing a segment in the diagram moves the socket table to that moment.
import { useEffect, useRef, useState } from 'react';
import type { RunResult } from 'tcp-lab';
import { Counters } from './Counters';
import { EventTable } from './EventTable';
import { rememberOutcome } from './latestOutcome';
import { OutcomeCard } from './OutcomeCard';
import { SequenceDiagram } from './SequenceDiagram';
import { SocketTable } from './SocketTable';
import { type VizLang, vizStrings } from './strings';
import { Timeline } from './Timeline';
import './viz.css';

export interface RunViewProps {
  result: RunResult;
  lang: VizLang;
  /** Which connection the card describes (lab.connect() order); the first by default. */
  conn?: number;
  /** Heading level of the card title, to fit the page's outline. */
  headingLevel?: 2 | 3 | 4;
  /**
   * Remember the outcome for the decision tree on the summary page (browser only). Any result
   * that replaces the first one is a run the reader made and is always remembered; `remember`
   * also counts the first one.
   */
  remember?: boolean;
  /** The site's base path for chapter links (defaults to the build's BASE_URL). */
  base?: string;
}

export function RunView({
  result,
  lang,
  conn = 0,
  headingLevel = 3,
  remember = false,
  base,
}: RunViewProps) {
  const t = vizStrings(lang);
  const [moment, setMoment] = useState<number | undefined>(undefined);

  // A new run starts the socket table at its end again.
  useEffect(() => setMoment(undefined), [result]);
  const first = useRef(result);
  useEffect(() => {
    if (remember || result !== first.current) rememberOutcome(result.outcome.id);
  }, [remember, result]);

  return (
    <div className="viz" role="group" aria-label={t.view.label} data-outcome={result.outcome.id}>
      <OutcomeCard
        result={result}
        lang={lang}
        conn={conn}
        headingLevel={headingLevel}
        base={base}
      />
      <SequenceDiagram
        result={result}
        lang={lang}
        onSelect={(segment) => {
          if (segment) setMoment(segment.t);
        }}
      />
      <Timeline result={result} lang={lang} />
      <SocketTable result={result} lang={lang} at={moment} onAtChange={setMoment} />
      <Counters result={result} lang={lang} />
      <EventTable result={result} lang={lang} />
    </div>
  );
}

export default RunView;
