// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as engine from 'tcp-lab';
import { runSnippet } from '../../src/runner/runSnippet';
import { ErrorCard } from './ErrorCard';
import { playgroundStrings } from './strings';

afterEach(cleanup);

describe('ErrorCard', () => {
  it("states the lab's argument errors as a sentence naming the argument, with the line", () => {
    render(
      <ErrorCard
        t={playgroundStrings('en')}
        failure={{
          status: 'runtime-error',
          error: {
            kind: 'lab',
            name: 'LabError',
            argument: 'at(time)',
            message: "'5 parsecs' is not a duration.",
            line: 8,
            column: 5,
          },
          logs: [],
          droppedLogs: 0,
          wallMs: 1,
        }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      "The code stopped with an errorLine 8: The lab did not accept the value of at(time): '5 parsecs' is not a duration.",
    );
  });

  it('lists type errors with line and column, in Chinese too', () => {
    render(
      <ErrorCard
        t={playgroundStrings('zh')}
        failure={{
          status: 'type-errors',
          problems: [
            { line: 4, column: 31, message: "Type 'string' is not assignable to type 'number'." },
          ],
        }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain(
      '代码中有 1 处类型错误；和 tsc 一样，代码照样运行了。',
    );
    expect(screen.getByRole('alert').textContent).toContain('第 4 行第 31 列：');
  });

  it("names the argument once, for the lab's own message (which starts with it)", () => {
    const run = runSnippet(
      "import { createLab } from 'tcp-lab';\nconst lab = createLab();\nlab.at(-5000, () => {});\n",
      engine,
    );
    if (run.status !== 'runtime-error')
      throw new Error(`expected a runtime error, got ${run.status}`);
    expect(run.error.message).toMatch(/^at\(time\): -5000 is negative/);
    render(<ErrorCard t={playgroundStrings('en')} failure={run} />);
    const text = screen.getByRole('alert').textContent!;
    expect(text).toContain('The lab did not accept the value of at(time): -5000 is negative');
    expect(text.match(/at\(time\)/g)).toHaveLength(1);
  });

  it('names the time limit that stopped a run', () => {
    render(
      <ErrorCard
        t={playgroundStrings('en')}
        failure={{ status: 'timeout', limitMs: 2000, wallMs: 2001 }}
      />,
    );
    const text = screen.getByRole('alert').textContent;
    expect(text).toContain('went past the 2-second limit and was stopped');
    // The runner cannot tell a loop from a long simulation, so it does not guess.
    expect(text).not.toContain('endless loop?');
    expect(text).toContain('a simulation with very many events');
  });

  it('offers to jump to the line when an editor is open', () => {
    let shown: number[] = [];
    render(
      <ErrorCard
        t={playgroundStrings('en')}
        onShowLine={(line, column) => (shown = [line, column])}
        failure={{
          status: 'runtime-error',
          error: { kind: 'thrown', name: 'Error', message: 'Boom.', line: 3, column: 7 },
          logs: [],
          droppedLogs: 0,
          wallMs: 1,
        }}
      />,
    );
    screen.getByRole('button', { name: 'Line 3:' }).click();
    expect(shown).toEqual([3, 7]);
  });
});
