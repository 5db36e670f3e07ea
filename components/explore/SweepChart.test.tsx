// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import * as engine from 'tcp-lab';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import {
  sweepSnippet,
  packSweep,
  unpackSweep,
  type SweepSpec,
} from '../../src/runner/explore/sweep';
import { SweepChart } from './SweepChart';
import { exploreStrings } from './strings';

afterEach(cleanup);

const code = `import { createLab } from 'tcp-lab';
const lab = createLab({ rtt: '1ms', server: { sysctl: { tcp_retries2: 5 } } });
const conn = lab.connect();
lab.at('1s', () => lab.client.unplug());
lab.at('2s', () => conn.server.send('hello'));
lab.run({ until: '10m' });
`;
const spec: SweepSpec = {
  over: 'tcpRetries2',
  from: 1,
  to: 8,
  step: 1,
  measure: 'giveUpAfterSend',
  series: { over: 'hz', values: [100, 1000] },
};

function sweep() {
  const result = sweepSnippet(code, spec, engine);
  if (result.status !== 'ok') throw new Error(result.message);
  return result;
}

describe('SweepChart', () => {
  it('is an image with a title and a description that gives each line’s range', () => {
    const { lines, runs } = sweep();
    render(
      <SweepChart
        spec={spec}
        lines={lines}
        runs={runs}
        lang="en"
        t={exploreStrings('en')}
        current={5}
      />,
    );
    const chart = screen.getByRole('img', {
      name: /Time to give up after the send against tcp_retries2/,
    });
    const description = chart.querySelector('desc')!.textContent!;
    expect(description).toMatch(
      /^16 runs, tcp_retries2 from 1 to 8\. CONFIG_HZ = 100 Hz: .+ to .+; CONFIG_HZ = 1,000 Hz: /,
    );
    // Axis labels name the parameter and the measure.
    expect(chart.querySelector('[data-axis="x"]')!.textContent).toBe('tcp_retries2');
    expect(chart.querySelector('[data-axis="y"]')!.textContent).toBe(
      'Time to give up after the send',
    );
    expect(chart.querySelectorAll('.explore-sweep-line')).toHaveLength(2);
    // A dot per run: each line's dots path moves to each of its points.
    const dots = [...chart.querySelectorAll('.explore-sweep-dots')].map(
      (path) => path.getAttribute('d')!.match(/m/gi)!.length,
    );
    expect(dots).toEqual([8, 8]);
    expect(chart.querySelector('.explore-sweep-current')).not.toBeNull();
  });

  it('switches to a table with a header per line and a row per value', () => {
    const { lines, runs } = sweep();
    render(
      <SweepChart
        spec={spec}
        lines={lines}
        runs={runs}
        lang="zh"
        t={exploreStrings('zh')}
        current={5}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '以表格显示' }));
    const table = screen.getByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'tcp_retries2',
      '发送后多久放弃（CONFIG_HZ = 100 Hz）',
      '发送后多久放弃（CONFIG_HZ = 1,000 Hz）',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(8);
    expect(rows[4]!.getAttribute('aria-current')).toBe('true');
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('1');
    // The button now offers the way back.
    expect(screen.getByRole('button', { name: '以图表显示' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '以表格显示' })).toBeNull();
  });

  it('draws the same chart from the compact form the page carries', () => {
    const { lines, runs } = sweep();
    const unpacked = unpackSweep(spec, JSON.parse(JSON.stringify(packSweep(lines, runs))));
    expect(unpacked).toEqual(lines);
  });
});
