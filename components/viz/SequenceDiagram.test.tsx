// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from 'tcp-lab';
import { SequenceDiagram } from './SequenceDiagram';
import { unplugWithData } from './testing/labScenarios';

afterEach(cleanup);

describe('SequenceDiagram on a real run', () => {
  let result: RunResult;
  beforeAll(() => {
    result = unplugWithData({ replug: true });
  });

  it('gives every arrow a title and an accessible name that say when, who and what', () => {
    render(<SequenceDiagram result={result} lang="en" />);
    const arrows = document.querySelectorAll('.viz-arrow');
    expect(arrows).toHaveLength(result.segments.length);
    for (const arrow of arrows) {
      const name = arrow.getAttribute('aria-label')!;
      expect(arrow.querySelector('title')!.textContent).toBe(name);
      expect(name).toMatch(/^[\d.]+(ms|s|m|h).*, (client|server) → (client|server): \[/);
    }
    const lost = [...arrows].find((a) => a.hasAttribute('data-lost'))!;
    expect(lost.getAttribute('aria-label')).toMatch(/lost: cable unplugged$/);
  });

  it('is one tab stop; the arrow keys walk the segments and show their details', () => {
    render(<SequenceDiagram result={result} lang="en" />);
    const arrows = [...document.querySelectorAll<SVGGElement>('.viz-arrow')];
    expect(arrows.filter((a) => a.getAttribute('tabindex') === '0')).toHaveLength(1);
    arrows[0]!.focus();
    fireEvent.focus(arrows[0]!);
    const details = document.querySelector('.viz-seq-details')!;
    expect(details.textContent).toContain('client → server');
    expect(details.textContent).toContain('[S]');
    fireEvent.keyDown(arrows[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(arrows[1]);
    expect(arrows[1]!.getAttribute('tabindex')).toBe('0');
    expect(arrows[0]!.getAttribute('tabindex')).toBe('-1');
    fireEvent.keyDown(arrows[1]!, { key: 'End' });
    expect(document.activeElement).toBe(arrows[arrows.length - 1]);
  });

  it('reports the focused segment so the page can follow it', () => {
    const seen: number[] = [];
    render(<SequenceDiagram result={result} lang="en" onSelect={(s) => s && seen.push(s.id)} />);
    const third = document.querySelectorAll<SVGGElement>('.viz-arrow')[2]!;
    fireEvent.mouseEnter(third);
    expect(seen).toEqual([2]);
  });

  it('shows a callout next to the hovered arrow and removes it when the pointer leaves', () => {
    render(<SequenceDiagram result={result} lang="en" />);
    const lost = document.querySelector<SVGGElement>('.viz-arrow[data-lost]')!;
    expect(document.querySelector('.viz-tip')).toBeNull();
    fireEvent.mouseEnter(lost);
    const tip = document.querySelector('.viz-tip')!;
    expect(tip.getAttribute('aria-hidden')).toBe('true');
    expect(tip.textContent).toMatch(/^server → client · sent at .*lost: cable unplugged$/);
    fireEvent.mouseLeave(lost);
    expect(document.querySelector('.viz-tip')).toBeNull();
  });
});
