// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Counters } from './Counters';
import { RunView } from './RunView';
import { SocketTable } from './SocketTable';
import { vizStrings } from './strings';
import { idleUnplugged, unplugWithData } from './testing/labScenarios';

afterEach(cleanup);

const en = vizStrings('en');
const zh = vizStrings('zh');

function cell(counter: string, host: 'client' | 'server') {
  return document.querySelector<HTMLElement>(
    `.viz-counters tr[data-counter="${counter}"] td[data-host="${host}"]`,
  )!;
}

describe('the nstat panel', () => {
  it('shows both kernels’ counters of a run that ended in an abort, under the kernel’s names', () => {
    const result = unplugWithData({ replug: false });
    render(<Counters result={result} lang="en" />);
    const retrans = result.server.retransmissions + result.server.tlps;
    expect(cell('TcpRetransSegs', 'server').textContent).toBe(String(retrans));
    expect(cell('TcpExtTCPAbortOnTimeout', 'server').textContent).toBe('1');
    expect(cell('TcpExtTCPLossProbes', 'server').textContent).toBe(String(result.server.tlps));
    expect(cell('TcpActiveOpens', 'client').textContent).toBe('1');
    expect(cell('TcpRetransSegs', 'client').hasAttribute('data-zero')).toBe(true);
    // Zero on both hosts: left out, as nstat does without -z.
    expect(
      document.querySelector('.viz-counters tr[data-counter="TcpExtTCPKeepAlive"]'),
    ).toBeNull();
    const nonZero = Object.keys(result.counters.server).filter(
      (k) =>
        result.counters.server[k as keyof typeof result.counters.server] > 0 ||
        result.counters.client[k as keyof typeof result.counters.client] > 0,
    ).length;
    expect(document.querySelectorAll('.viz-counters tbody tr')).toHaveLength(nonZero);
    expect(
      screen.getByText(`nstat -a: the kernel counters at the end (${nonZero} not zero)`),
    ).toBeTruthy();
  });

  it('is a closed <details> inside every run view, in both languages', () => {
    const result = idleUnplugged({ keepalive: true });
    render(<RunView result={result} lang="zh" />);
    const panel = document.querySelector<HTMLDetailsElement>('.viz .viz-counters')!;
    expect(panel.open).toBe(false);
    expect(panel.querySelector('summary')!.textContent).toMatch(
      /^nstat -a：运行结束时的内核计数器（\d+ 个不为零）$/,
    );
    expect(cell('TcpExtTCPKeepAlive', 'server').textContent).toBe(
      String(result.server.keepaliveProbes),
    );
    expect(panel.querySelector('caption')!.textContent).toBe(zh.counters.caption);
  });
});

describe('the timer column of ss -tno', () => {
  it('shows the retransmission timer with its backoff count, and nothing for a socket with none', () => {
    const result = unplugWithData({ replug: false });
    render(<SocketTable result={result} lang="en" />);
    expect(screen.getAllByRole('columnheader', { name: en.sockets.timer })).toHaveLength(2);
    expect(screen.getByText('client$ ss -tno')).toBeTruthy();
    const slider = screen.getByRole('slider');
    const server = () => document.querySelector<HTMLElement>('.viz-terminal[data-host="server"]')!;
    const seen = new Set<string>();
    for (let i = 0; i <= Number(slider.getAttribute('max')); i++) {
      fireEvent.change(slider, { target: { value: String(i) } });
      const timer = server().querySelector('tbody .viz-ss-timer')?.textContent;
      if (timer) seen.add(timer.replace(/,[^,]*,/, ',…,'));
    }
    // The TLP and then every backoff step show as "on", counting retransmissions.
    expect(seen.has('timer:(on,…,0)')).toBe(true);
    for (let n = 1; n < result.server.retransmissions; n++) {
      expect(seen.has(`timer:(on,…,${n})`)).toBe(true);
    }
    const client = document.querySelector<HTMLElement>('.viz-terminal[data-host="client"]')!;
    expect(client.querySelector('tbody .viz-ss-timer')!.textContent).toBe('');
  });

  it('an idle socket with keepalive shows the keepalive timer counting down in minutes', () => {
    const result = idleUnplugged({ keepalive: true });
    render(<SocketTable result={result} lang="en" at={60_000} />);
    const text = document.querySelector<HTMLElement>(
      '.viz-terminal[data-host="server"] tbody .viz-ss-timer',
    )!.textContent!;
    expect(text).toMatch(/^timer:\(keepalive,1\d\dmin,0\)$/);
  });
});
