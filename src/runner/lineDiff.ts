// A line diff of the reader's code against the lesson's original, for the playground's compare
// view: the longest common subsequence of lines, so unchanged lines line up and every change is
// shown as lines removed from the original and lines added by the reader.
export type DiffLine =
  | { kind: 'same'; text: string; before: number; after: number }
  | { kind: 'removed'; text: string; before: number }
  | { kind: 'added'; text: string; after: number };

/** Past this many lines on either side the table would be too large; a snippet is ~20 lines. */
export const MAX_DIFF_LINES = 2000;

export function splitLines(code: string): string[] {
  const lines = code.split(/\r?\n/);
  // A final newline ends the last line; it does not start an empty one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Line numbers (before, after) count from 1. Throws RangeError past MAX_DIFF_LINES. */
export function lineDiff(original: string, edited: string): DiffLine[] {
  const a = splitLines(original);
  const b = splitLines(edited);
  if (a.length > MAX_DIFF_LINES || b.length > MAX_DIFF_LINES) {
    throw new RangeError(`code longer than ${MAX_DIFF_LINES} lines`);
  }
  // Trim the common head and tail first: an edit usually touches a few lines in the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);

  // lcs[i][j]: length of the longest common subsequence of midA[i..] and midB[j..].
  const rows = midA.length + 1;
  const cols = midB.length + 1;
  const lcs = new Uint32Array(rows * cols);
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      lcs[i * cols + j] =
        midA[i] === midB[j]
          ? lcs[(i + 1) * cols + j + 1]! + 1
          : Math.max(lcs[(i + 1) * cols + j]!, lcs[i * cols + j + 1]!);
    }
  }

  const out: DiffLine[] = [];
  for (let k = 0; k < head; k++)
    out.push({ kind: 'same', text: a[k]!, before: k + 1, after: k + 1 });
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      out.push({ kind: 'same', text: midA[i]!, before: head + i + 1, after: head + j + 1 });
      i++;
      j++;
    } else if (
      j >= midB.length ||
      (i < midA.length && lcs[(i + 1) * cols + j]! >= lcs[i * cols + j + 1]!)
    ) {
      out.push({ kind: 'removed', text: midA[i]!, before: head + i + 1 });
      i++;
    } else {
      out.push({ kind: 'added', text: midB[j]!, after: head + j + 1 });
      j++;
    }
  }
  for (let k = 0; k < tail; k++) {
    const before = a.length - tail + k;
    const after = b.length - tail + k;
    out.push({ kind: 'same', text: a[before]!, before: before + 1, after: after + 1 });
  }
  return out;
}
