// @vitest-environment happy-dom
import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecisionTree } from './DecisionTree';
import { RunView } from './RunView';
import { unplugWithData } from './testing/labScenarios';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/** Server-render, then hydrate in the browser: React reports any difference as an error. */
async function hydrateLikeAstro(element: React.ReactElement) {
  const errors: unknown[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
  const container = document.createElement('div');
  container.innerHTML = renderToString(element);
  const html = container.innerHTML;
  document.body.append(container);
  await act(async () => {
    hydrateRoot(container, element, { onRecoverableError: (e) => errors.push(e) });
  });
  return { errors, html, after: container.innerHTML };
}

describe('hydration', () => {
  it('the browser renders exactly what the build rendered for a real run', async () => {
    const result = unplugWithData({ replug: true });
    const { errors, html, after } = await hydrateLikeAstro(<RunView result={result} lang="zh" />);
    expect(errors).toEqual([]);
    expect(after).toBe(html);
  });

  it('the decision tree hydrates without a highlight mismatch, then follows the stored run', async () => {
    localStorage.setItem('tcp-unplugged-latest-outcome', 'idle-forever');
    const { errors } = await hydrateLikeAstro(<DecisionTree lang="en" followLatest />);
    expect(errors).toEqual([]);
    expect(document.querySelector('.viz-leaf[aria-current]')!.getAttribute('data-outcome')).toBe(
      'idle-forever',
    );
  });
});
