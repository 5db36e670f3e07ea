// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from 'tcp-lab';
import { formatDuration } from './format';
import { RunView } from './RunView';
import { vizStrings } from './strings';
import {
  idleUnplugged,
  keepaliveAfterReplug,
  rebootReset,
  unplugWithData,
} from './testing/labScenarios';

afterEach(cleanup);

const en = vizStrings('en');

function card() {
  return document.querySelector<HTMLElement>('.viz-card')!;
}
function errorCell(host: 'client' | 'server') {
  return card().querySelector<HTMLElement>(`tr[data-row="error"] td[data-host="${host}"]`)!;
}
function arrows() {
  return [...document.querySelectorAll<SVGGElement>('.viz-arrow')];
}
function lostArrows() {
  return arrows().filter((a) => a.hasAttribute('data-lost'));
}
function breakLabels() {
  return [...document.querySelectorAll('.viz-break text')].map((t) => t.textContent);
}

describe('unplugged with data in flight, cable back in time', () => {
  let result: RunResult;
  beforeAll(() => {
    result = unplugWithData({ replug: true });
  });

  it('tells the reader the connection survived, and where to read why', () => {
    render(<RunView result={result} lang="en" base="/site/" />);
    expect(card().dataset.outcome).toBe('survives-after-replug');
    expect(
      screen.getByRole('heading', { name: en.outcomes['survives-after-replug'].title }),
    ).toBeTruthy();
    expect(errorCell('client').textContent).toBe(en.card.noError);
    expect(errorCell('server').textContent).toBe(en.card.noError);
    const link = within(card()).getByRole('link');
    expect(link.getAttribute('href')).toBe('/site/en/data-in-flight/');
  });

  it('stops each segment sent into the pulled cable at the cut, and delivers the one after', () => {
    render(<RunView result={result} lang="en" />);
    const lost = lostArrows();
    expect(lost.length).toBeGreaterThanOrEqual(2); // the data and at least its first re-send
    expect(lost.length).toBe(result.segments.filter((s) => !s.delivered).length);
    for (const arrow of lost) expect(arrow.querySelector('.viz-arrow-cut')).toBeTruthy();
    const firstDeliveredAfterReplug = arrows().find(
      (a) => !a.hasAttribute('data-lost') && a.dataset.role === 'retransmission',
    );
    expect(firstDeliveredAfterReplug).toBeTruthy();
    expect(document.querySelectorAll('.viz-band[data-kind="unplugged"]')).toHaveLength(1);
  });
});

describe('unplugged with data in flight, cable never back', () => {
  let result: RunResult;
  beforeAll(() => {
    result = unplugWithData({ replug: false });
  });

  it('shows the sender giving up with ETIMEDOUT after about 15 minutes', () => {
    render(<RunView result={result} lang="en" />);
    expect(card().dataset.outcome).toBe('sender-aborts');
    const errorAt = result.server.errorAt!;
    // Reference timeline (a): the abort comes ~925.8 s after the data was sent at 2 s.
    expect(errorAt / 1000).toBeGreaterThan(900);
    expect(errorAt / 1000).toBeLessThan(960);
    expect(errorCell('server').textContent).toBe(`ETIMEDOUT at ${formatDuration(errorAt, 'en')}`);
    expect(errorCell('server').textContent).toMatch(/^ETIMEDOUT at 15 min \d/);
    expect(errorCell('client').textContent).toBe(en.card.noError);
  });

  it('draws fifteen retransmissions, all lost, and an ETIMEDOUT callout on the server', () => {
    render(<RunView result={result} lang="en" />);
    const rtos = arrows().filter((a) => a.dataset.role === 'retransmission');
    expect(rtos).toHaveLength(15);
    expect(rtos.every((a) => a.hasAttribute('data-lost'))).toBe(true);
    const label = rtos[14]!.querySelector('.viz-role')!.textContent;
    expect(label).toContain('retransmission #15');
    const callouts = document.querySelectorAll('.viz-note[data-kind="error"][data-host="server"]');
    expect([...callouts].map((c) => c.textContent)).toEqual(['ETIMEDOUT']);
  });

  it('puts the doubling retransmissions on a log axis', () => {
    render(<RunView result={result} lang="en" />);
    expect(document.querySelector('.viz-timeline-svg')!.getAttribute('data-scale')).toBe('log');
    expect(screen.getByText(/log scale, counted from “cable unplugged”/)).toBeTruthy();
  });

  it('lets the reader see ss -tn before and after the abort', () => {
    render(<RunView result={result} lang="en" />);
    const server = () => document.querySelector<HTMLElement>('.viz-terminal[data-host="server"]')!;
    // At the end the server has dropped the connection; the client still believes in it.
    expect(server().textContent).toContain(en.sockets.empty);
    const client = document.querySelector<HTMLElement>('.viz-terminal[data-host="client"]')!;
    expect(client.textContent).toContain('ESTAB');
    // Back to the moment the data was queued: the server's socket is ESTAB with bytes unacknowledged.
    const slider = screen.getByRole('slider');
    fireEvent.change(slider, { target: { value: '1' } });
    const moments = Number(slider.getAttribute('max'));
    let found = false;
    for (let i = 0; i <= moments && !found; i++) {
      fireEvent.change(slider, { target: { value: String(i) } });
      const row = server().querySelector('tbody tr[data-state="ESTABLISHED"]');
      if (row && Number(row.children[2]!.textContent) > 0) found = true;
    }
    expect(found).toBe(true);
  });
});

