import { describe, expect, it } from 'vitest';
import { runSnippet } from './runSnippet';
import { fakeEngine } from './testing/fakeEngine';

const header = `import { createLab } from 'tcp-lab';\n`;

describe('runSnippet', () => {
  it('strips types and binds the engine to the module name snippets import', () => {
    const run = runSnippet(
      `${header}const lab: ReturnType<typeof createLab> = createLab();\nlab.run();\n`,
      fakeEngine(),
    );
    expect(run.status).toBe('ok');
    if (run.status === 'ok') expect(run.result.outcome.summary).toBe('run 1');
  });

  it('keeps the result of the last lab.run() the snippet made', () => {
    const run = runSnippet(
      `${header}const lab = createLab();\nlab.run();\nlab.run();\nlab.run();\n`,
      fakeEngine(),
    );
    expect(run.status === 'ok' && run.result.end).toBe(3000);
  });

  it('says so when the snippet never ran the lab', () => {
    expect(runSnippet(`${header}createLab();\n`, fakeEngine()).status).toBe('no-run');
  });

  it('stops listening to the engine after the run, even when the snippet threw', () => {
    const engine = fakeEngine();
    runSnippet(`${header}createLab().run();\n`, engine);
    runSnippet(`${header}throw new Error('x');\n`, engine);
    expect(engine.listenerCount()).toBe(0);
  });

  it('reports a syntax error with its line and column and does not run', () => {
    const engine = fakeEngine();
    const run = runSnippet(
      `${header}const lab = createLab();\nconst x: = 3;\nlab.run();\n`,
      engine,
    );
    expect(run).toMatchObject({ status: 'compile-error', error: { line: 3, column: 10 } });
  });

  it('maps a thrown error to the line of the TypeScript source, types and all', () => {
    const source = [
      header.trimEnd(),
      'interface Plan {',
      '  wait: number;',
      '}',
      'const plan: Plan = { wait: 3 };',
      'if (plan.wait > 2) {',
      "  throw new Error('the plan is too slow');",
      '}',
    ].join('\n');
    const run = runSnippet(source, fakeEngine());
    expect(run).toMatchObject({
      status: 'runtime-error',
      error: { kind: 'thrown', message: 'The plan is too slow.', line: 7 },
    });
  });

  it('maps a call on undefined to its line', () => {
    const run = runSnippet(
      `${header}const lab = createLab();\nconst conn: any = undefined;\n\nconn.client.send(1);\n`,
      fakeEngine(),
    );
    expect(run).toMatchObject({
      status: 'runtime-error',
      error: { kind: 'thrown', name: 'TypeError', line: 5 },
    });
  });

  it("tells the engine's argument errors apart and points at the reader's call", () => {
    const run = runSnippet(
      `${header}const lab = createLab();\n\nlab.at('-1s', () => {});\n`,
      fakeEngine(),
    );
    expect(run).toMatchObject({
      status: 'runtime-error',
      error: {
        kind: 'lab',
        argument: 'at(time)',
        message: "at(): time must not be negative, got '-1s'.",
        line: 4,
      },
    });
  });

  it('refuses imports other than the engine, naming the module', () => {
    const run = runSnippet(
      `import fs from 'node:fs';\nfs.readFileSync('/etc/passwd');\n`,
      fakeEngine(),
    );
    expect(run).toMatchObject({ status: 'runtime-error', error: { kind: 'import', line: 1 } });
    if (run.status === 'runtime-error') expect(run.error.message).toContain("'node:fs'");
  });

  it('captures console output instead of printing it, and caps it', () => {
    const run = runSnippet(
      `for (let i = 0; i < 500; i++) console.log('line', i, { i });\n`,
      fakeEngine(),
    );
    expect(run.status).toBe('no-run');
    if (run.status !== 'no-run') return;
    expect(run.logs[0]).toBe('line 0 {"i":0}');
    expect(run.logs).toHaveLength(200);
    expect(run.droppedLogs).toBe(300);
  });

  it('measures the wall time of the evaluation', () => {
    let clock = 0;
    const run = runSnippet(`${header}createLab().run();\n`, fakeEngine(), {
      now: () => (clock += 7),
    });
    expect(run.status === 'ok' && run.wallMs).toBe(7);
  });
});
