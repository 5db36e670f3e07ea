// Chinese typography around computed values: no space between a number with its unit and the
// Chinese text after it ('15 分钟 45.3 秒放弃'), a space after a count ('重传了 15 次').
import { describe, expect, it } from 'vitest';
import zhViz from '../../src/i18n/zh/viz';
import { computedSpacing, type SpacingContext } from './computedSpacing';
import { endsInWordUnit, endsWithCjk, formatValue, formats } from './formatValue';

/** Runs the plugin on one paragraph: [text, <Computed format=…/> (or another tag), text]. */
function spaced(
  format: string | undefined,
  after: string,
  name = 'Computed',
  show?: string,
): string {
  const attributes = [
    ...(format ? [{ type: 'mdxJsxAttribute', name: 'format', value: format }] : []),
    ...(show ? [{ type: 'mdxJsxAttribute', name: 'show', value: show }] : []),
  ];
  const tag = { type: 'mdxJsxTextElement', name, attributes };
  const text = { type: 'text' as const, value: after };
  const paragraph = { children: [{ type: 'text', value: '发送后 ' }, tag, text] };
  const ctx: SpacingContext = {
    parent: () => paragraph,
    indexOf: (node) => paragraph.children.indexOf(node),
    setProperty: (node, key, value) => {
      node[key] = value;
    },
  };
  computedSpacing.text(text, ctx);
  return text.value;
}

describe('spacing between a computed value and Chinese text', () => {
  it('knows which formats end in a unit written in words, as formatValue writes them', () => {
    const samples: Record<(typeof formats)[number], number | string | number[]> = {
      duration: 945_280,
      seconds: 131_000,
      ms: 220,
      count: 15,
      text: 'ETIMEDOUT',
      'seconds-list': [0, 1000, 2000],
    };
    for (const format of formats) {
      for (const lang of ['zh', 'en'] as const) {
        expect(endsWithCjk(formatValue(samples[format], format, lang)), `${format}, ${lang}`).toBe(
          endsInWordUnit(format, lang),
        );
      }
    }
    expect(formatValue(201, 'duration', 'zh')).toBe('201 毫秒');
  });

  it('takes the space out of the source after a duration, and keeps it after a count', () => {
    expect(spaced(undefined, ' 放弃，')).toBe('放弃，');
    expect(spaced('seconds-list', ' 发出')).toBe('发出');
    expect(spaced('count', ' 次。')).toBe(' 次。');
    expect(spaced(undefined, ' after the send')).toBe(' after the send');
    expect(spaced(undefined, '。')).toBe('。');
    expect(spaced(undefined, ' 的相位', 'Sweep', 'share')).toBe('的相位');
    expect(spaced(undefined, ' 个相位', 'Sweep', 'runs')).toBe(' 个相位');
    expect(spaced(undefined, ' 之间', 'Sweep', 'max')).toBe('之间');
    expect(spaced(undefined, ' 报告', 'Measured')).toBe('报告');
  });

  it('writes durations in the diagrams and timelines without a space before Chinese text', () => {
    const durationSlots = /\{(t|d|span)\} [\u3400-\u9fff]/u;
    const offending = JSON.stringify(zhViz)
      .split('","')
      .filter((template) => durationSlots.test(template));
    expect(offending).toEqual([]);
  });
});
