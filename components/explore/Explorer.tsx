// The explorer under a playground: the controls a chapter chose for its snippet, a sweep chart
// recomputed in a worker whenever the code changes, and a pinned run to compare the current one
// with. Everything here reads and writes the code; the playground runs it.
import { useEffect, useState } from 'react';
import type { RunResult } from 'tcp-lab';
import { readControl } from '../../src/runner/explore/controlValues';
import type { ControlSpec } from '../../src/runner/explore/controlSpec';
import { PARAMETERS } from '../../src/runner/explore/parameters';
import {
  unpackSweep,
  type PackedSweep,
  type SweepLine,
  type SweepSpec,
} from '../../src/runner/explore/sweep';
import { ComparePanel, type ComparedRun } from './ComparePanel';
import { ControlField } from './ControlField';
import { SweepChart } from './SweepChart';
import { exploreStrings, fill, type ExploreLang } from './strings';
import { useCoalescedRun } from './useCoalescedRun';
import './explore.css';

export interface ExploreSetup {
  controls: ControlSpec[];
  sweep?: SweepSpec;
  /** The sweep of the original code, computed when the site was built. */
  built?: PackedSweep;
}

interface Props {
  setup: ExploreSetup;
  lang: ExploreLang;
  code: string;
  original: string;
  /** The result on show and the code it came from. */
  shown?: { result: RunResult; source: string };
  hydrated: boolean;
  /** Replaces the code (editor included). */
  onCode: (next: string) => void;
  /** Runs the code as it is now. */
  run: () => Promise<void>;
}

type SweepState =
  | { status: 'ok'; lines: SweepLine[]; runs: number; source: string; wallMs?: number }
  | { status: 'failed'; message: string; source: string };

export function Explorer({ setup, lang, code, original, shown, hydrated, onCode, run }: Props) {
  const t = exploreStrings(lang);
  const rerun = useCoalescedRun(run);
  const [pinned, setPinned] = useState<ComparedRun | undefined>(undefined);
  const [sweep, setSweep] = useState<SweepState | undefined>(() =>
    setup.built && setup.sweep
      ? {
          status: 'ok',
          lines: unpackSweep(setup.sweep, setup.built),
          runs: setup.built.runs,
          source: original,
        }
      : undefined,
  );
  const spec = setup.sweep;

  // The chart follows the code: every change asks the sweep worker again (it keeps only the
  // newest request), so the chart redraws while a control moves.
  useEffect(() => {
    if (!hydrated || !spec || sweep?.source === code) return;
    let live = true;
    void import('../../src/runner/explore/sweepClient')
      .then(({ pageSweeper }) => pageSweeper().sweep(code, spec))
      .then((answer) => {
        if (!live || answer.status === 'superseded') return;
        setSweep(
          answer.status === 'ok'
            ? {
                status: 'ok',
                lines: answer.lines,
                runs: answer.runs,
                source: code,
                wallMs: answer.wallMs,
              }
            : {
                status: 'failed',
                source: code,
                message:
                  answer.status === 'timeout'
                    ? fill(t.sweep.timeout, { limit: answer.limitMs / 1000 })
                    : fill(t.sweep.failed, { message: answer.message }),
              },
        );
      });
    return () => {
      live = false;
    };
    // `sweep` is left out on purpose: a new answer must not start another sweep of the same code.
  }, [code, hydrated, spec, t]);

  const changeCode = (next: string) => {
    onCode(next);
    rerun();
  };
  const current = spec && readControl(code, PARAMETERS[spec.over]);

  return (
    <div className="explore" data-explore>
      {setup.controls.length > 0 && (
        <fieldset className="explore-controls">
          <legend>{t.controls.legend}</legend>
          <p className="explore-hint">{t.controls.hint}</p>
          {setup.controls.map((control) => (
            <ControlField
              key={control.id}
              spec={control}
              code={code}
              lang={lang}
              t={t}
              onCode={changeCode}
            />
          ))}
        </fieldset>
      )}
      {spec && sweep && (
        <div
          className="explore-sweep-box"
          data-sweep-state={sweep.source === code ? 'current' : 'computing'}
        >
          {sweep.status === 'ok' ? (
            <SweepChart
              spec={spec}
              lines={sweep.lines}
              runs={sweep.runs}
              lang={lang}
              t={t}
              current={current?.status === 'ok' ? current.value : undefined}
            />
          ) : (
            <p className="explore-sweep-failed">{sweep.message}</p>
          )}
          {/* Not a live region: a slider's every step would announce it; the run's own
              announcement says what changed. */}
          <p className="explore-sweep-meta">
            {sweep.source !== code
              ? t.sweep.computing
              : sweep.status === 'ok' && sweep.wallMs !== undefined
                ? fill(t.sweep.meta, { runs: sweep.runs, ms: `${sweep.wallMs.toFixed(0)} ms` })
                : sweep.status === 'ok'
                  ? fill(t.sweep.metaBuild, { runs: sweep.runs })
                  : ''}
          </p>
        </div>
      )}
      {shown && (
        <div className="explore-pin">
          <button
            type="button"
            data-on={pinned !== undefined || undefined}
            onClick={() =>
              setPinned(pinned ? undefined : { result: shown.result, source: shown.source })
            }
          >
            {pinned ? t.compare.unpin : t.compare.pin}
          </button>
          {pinned && pinned.result === shown.result && <span>{t.compare.pinnedNote}</span>}
        </div>
      )}
      {pinned && shown && pinned.result !== shown.result && (
        <ComparePanel pinned={pinned} current={shown} controls={setup.controls} lang={lang} t={t} />
      )}
    </div>
  );
}
