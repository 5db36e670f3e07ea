// A pinned run beside the current one: what the controls changed between them, both outcome
// cards side by side, and both runs on one time axis.
import type { RunResult } from 'tcp-lab';
import { readControl } from '../../src/runner/explore/controlValues';
import type { ControlSpec } from '../../src/runner/explore/controlSpec';
import { PARAMETERS } from '../../src/runner/explore/parameters';
import { OutcomeCard } from '../viz/OutcomeCard';
import { CompareTimeline } from './CompareTimeline';
import { valueText } from './controlText';
import { fill, type ExploreLang, type ExploreStrings } from './strings';

export interface ComparedRun {
  result: RunResult;
  source: string;
}

interface Props {
  pinned: ComparedRun;
  current: ComparedRun;
  controls: readonly ControlSpec[];
  lang: ExploreLang;
  t: ExploreStrings;
}

export function ComparePanel({ pinned, current, controls, lang, t }: Props) {
  const changes = controls.flatMap((spec) => {
    const parameter = PARAMETERS[spec.id];
    const before = readControl(pinned.source, parameter);
    const after = readControl(current.source, parameter);
    if (before.status !== 'ok' || after.status !== 'ok' || before.value === after.value) return [];
    return [
      fill(t.compare.change, {
        name: t.parameters[spec.id].name,
        from: valueText(parameter, before.value, t, lang),
        to: valueText(parameter, after.value, t, lang),
      }),
    ];
  });
  return (
    <section className="explore-compare" aria-label={t.compare.heading}>
      <h3 className="explore-compare-heading">{t.compare.heading}</h3>
      {pinned.source === current.source ? (
        <p>{t.compare.same}</p>
      ) : (
        changes.length > 0 && (
          <p className="explore-compare-changes">
            {t.compare.changes} {changes.join(lang === 'zh' ? '；' : '; ')}
          </p>
        )
      )}
      <div className="explore-compare-cards">
        <div data-run="pinned" data-outcome={pinned.result.outcome.id}>
          <p className="explore-compare-label">{t.compare.pinned}</p>
          <OutcomeCard result={pinned.result} lang={lang} headingLevel={4} />
        </div>
        <div data-run="current" data-outcome={current.result.outcome.id}>
          <p className="explore-compare-label">{t.compare.current}</p>
          <OutcomeCard result={current.result} lang={lang} headingLevel={4} />
        </div>
      </div>
      <CompareTimeline pinned={pinned.result} current={current.result} lang={lang} t={t} />
    </section>
  );
}
