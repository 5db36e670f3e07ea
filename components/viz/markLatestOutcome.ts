// The summary's decision tree is static HTML (no framework in the page); this marks the leaf of
// the reader's latest run in it, as DecisionTree renders `reached`: the leaf, the branches on
// its way from the root, and a "your latest run" line. Leaves are nested in their branches, so
// the path is the leaf's ancestors.
import type { OutcomeId } from 'tcp-lab';

export function markLatestOutcome(
  tree: HTMLElement,
  outcome: OutcomeId | undefined,
  reachedLabel: string,
): void {
  for (const node of tree.querySelectorAll('[data-on-path]')) node.removeAttribute('data-on-path');
  for (const node of tree.querySelectorAll('[data-reached]')) {
    node.removeAttribute('data-reached');
    node.removeAttribute('aria-current');
  }
  for (const note of tree.querySelectorAll('.viz-leaf-here')) note.remove();

  const leaf = outcome && tree.querySelector(`.viz-leaf[data-outcome="${outcome}"]`);
  if (!leaf) return;
  leaf.setAttribute('data-reached', '');
  leaf.setAttribute('aria-current', 'true');
  for (let node: Element | null = leaf; node && node !== tree; node = node.parentElement) {
    if (node.matches('li, .viz-tree-root')) node.setAttribute('data-on-path', '');
  }
  const note = document.createElement('p');
  note.className = 'viz-leaf-here';
  note.textContent = reachedLabel;
  leaf.querySelector('.viz-leaf-title')?.after(note);
}
