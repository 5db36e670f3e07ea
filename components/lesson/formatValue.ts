// How a number taken from a run reads in prose, in the page's language.
import type { Lang } from '../../src/i18n';
import { formatDuration, trimmed } from '../viz/format';
import { vizStrings } from '../viz/strings';

export const formats = ['duration', 'seconds', 'ms', 'count', 'text'] as const;
export type ValueFormat = (typeof formats)[number];

export function isValueFormat(value: unknown): value is ValueFormat {
  return typeof value === 'string' && (formats as readonly string[]).includes(value);
}

export function formatValue(value: number | string, format: ValueFormat, lang: Lang): string {
  if (format === 'text') return String(value);
  if (typeof value !== 'number') {
    throw new Error(`The format "${format}" needs a number, but the value is the text "${value}".`);
  }
  const units = vizStrings(lang).units;
  switch (format) {
    case 'duration':
      return formatDuration(value, lang);
    case 'seconds':
      return `${trimmed(value / 1000, 3)} ${units.s}`;
    case 'ms':
      return `${trimmed(value, 1)} ${units.ms}`;
    case 'count':
      return String(Math.round(value));
  }
}
