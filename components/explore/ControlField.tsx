// One parameter as a control: a slider (or a list, for a value with few choices) and a number
// field, both bound to the parameter's literal in the code. Moving either rewrites the literal;
// a value the kernel would refuse is not written, and the message says why. When the reader's
// edits leave no literal to bind to, the control is disabled and says what it is missing.
import { useEffect, useId, useMemo, useState } from 'react';
import { readControl, writeControl } from '../../src/runner/explore/controlValues';
import type { ControlSpec } from '../../src/runner/explore/controlSpec';
import { PARAMETERS } from '../../src/runner/explore/parameters';
import { bindingText, problemText, unitText, valueText } from './controlText';
import { fill, type ExploreLang, type ExploreStrings } from './strings';

interface Props {
  spec: ControlSpec;
  code: string;
  lang: ExploreLang;
  t: ExploreStrings;
  /** The code with the literal rewritten. */
  onCode: (next: string) => void;
}

export function ControlField({ spec, code, lang, t, onCode }: Props) {
  const parameter = PARAMETERS[spec.id];
  const reading = useMemo(() => readControl(code, parameter), [code, parameter]);
  const id = useId();
  const value = reading.status === 'ok' ? reading.value : undefined;
  /** The number field's text while the reader types in it (it may not be a valid value yet). */
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  // A new value in the code (from this control, another, or the editor) replaces what was typed.
  useEffect(() => setTyped(undefined), [value]);

  const name = t.parameters[spec.id].name;
  const unit = unitText(parameter, t);
  const unbound = bindingText(parameter, reading, t);
  const message = unbound ?? problem;
  const messageId = `${id}-message`;

  const apply = (text: string) => {
    const next = text.trim() === '' ? Number.NaN : Number(text);
    const written = writeControl(code, parameter, next);
    if (written.status === 'rejected') {
      setProblem(problemText(parameter, written.problem, text, t, lang));
      return;
    }
    setProblem(undefined);
    if (written.status === 'ok' && written.source !== code) onCode(written.source);
  };

  const [min, max] = spec.range;
  const shared = {
    disabled: unbound !== undefined,
    'aria-describedby': message ? messageId : undefined,
  };
  return (
    <div
      className="explore-control"
      data-parameter={spec.id}
      data-bound={unbound === undefined || undefined}
      data-invalid={problem !== undefined || undefined}
    >
      <label className="explore-control-name" htmlFor={`${id}-slider`}>
        {name}
      </label>
      <div className="explore-control-inputs">
        {parameter.choices ? (
          <select
            id={`${id}-slider`}
            value={value === undefined ? '' : String(value)}
            onChange={(event) => apply(event.target.value)}
            {...shared}
          >
            {value !== undefined && !parameter.choices.includes(value) && (
              <option value={String(value)}>{valueText(parameter, value, t, lang)}</option>
            )}
            {parameter.choices.map((choice) => (
              <option key={choice} value={String(choice)}>
                {valueText(parameter, choice, t, lang)}
              </option>
            ))}
          </select>
        ) : (
          <>
            <input
              id={`${id}-slider`}
              type="range"
              min={min}
              max={max}
              step={spec.step}
              value={value === undefined ? min : Math.min(max, Math.max(min, value))}
              aria-valuetext={
                value === undefined ? undefined : valueText(parameter, value, t, lang)
              }
              onChange={(event) => apply(event.target.value)}
              {...shared}
            />
            <input
              className="explore-control-number"
              type="number"
              inputMode="decimal"
              step={spec.step}
              aria-label={unit ? fill(t.controls.numberLabel, { name, unit }) : name}
              aria-invalid={problem !== undefined || undefined}
              value={typed ?? (value === undefined ? '' : String(value))}
              onChange={(event) => {
                setTyped(event.target.value);
                apply(event.target.value);
              }}
              // Leaving the field shows the code's value again; a refusal stays until the next change.
              onBlur={() => setTyped(undefined)}
              {...shared}
            />
            {unit && (
              <span className="explore-control-unit" aria-hidden="true">
                {unit}
              </span>
            )}
          </>
        )}
      </div>
      <p id={messageId} className="explore-control-message" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