describe('idle connection, cable pulled', () => {
  it('without keepalive: nobody notices, and the quiet hours collapse into one break', () => {
    const result = idleUnplugged({ keepalive: false });
    render(<RunView result={result} lang="en" />);
    expect(card().dataset.outcome).toBe('idle-forever');
    expect(lostArrows()).toHaveLength(0);
    const breaks = breakLabels();
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toMatch(/^⋯ 2 h 59 min 59 s idle ⋯$/);
    const terminals = document.querySelectorAll('.viz-terminal tbody tr[data-state="ESTABLISHED"]');
    expect(terminals).toHaveLength(2);
  });

  it('with keepalive: nine lost probes after two idle hours, then ETIMEDOUT', () => {
    const result = idleUnplugged({ keepalive: true });
    render(<RunView result={result} lang="en" />);
    expect(card().dataset.outcome).toBe('keepalive-detects-dead-peer');
    const probes = arrows().filter((a) => a.dataset.role === 'keepalive');
    expect(probes).toHaveLength(9);
    expect(probes.every((a) => a.hasAttribute('data-lost'))).toBe(true);
    expect(breakLabels()[0]).toMatch(/^⋯ 1 h 59 min 5\d s idle ⋯$/);
    expect(errorCell('server').textContent).toMatch(/^ETIMEDOUT at 2 h 11 min/);
    expect(card().querySelector('tr[data-row="probes"] td[data-host="server"]')!.textContent).toBe(
      '9',
    );
  });

  it('keepalive after the cable is back: two probes lost, the third answered', () => {
    const result = keepaliveAfterReplug();
    render(<RunView result={result} lang="en" />);
    expect(card().dataset.outcome).toBe('keepalive-answered');
    const probes = arrows().filter((a) => a.dataset.role === 'keepalive');
    expect(probes.map((p) => p.hasAttribute('data-lost'))).toEqual([true, true, false]);
    expect(probes[2]!.querySelector('.viz-role')!.textContent).toContain('keepalive probe #3');
    const answer = arrows().find((a) => a.dataset.role === 'keepalive-ack')!;
    expect(answer.hasAttribute('data-lost')).toBe(false);
    expect(errorCell('server').textContent).toBe(en.card.noError);
  });
});

describe('a rebooted server', () => {
  it('answers the old connection with an RST, and the client sees ECONNRESET', () => {
    const result = rebootReset();
    render(<RunView result={result} lang="zh" />);
    const zh = vizStrings('zh');
    expect(card().dataset.outcome).toBe('host-reboot-reset');
    expect(
      screen.getByRole('heading', { name: zh.outcomes['host-reboot-reset'].title }),
    ).toBeTruthy();
    expect(errorCell('client').textContent).toMatch(/^ECONNRESET，于 /);
    expect(arrows().some((a) => a.dataset.role === 'rst' && !a.hasAttribute('data-lost'))).toBe(
      true,
    );
    expect(document.querySelectorAll('.viz-band[data-kind="host-down"]')).toHaveLength(1);
    const callout = document.querySelector('.viz-note[data-kind="error"][data-host="client"]');
    expect(callout!.textContent).toBe('ECONNRESET');
  });
});
