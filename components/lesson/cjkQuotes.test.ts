// Chinese quotes are “”, never the straight ASCII quote: in the chapters' prose, in the Chinese
// snippets' comments and output, and in every Chinese string the site's components show.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n';
import { SCENARIOS } from '../../src/measurements/scenarios';
import { chapterSlugs } from '../viz/chapters';
import {
  chapterProse,
  hasStraightQuoteInChinese,
  snippetText,
  type TextLine,
} from './testing/chineseText';

const contentDir = join(import.meta.dirname, '..', '..', 'content');
const snippetDir = join(contentDir, 'snippets');

const offending = (lines: TextLine[]) =>
  lines.filter((l) => hasStraightQuoteInChinese(l.text)).map((l) => `${l.line}: ${l.text}`);

/** Every string in a nested object, with its path. */
function strings(value: unknown, path: string): TextLine[] {
  if (typeof value === 'string') return [{ line: 0, text: `${path} = ${value}` }];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => strings(v, `${path}.${key}`));
}

describe('straight quotes in Chinese text', () => {
  it('are found next to Chinese text or around it, and not elsewhere', () => {
    expect(hasStraightQuoteInChinese('内核回答"窗口为 0"，')).toBe(true);
    expect(hasStraightQuoteInChinese('本机的"主机不可达"')).toBe(true);
    expect(hasStraightQuoteInChinese('读到 "{}"')).toBe(true);
    expect(hasStraightQuoteInChinese('内核回答“窗口为 0”，')).toBe(false);
    expect(hasStraightQuoteInChinese('console.log("hello")')).toBe(false);
  });

  it('leave code spans, code blocks and tag attributes out of the prose', () => {
    const source = [
      'import X from "./x";',
      '按 `"运行"` 键，',
      '<Computed snippet="a" value="b" />秒后',
      '```sh',
      'echo "你好"',
      '```',
      '<Predict question="问题？" choices={{ a: \'选"项"\' }}>',
      '</Predict>',
    ].join('\n');
    expect(offending(chapterProse(source))).toEqual(['7: 选"项"']);
  });

  for (const slug of chapterSlugs) {
    it(`none in zh/${slug}.mdx`, () => {
      const source = readFileSync(join(contentDir, 'zh', `${slug}.mdx`), 'utf8');
      expect(offending(chapterProse(source))).toEqual([]);
    });
  }

  it('none in the Chinese snippets’ comments and strings', () => {
    for (const name of readdirSync(snippetDir).filter((n) => n.endsWith('.zh.ts'))) {
      const source = readFileSync(join(snippetDir, name), 'utf8');
      expect(offending(snippetText(source)), name).toEqual([]);
    }
  });

  it('none in the site’s Chinese strings', () => {
    const zh = [
      ...strings(useTranslations('zh'), 'zh'),
      ...SCENARIOS.flatMap((s) => strings(s, s.id).filter((l) => /\.zh = /.test(l.text))),
    ];
    expect(zh.length).toBeGreaterThan(100);
    expect(offending(zh)).toEqual([]);
  });
});
