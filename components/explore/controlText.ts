// What a control says: its value with the unit, why a value is refused, and why the control
// cannot bind to the code right now. All in the page's language.
import type { Problem, Reading } from '../../src/runner/explore/controlValues';
import type { Parameter } from '../../src/runner/explore/parameters';
import { fill, type ExploreLang, type ExploreStrings } from './strings';

/** The unit a parameter is shown in, in words of the page's language ('' for a plain number). */
export function unitText(parameter: Parameter, t: ExploreStrings): string {
  if (parameter.kind === 'duration') return t.units[parameter.unit ?? 'ms'];
  if (parameter.id === 'hz') return t.units.hz;
  if (parameter.id === 'keepCount') return t.units.count;
  return '';
}

export function valueText(
  parameter: Parameter,
  value: number,
  t: ExploreStrings,
  lang: ExploreLang,
): string {
  const unit = unitText(parameter, t);
  const number = value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', {
    maximumFractionDigits: 6,
  });
  return unit ? `${number} ${unit}` : number;
}

export function problemText(
  parameter: Parameter,
  problem: Problem,
  typed: string,
  t: ExploreStrings,
  lang: ExploreLang,
): string {
  const name = t.parameters[parameter.id].name;
  const asNumber = Number(typed);
  const value =
    Number.isFinite(asNumber) && typed.trim() !== ''
      ? valueText(parameter, asNumber, t, lang)
      : typed;
  switch (problem.code) {
    case 'not-a-number':
      return fill(t.problems.notANumber, { name });
    case 'not-whole':
      return fill(t.problems.notWhole, { name });
    case 'too-small':
      return fill(t.problems.tooSmall, {
        name,
        min: valueText(parameter, problem.min, t, lang),
        value,
      });
    case 'too-large':
      return fill(problem.inclusive ? t.problems.tooLarge : t.problems.tooLargeOpen, {
        name,
        max: valueText(parameter, problem.max, t, lang),
        value,
      });
    case 'not-a-choice':
      return fill(t.problems.notAChoice, {
        name,
        choices: problem.choices.join(lang === 'zh' ? '、' : ', '),
        value,
      });
  }
}

/** Why the control is not bound to a literal, or undefined when it is. */
export function bindingText(
  parameter: Parameter,
  reading: Reading,
  t: ExploreStrings,
): string | undefined {
  const { name, where } = t.parameters[parameter.id];
  switch (reading.status) {
    case 'ok':
      return undefined;
    case 'missing':
      return fill(t.binding.missing, { name, where });
    case 'not-literal':
      return fill(t.binding.notLiteral, { name, text: reading.text });
    case 'ambiguous':
      return fill(t.binding.ambiguous, { name, count: reading.count });
    case 'unparsable':
      return t.binding.unparsable;
    case 'unreadable':
      return fill(t.binding.unreadable, { name, text: reading.text });
  }
}
