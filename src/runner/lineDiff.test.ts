import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DIFF_LINES, lineDiff, splitLines } from './lineDiff';

const original = `const lab = createLab();\nlab.client.unplug();\nlab.at('31s', () => lab.client.plugIn());\nlab.run({ until: '3h' });\n`;

describe('line diff of an edit against the original', () => {
  it('shows a changed line as removed then added, the rest unchanged with both line numbers', () => {
    const edited = original.replace("'31s'", "'45s'");
    expect(lineDiff(original, edited)).toEqual([
      { kind: 'same', text: 'const lab = createLab();', before: 1, after: 1 },
      { kind: 'same', text: 'lab.client.unplug();', before: 2, after: 2 },
      { kind: 'removed', text: "lab.at('31s', () => lab.client.plugIn());", before: 3 },
      { kind: 'added', text: "lab.at('45s', () => lab.client.plugIn());", after: 3 },
      { kind: 'same', text: "lab.run({ until: '3h' });", before: 4, after: 4 },
    ]);
  });

  it('numbers lines after an insertion by their place in the edit', () => {
    const edited = original.replace('lab.client.unplug();\n', 'lab.client.unplug();\n// why\n');
    const diff = lineDiff(original, edited);
    expect(diff.filter((line) => line.kind === 'added')).toEqual([
      { kind: 'added', text: '// why', after: 3 },
    ]);
    expect(diff.at(-1)).toEqual({
      kind: 'same',
      text: "lab.run({ until: '3h' });",
      before: 4,
      after: 5,
    });
  });

  it('has no changes for the original itself, and ignores a missing final newline', () => {
    expect(lineDiff(original, original).every((line) => line.kind === 'same')).toBe(true);
    expect(lineDiff(original, original.trimEnd()).every((line) => line.kind === 'same')).toBe(true);
  });

  it('always rebuilds both sides from its lines', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, (left, right) => {
        const [a, b] = [left.join('\n'), right.join('\n')];
        const diff = lineDiff(a, b);
        const before = diff.filter((l) => l.kind !== 'added').map((l) => l.text);
        const after = diff.filter((l) => l.kind !== 'removed').map((l) => l.text);
        expect(before).toEqual(splitLines(a));
        expect(after).toEqual(splitLines(b));
      }),
    );
  });

  it('refuses code too long to show as a table', () => {
    expect(() => lineDiff('x\n'.repeat(MAX_DIFF_LINES + 1), 'x')).toThrow(RangeError);
  });
});
