// Everything a run shows, composed: the outcome card, the sequence diagram, the timeline, the
// `ss -tn` table and the event table. Playgrounds embed this with the run they computed.
import { useState } from 'react';
import type { RunResult, SegmentRecord } from 'tcp-lab';
import { OutcomeCard } from './OutcomeCard';
import { SequenceDiagram } from './SequenceDiagram';
import { type VizLang, vizStrings } from './strings';
import './viz.css';

export interface RunViewProps {
  result: RunResult;
  lang: VizLang;
  /** Which connection the card describes (lab.connect() order); the first by default. */
  conn?: number;
  /** Heading level of the card title, to fit the page's outline. */
  headingLevel?: 2 | 3 | 4;
}

export function RunView({ result, lang, conn = 0, headingLevel = 3 }: RunViewProps) {
  const t = vizStrings(lang);
  const [, setSelected] = useState<SegmentRecord | undefined>(undefined);
  return (
    <div className="viz" role="group" aria-label={t.view.label}>
      <OutcomeCard result={result} lang={lang} conn={conn} headingLevel={headingLevel} />
      <SequenceDiagram result={result} lang={lang} onSelect={setSelected} />
    </div>
  );
}

export default RunView;
