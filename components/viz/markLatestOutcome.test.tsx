// @vitest-environment happy-dom
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutcomeId } from 'tcp-lab';
import { DecisionTree } from './DecisionTree';
import { markLatestOutcome } from './markLatestOutcome';
import { outcomeIds } from './outcomeMeta';
import { vizStrings } from './strings';

afterEach(() => {
  document.body.innerHTML = '';
});

function mount(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host;
}

/** Elements, attributes (in name order) and text: what the reader and the styles see. */
function structure(node: Element): string {
  const attributes = [...node.attributes]
    .filter((a) => a.name !== 'id' && a.name !== 'aria-labelledby') // useId differs per render
    .map((a) => `${a.name}="${a.value}"`)
    .sort()
    .join(' ');
  const children = [...node.childNodes]
    .map((child) => (child.nodeType === 1 ? structure(child as Element) : child.textContent))
    .join('');
  return `<${node.localName} ${attributes}>${children}</${node.localName}>`;
}

describe('markLatestOutcome', () => {
  it.each(outcomeIds)('marks %s exactly as DecisionTree renders it reached', (outcome) => {
    const label = vizStrings('en').tree.reached;
    const marked = mount(renderToString(<DecisionTree lang="en" />));
    markLatestOutcome(marked, outcome as OutcomeId, label);
    const rendered = mount(renderToString(<DecisionTree lang="en" reached={outcome} />));
    expect(structure(marked)).toBe(structure(rendered));
  });

  it('moves the mark to a newer run, and clears it for an unknown one', () => {
    const label = vizStrings('zh').tree.reached;
    const tree = mount(renderToString(<DecisionTree lang="zh" />));
    const unmarked = structure(tree);
    markLatestOutcome(tree, outcomeIds[0], label);
    markLatestOutcome(tree, outcomeIds[1], label);
    expect(tree.querySelectorAll('[aria-current]')).toHaveLength(1);
    expect(tree.querySelectorAll('.viz-leaf-here')).toHaveLength(1);
    markLatestOutcome(tree, undefined, label);
    expect(structure(tree)).toBe(unmarked);
  });
});
