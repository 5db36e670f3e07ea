import { describe, expect, it } from 'vitest';
import { checkValue, readControl, writeControl } from './controlValues';
import { PARAMETERS } from './parameters';

const code = `import { createLab } from 'tcp-lab';
const lab = createLab({ rtt: 20, hz: 250, loss: 0.01 });
const conn = lab.connect();
conn.server.setKeepAlive(true, { idle: '2m', interval: "5s", count: 3 });
lab.at('1s', () => lab.client.unplug());
lab.at('31s', () => lab.client.plugIn());
lab.run({ until: '1h' });
`;

describe('readControl', () => {
  it('reads durations in the control’s unit, whatever unit the code used', () => {
    expect(readControl(code, PARAMETERS.keepIdle)).toEqual({ status: 'ok', value: 120 });
    expect(readControl(code, PARAMETERS.replugAt)).toEqual({ status: 'ok', value: 31 });
    // A bare number is milliseconds, as the lab reads it.
    expect(readControl(code, PARAMETERS.rtt)).toEqual({ status: 'ok', value: 20 });
    expect(readControl(code, PARAMETERS.keepCount)).toEqual({ status: 'ok', value: 3 });
  });

  it('says when the literal cannot be read as the parameter', () => {
    const odd = code.replace("'2m'", "'soon'").replace('count: 3', "count: 'three'");
    expect(readControl(odd, PARAMETERS.keepIdle)).toEqual({ status: 'unreadable', text: 'soon' });
    expect(readControl(odd, PARAMETERS.keepCount)).toEqual({ status: 'unreadable', text: 'three' });
    expect(readControl(code, PARAMETERS.userTimeout)).toEqual({ status: 'missing' });
  });
});

describe('checkValue', () => {
  it('refuses impossible values, naming the limit', () => {
    expect(checkValue(PARAMETERS.keepCount, 128)).toEqual({
      code: 'too-large',
      max: 127,
      inclusive: true,
    });
    expect(checkValue(PARAMETERS.keepIdle, 0)).toEqual({ code: 'too-small', min: 1 });
    expect(checkValue(PARAMETERS.keepIdle, 1.5)).toEqual({ code: 'not-whole' });
    expect(checkValue(PARAMETERS.loss, 1)).toEqual({ code: 'too-large', max: 1, inclusive: false });
    expect(checkValue(PARAMETERS.hz, 200)).toEqual({
      code: 'not-a-choice',
      choices: [100, 250, 300, 1000],
    });
    expect(checkValue(PARAMETERS.rtt, Number.NaN)).toEqual({ code: 'not-a-number' });
    expect(checkValue(PARAMETERS.tcpRetries2, 15)).toBeUndefined();
  });
});

describe('writeControl', () => {
  it('writes the value in the control’s unit, keeping the literal’s form and quotes', () => {
    const idle = writeControl(code, PARAMETERS.keepIdle, 40);
    expect(idle.status === 'ok' && idle.source).toBe(code.replace("'2m'", "'40s'"));
    const interval = writeControl(code, PARAMETERS.keepInterval, 7);
    expect(interval.status === 'ok' && interval.source).toBe(code.replace('"5s"', '"7s"'));
    const rtt = writeControl(code, PARAMETERS.rtt, 300);
    expect(rtt.status === 'ok' && rtt.source).toBe(code.replace('rtt: 20', 'rtt: 300'));
    const loss = writeControl(code, PARAMETERS.loss, 0.1 + 0.2);
    expect(loss.status === 'ok' && loss.source).toBe(code.replace('loss: 0.01', 'loss: 0.3'));
  });

  it('leaves the code alone for a bad value or a literal that is gone', () => {
    expect(writeControl(code, PARAMETERS.keepCount, 0)).toEqual({
      status: 'rejected',
      problem: { code: 'too-small', min: 1 },
    });
    expect(writeControl(code, PARAMETERS.userTimeout, 30)).toEqual({ status: 'missing' });
  });
});
