// What the site shows of the measurements: every scenario in both languages, Chinese typography.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparisonPage, formatRange, measuredLine, measuredValue } from './display.ts';
import type { Measurement } from './measurement.ts';
import { SCENARIOS } from './scenarios.ts';

const texts = (id: string, lang: 'en' | 'zh'): string[] => {
  const line = measuredLine(id, lang)!;
  return [
    line.heading,
    ...line.items.flatMap((i) => [i.text, i.engineNote]),
    line.variant,
    ...line.reasons,
  ];
};

describe('measured lines and the comparison page', () => {
  it('every scenario has a line in both languages, quoting its headline events', () => {
    for (const scenario of SCENARIOS) {
      for (const lang of ['en', 'zh'] as const) {
        const line = measuredLine(scenario.id, lang);
        expect(line, `${scenario.id} (${lang})`).toBeDefined();
        expect(line!.items.length).toBe(Math.max(1, scenario.headline.length));
        expect(line!.heading).toMatch(/Linux \d+\.\d+/);
      }
    }
    expect(comparisonPage('en').rows.map((r) => r.scenario)).toEqual(SCENARIOS.map((s) => s.id));
  });

  it('Chinese text uses full-width punctuation and no space after a unit before Chinese', () => {
    for (const scenario of SCENARIOS) {
      for (const text of texts(scenario.id, 'zh')) {
        expect(text, text).not.toMatch(/[\u4e00-\u9fff][,;:!?]|[,;:!?] ?[\u4e00-\u9fff]/);
        expect(text, text).not.toMatch(/(秒|毫秒|微秒|分钟|小时) [\u4e00-\u9fff]/);
        // Parentheses around Chinese are full-width; a call such as connect() keeps its own.
        expect(text, text).not.toMatch(
          /[\u4e00-\u9fff] ?\((?!\))|(?<!\()\) ?[\u4e00-\u9fff]|\([\u4e00-\u9fff]/,
        );
      }
    }
  });

  it('formats a range once when both ends round the same', () => {
    expect(formatRange(13_321, 13_472, 'en')).toBe('13.32–13.47 s');
    expect(formatRange(13_366.7, 13_366.9, 'zh')).toBe('13.37 秒');
    expect(formatRange(0.99, 1.47, 'en')).toBe('1.0–1.5 ms');
  });
});

describe('a measured value quoted in the prose', () => {
  const record = JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', '..', 'content', 'measurements', 'lan-sender-aborts.json'),
      'utf8',
    ),
  ) as Measurement;
  const abort = record.events.find((e) => e.key === 'server:error:EHOSTUNREACH')!;

  it("is the record's range for an event, and its kernel, HZ and runs for 'source'", () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(measuredValue('lan-sender-aborts', abort.key, lang, 'send')).toBe(
        formatRange(abort.min, abort.max, lang),
      );
    }
    expect(measuredValue('lan-sender-aborts', 'source', 'en')).toBe(
      `Linux ${record.kernel.release.split('.').slice(0, 2).join('.')}, HZ=${record.kernel.hz}, ${record.runs} runs`,
    );
  });

  it('names what exists when the scenario, the event or its starting step is wrong', () => {
    expect(() => measuredValue('no-such-scenario', 'source', 'en')).toThrow(
      /No measurement of "no-such-scenario".*lan-sender-aborts/,
    );
    expect(() => measuredValue('lan-sender-aborts', 'server:error:ETIMEDOUT', 'en')).toThrow(
      /no event "server:error:ETIMEDOUT".*server:error:EHOSTUNREACH/,
    );
    expect(() => measuredValue('lan-sender-aborts', abort.key, 'en', 'unplug')).toThrow(
      /timed from "send", not from "unplug"/,
    );
  });
});
