// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DecisionTree } from './DecisionTree';
import { outcomeIds } from './outcomeMeta';
import { RunView } from './RunView';
import { vizStrings } from './strings';
import { idleUnplugged, unplugWithData } from './testing/labScenarios';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

function highlighted() {
  return [...document.querySelectorAll<HTMLElement>('.viz-leaf[aria-current]')];
}

describe('DecisionTree', () => {
  it('shows every outcome as a leaf with a chapter link', () => {
    render(<DecisionTree lang="en" base="/b/" />);
    const leaves = document.querySelectorAll<HTMLElement>('.viz-leaf');
    expect([...leaves].map((l) => l.dataset.outcome).sort()).toEqual([...outcomeIds].sort());
    for (const leaf of leaves)
      expect(leaf.querySelector('a')!.getAttribute('href')).toMatch(/^\/b\/en\/[a-z-]+\/$/);
    expect(highlighted()).toHaveLength(0);
  });

  it('highlights the leaf a real run reached, and only that one', () => {
    const result = unplugWithData({ replug: false });
    render(<DecisionTree lang="zh" reached={result.outcome.id} />);
    const [leaf] = highlighted();
    expect(highlighted()).toHaveLength(1);
    expect(leaf!.dataset.outcome).toBe('sender-aborts');
    expect(leaf!.textContent).toContain(vizStrings('zh').tree.reached);
  });

  it("follows the reader's latest run from another part of the site", () => {
    render(<DecisionTree lang="en" followLatest />);
    expect(highlighted()).toHaveLength(0);
    const result = idleUnplugged({ keepalive: true });
    act(() => {
      render(<RunView result={result} lang="en" remember />);
    });
    expect(highlighted().map((l) => l.dataset.outcome)).toEqual(['keepalive-detects-dead-peer']);
    expect(screen.getByText(vizStrings('en').tree.reached)).toBeTruthy();
  });

  it('counts a run the reader made, not the one the page was built with', () => {
    render(<DecisionTree lang="en" followLatest />);
    const built = unplugWithData({ replug: false });
    const { rerender } = render(<RunView result={built} lang="en" />);
    expect(highlighted()).toHaveLength(0);
    const edited = idleUnplugged({ keepalive: false });
    act(() => rerender(<RunView result={edited} lang="en" />));
    expect(highlighted().map((l) => l.dataset.outcome)).toEqual(['idle-forever']);
  });
});
