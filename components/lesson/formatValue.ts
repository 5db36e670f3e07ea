// How a number taken from a run reads in prose, in the page's language.
import type { Lang } from '../../src/i18n';
import { formatDuration, trimmed } from '../viz/format';
import { vizStrings } from '../viz/strings';

export const formats = ['duration', 'seconds', 'ms', 'count', 'text', 'seconds-list'] as const;
export type ValueFormat = (typeof formats)[number];

export function isValueFormat(value: unknown): value is ValueFormat {
  return typeof value === 'string' && (formats as readonly string[]).includes(value);
}

export function formatValue(
  value: number | string | number[],
  format: ValueFormat,
  lang: Lang,
): string {
  if (format === 'seconds-list') {
    if (!Array.isArray(value)) throw new Error(`The format "seconds-list" needs a list of times.`);
    const separator = lang === 'zh' ? '、' : ', ';
    return `${value.map((ms) => trimmed(ms / 1000, 3)).join(separator)} ${vizStrings(lang).units.s}`;
  }
  if (Array.isArray(value)) {
    throw new Error(
      `The value is a list of times; use format="seconds-list" for it, not "${format}".`,
    );
  }
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

/** CJK ideographs, kana and full-width punctuation. */
const CJK = /[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/u;

export function startsWithCjk(text: string): boolean {
  return CJK.test(text.charAt(0));
}

export function endsWithCjk(text: string): boolean {
  return CJK.test(text.charAt(text.length - 1));
}

/**
 * Whether a value in this format ends in a unit written out in words in this language ('45.3 秒',
 * '201 毫秒'), after which Chinese text follows with no space; a count or a name ('15', 'ETIMEDOUT')
 * keeps its space.
 */
export function endsInWordUnit(format: ValueFormat, lang: Lang): boolean {
  return lang === 'zh' && format !== 'count' && format !== 'text';
}
