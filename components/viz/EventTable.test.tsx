// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EventTable } from './EventTable';
import { rebootReset } from './testing/labScenarios';

afterEach(cleanup);

describe('EventTable', () => {
  it('lists every event of a real run behind a disclosure that works without JavaScript', () => {
    const result = rebootReset();
    render(<EventTable result={result} lang="en" />);
    const details = document.querySelector('details')!;
    expect(details.querySelector('summary')!.textContent).toBe(
      `Show every event as a table (${result.events.length})`,
    );
    const rows = screen.getAllByRole('row', { hidden: true }).slice(1);
    expect(rows).toHaveLength(result.events.length);
    const texts = rows.map((r) => r.textContent ?? '');
    expect(texts.some((t) => t.includes('host crashed'))).toBe(true);
    expect(texts.some((t) => t.includes('host booted'))).toBe(true);
    expect(texts.some((t) => /error ECONNRESET/.test(t))).toBe(true);
  });
});
