// The lesson as one decision tree, each leaf an outcome with its card and chapter link. The leaf
// of the reader's latest run is highlighted: from the `reached` prop, or (with followLatest)
// from what the reader's last Playground run remembered. The server renders no highlight for
// followLatest, so hydration matches; the browser then adds it.
import { useId, useSyncExternalStore } from 'react';
import type { OutcomeId } from 'tcp-lab';
import { chapterNumber, chapterUrl, outcomeChapter } from './chapters';
import { isLeaf, lessonTree, pathTo, type TreeNode } from './lessonTree';
import { readLatestOutcome, subscribeLatestOutcome } from './latestOutcome';
import { OutcomeIcon } from './OutcomeIcon';
import { outcomeTone } from './outcomeMeta';
import { fill, type VizLang, vizStrings } from './strings';
import './viz.css';

export interface DecisionTreeProps {
  lang: VizLang;
  /** The outcome to highlight. */
  reached?: OutcomeId;
  /** Highlight the outcome of the reader's latest run (remembered in the browser). */
  followLatest?: boolean;
  /** Heading level of the tree's title. */
  headingLevel?: 2 | 3 | 4;
  base?: string;
}

const noSubscription = () => () => {};

function useLatestOutcome(enabled: boolean): OutcomeId | undefined {
  return useSyncExternalStore(
    enabled ? subscribeLatestOutcome : noSubscription,
    () => (enabled ? readLatestOutcome() : undefined),
    () => undefined,
  );
}

export function DecisionTree({
  lang,
  reached,
  followLatest = false,
  headingLevel = 2,
  base,
}: DecisionTreeProps) {
  const t = vizStrings(lang);
  const titleId = useId();
  const latest = useLatestOutcome(followLatest);
  const highlighted = reached ?? latest;
  const onPath = new Set<TreeNode>(highlighted ? pathTo(highlighted) : []);
  const Heading = `h${headingLevel}` as const;

  const renderNode = (node: TreeNode) => {
    const answer = node.answer ? <span className="viz-answer">{t.tree[node.answer]}</span> : null;
    if (isLeaf(node)) {
      const here = node.outcome === highlighted;
      const slug = outcomeChapter[node.outcome];
      const text = t.outcomes[node.outcome];
      return (
        <li
          key={node.outcome}
          className="viz-leaf"
          data-outcome={node.outcome}
          data-tone={outcomeTone[node.outcome]}
          data-reached={here ? '' : undefined}
          data-on-path={here ? '' : undefined}
          aria-current={here ? 'true' : undefined}
        >
          {answer}
          <div className="viz-leaf-card">
            <p className="viz-leaf-title">
              <OutcomeIcon tone={outcomeTone[node.outcome]} size={20} />
              <span>{text.title}</span>
            </p>
            {here && <p className="viz-leaf-here">{t.tree.reached}</p>}
            <p className="viz-leaf-text">{text.explanation}</p>
            <p className="viz-leaf-link">
              <a href={chapterUrl(lang, slug, base)}>
                {fill(t.card.chapterLink, { n: chapterNumber(slug) })} →
              </a>
            </p>
          </div>
        </li>
      );
    }
    return (
      <li
        key={node.question}
        className="viz-branch"
        data-on-path={onPath.has(node) ? '' : undefined}
      >
        {answer}
        <p className="viz-question">{t.tree[node.question]}</p>
        <ul>{node.children.map(renderNode)}</ul>
      </li>
    );
  };

  return (
    <section className="viz viz-tree" aria-labelledby={titleId}>
      <Heading id={titleId} className="viz-tree-title">
        {t.tree.title}
      </Heading>
      <p className="viz-tree-description">{t.tree.description}</p>
      <ul className="viz-tree-root" data-on-path={highlighted ? '' : undefined}>
        {renderNode(lessonTree)}
      </ul>
    </section>
  );
}

export default DecisionTree;
